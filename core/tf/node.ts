// tfjs in Node: the wasm backend (SIMD) by default, the pure-JavaScript cpu backend as a fallback.
// @tensorflow/tfjs-node cannot be used: its install script downloads libtensorflow.
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm'
// tfjs-core's gradients are ES modules without file extensions, which Node cannot load; the union package's Node
// bundle registers them (and the cpu backend). Loaded only here, when a tfjs trainer is asked for.
import '@tensorflow/tfjs'
import * as tf from './tfjs.js'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { selectBackend, type BackendName } from './backends.js'

let wasmPathsSet = false

/**
 * Starts tfjs in Node on `backend` ('wasm' by default; 'cpu' on request or when wasm cannot start) and returns the
 * backend actually in use, which reports name.
 */
export async function setupTensorflow(backend: 'wasm' | 'cpu' = 'wasm'): Promise<BackendName> {
  if (!wasmPathsSet) {
    // The backend's .wasm files sit beside its entry point; in Node they are read from disk, never fetched.
    const entry = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm')
    setWasmPaths(`${dirname(entry)}/`)
    wasmPathsSet = true
  }
  tf.env().set('IS_TEST', true) // silences the "install tfjs-node" banner, which cannot be followed here
  return selectBackend(backend === 'wasm' ? ['wasm', 'cpu'] : ['cpu'])
}
