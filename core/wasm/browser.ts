import { instantiateSymscope, type SymscopeWasm } from './module.js'

let loaded: Promise<SymscopeWasm> | undefined

/** Loads the compute module in a browser or Web Worker; bundlers resolve the URL to the emitted asset. */
export function loadWasm(url: URL | string = new URL('./symscope.wasm', import.meta.url)): Promise<SymscopeWasm> {
  loaded ??= fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`symscope.wasm: HTTP ${response.status} from ${String(url)}`)
      return response.arrayBuffer()
    })
    .then((bytes) => instantiateSymscope(bytes))
  return loaded
}
