import { readFile } from 'node:fs/promises'
import { setFlagsFromString } from 'node:v8'
import { instantiateSymscope, type SymscopeWasm } from './module.js'

let loaded: Promise<SymscopeWasm> | undefined

/** Loads the compute module in Node from the `symscope.wasm` built beside this file (once per process). */
export function loadWasm(): Promise<SymscopeWasm> {
  loaded ??= readFile(new URL('./symscope.wasm', import.meta.url)).then((bytes) => instantiateSymscope(bytes))
  return loaded
}

/**
 * Has V8 compile WebAssembly with its optimising compiler (TurboFan) from a function's first call, without its
 * baseline compiler (Liftoff) first. V8 moves a function up to TurboFan only for later calls, so a kernel called once
 * for seconds runs all of that call in baseline code: the relevance bootstrap of 200,000 × 8 means (10⁶ events) took
 * 4.5 s of CPU on its first call and 1.8 s on its second, and most of the report's statistics are such single calls.
 * The same code either way (no relaxed SIMD), so the same bits; compiling the whole module this way costs ~0.1 s.
 * V8's flags are the process's, so entry points call this (the CLI, the benchmarks), before the first loadWasm,
 * rather than a library that someone else's process loads; worker threads started later inherit it.
 */
export function compileWasmOptimised(): void {
  setFlagsFromString('--no-liftoff')
}
