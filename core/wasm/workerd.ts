// workerd forbids compiling WebAssembly from bytes: wrangler turns this import into a compiled module.
import compiled from './symscope.wasm'
import { instantiateSymscope, type SymscopeWasm } from './module.js'

let loaded: Promise<SymscopeWasm> | undefined

/** Loads the compute module inside a Worker (once per isolate). */
export function loadWasm(): Promise<SymscopeWasm> {
  loaded ??= instantiateSymscope(compiled)
  return loaded
}
