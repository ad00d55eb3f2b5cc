// tfjs in workerd (Cloudflare Workers): the wasm backend, fed a precompiled module.
// workerd forbids compiling WebAssembly from bytes, so tfjs-backend-wasm cannot fetch and compile its
// tfjs-backend-wasm-simd.wasm as it does elsewhere. wrangler imports the file as a compiled WebAssembly.Module;
// tfjs is pointed at a placeholder URL through its platform fetch, and the one call of WebAssembly.instantiate that
// receives the placeholder's bytes is answered with the precompiled module. Everything else passes through.
import '@tensorflow/tfjs-backend-cpu'
import '@tensorflow/tfjs-core/dist/register_all_gradients'
import * as tf from './tfjs.js'
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm'
import simdModule from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'
import { selectBackend, type BackendName } from './backends.js'

const PLACEHOLDER_URL = 'symscope:tfjs-backend-wasm-simd.wasm'
const PLACEHOLDER = new TextEncoder().encode('symscope precompiled tfjs-backend-wasm-simd')

const isPlaceholder = (source: unknown): boolean => {
  if (!(source instanceof ArrayBuffer) || source.byteLength !== PLACEHOLDER.byteLength) return false
  const bytes = new Uint8Array(source)
  return bytes.every((b, i) => b === PLACEHOLDER[i])
}

let setup: Promise<BackendName> | undefined

function installShim(): void {
  const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (source: unknown, imports?: WebAssembly.Imports) => Promise<unknown>
  ;(WebAssembly as unknown as { instantiate: typeof instantiate }).instantiate = (source, imports) =>
    isPlaceholder(source)
      ? (instantiate(simdModule, imports) as Promise<WebAssembly.Instance>).then((instance) => ({ instance, module: simdModule }))
      : instantiate(source, imports)
  const platform = tf.env().platform
  const fetchThrough = platform.fetch.bind(platform)
  platform.fetch = (path: string, init?: RequestInit) =>
    path === PLACEHOLDER_URL ? Promise.resolve(new Response(PLACEHOLDER)) : fetchThrough(path, init)
  const names = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']
  setWasmPaths(Object.fromEntries(names.map((n) => [n, PLACEHOLDER_URL])), true)
  // No threads in a Worker; SIMD is always there.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false)
  tf.env().set('WASM_HAS_SIMD_SUPPORT', true)
}

/** Starts tfjs in workerd on the wasm backend (cpu if it cannot start) and returns the backend in use. Once per isolate. */
export function setupTensorflow(): Promise<BackendName> {
  setup ??= (async () => {
    installShim()
    return selectBackend(['wasm', 'cpu'])
  })()
  return setup
}
