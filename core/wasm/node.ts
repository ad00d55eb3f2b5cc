import { readFile } from 'node:fs/promises'
import { instantiateSymscope, type SymscopeWasm } from './module.js'

let loaded: Promise<SymscopeWasm> | undefined

/** Loads the compute module in Node from the `symscope.wasm` built beside this file (once per process). */
export function loadWasm(): Promise<SymscopeWasm> {
  loaded ??= readFile(new URL('./symscope.wasm', import.meta.url)).then((bytes) => instantiateSymscope(bytes))
  return loaded
}
