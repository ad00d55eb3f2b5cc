// tfjs in the browser's analysis worker: WebGPU when the machine has a real (not a software fallback) adapter,
// else the wasm backend with SIMD, with threads only when the page is cross-origin isolated (SharedArrayBuffer),
// else tfjs's plain JavaScript cpu backend. The .wasm binaries are emitted by Vite as assets and handed to tfjs
// by URL; nothing is fetched from a CDN.
import * as tf from '@tensorflow/tfjs'
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm'
import plainWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'
import simdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'
import threadedWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'
import { selectBackend, type BackendName } from '../../../core/tf/backends.js'
import type { BackendChoice, BackendInfo } from '../src/protocol.js'
import { webgpuAdapter } from './webgpuAdapter.js'

let wasmPathsSet = false

/** Points tfjs-backend-wasm at the emitted binaries and allows threads only under cross-origin isolation. */
function configureWasm(): void {
  if (wasmPathsSet) return
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plainWasmUrl,
    'tfjs-backend-wasm-simd.wasm': simdWasmUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedWasmUrl,
  })
  // SharedArrayBuffer exists only in a cross-origin isolated context (COOP + COEP headers on the page and this worker).
  if (!globalThis.crossOriginIsolated) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false)
  wasmPathsSet = true
}

/** How the wasm backend runs: SIMD, and its thread count (tfjs's default: half the cores, at most 4). */
async function wasmLabel(): Promise<string> {
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'SIMD' : 'no SIMD'
  if (!(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'))) return `WebAssembly (${simd}, single-threaded)`
  const threads = getThreadsCount()
  return `WebAssembly (${simd}, ${threads} thread${threads === 1 ? '' : 's'})`
}

const LABELS: Record<BackendName, string> = { webgpu: 'WebGPU', wasm: 'WebAssembly', cpu: 'plain JavaScript (tfjs cpu)' }

/**
 * Starts tfjs on the backend `choice` asks for (`auto`: WebGPU on a real adapter, else wasm) and says which one
 * runs and why a faster one did not. Falls back down the list webgpu → wasm → cpu when one cannot start.
 */
export async function setupTensorflow(choice: BackendChoice): Promise<BackendInfo> {
  configureWasm()
  tf.env().set('IS_TEST', true) // no "install tfjs-node" banner
  let note: string | undefined
  let order: BackendName[] = choice === 'cpu' ? ['cpu'] : ['wasm', 'cpu']
  if (choice === 'auto' || choice === 'webgpu') {
    // `auto` takes WebGPU only on real hardware; asked for by name, WebGPU runs on a software adapter too (slowly).
    const gpu = await webgpuAdapter()
    if (gpu.found && (!gpu.software || choice === 'webgpu')) {
      await import('@tensorflow/tfjs-backend-webgpu')
      order = ['webgpu', 'wasm', 'cpu']
      if (gpu.software) note = `a software WebGPU adapter (${gpu.name}): slower than WebAssembly`
    } else {
      note = gpu.found ? `only a software WebGPU adapter (${gpu.name})` : gpu.reason
    }
  }
  const name = await selectBackend(order)
  if (choice !== 'auto' && choice !== name) note = `${LABELS[choice as BackendName]} could not start${note ? `: ${note}` : ''}`
  if (name === 'wasm' && !globalThis.crossOriginIsolated) note = [note, 'no threads: the page is not cross-origin isolated'].filter(Boolean).join('; ')
  const label = name === 'wasm' ? await wasmLabel() : LABELS[name]
  return { name, label, note }
}
