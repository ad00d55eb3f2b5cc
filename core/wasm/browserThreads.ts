import {
  checkThreadCount,
  STALL_MILLISECONDS,
  TrainingThreadError,
  type TrainingThreads,
  type TrainingThreadsOptions,
  type TrainThreadArguments,
} from '../vae/fused/threads.js'
import type { TrainingThreadStart } from './browserTrainingThread.js'
import { instantiateSymscope } from './module.js'

/** Where the browser finds the threaded module and how it starts a thread's worker (the bundler must see both). */
export interface BrowserThreadSources {
  /** The URL of symscope-threads.wasm. */
  moduleUrl: URL | string
  /** A new module Web Worker running core/wasm/browserTrainingThread.ts. */
  spawn(): Worker
}

/** Whether this context may share memory between workers: cross-origin isolated, so SharedArrayBuffer exists. */
export const canShareMemory = (): boolean => globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function'

/**
 * The browser twin of core/wasm/nodeThreads.ts: starts `count` threads (this one, which must be a Web Worker, since
 * thread 0 waits with Atomics.wait, and count − 1 nested Web Workers) for the fused trainer over a new shared
 * WebAssembly.Memory. Needs cross-origin isolation (canShareMemory). The workers are started and have instantiated
 * the module before this thread does (each instantiation writes the module's data segments into the memory).
 */
export async function startBrowserTrainingThreads(count: number, sources: BrowserThreadSources, options: TrainingThreadsOptions = {}): Promise<TrainingThreads> {
  checkThreadCount(count)
  if (!canShareMemory()) throw new Error('threads need a cross-origin isolated page (SharedArrayBuffer)')
  const stallMilliseconds = options.stallMilliseconds ?? STALL_MILLISECONDS
  const response = await fetch(sources.moduleUrl)
  if (!response.ok) throw new Error(`symscope-threads.wasm: HTTP ${response.status} from ${String(sources.moduleUrl)}`)
  const module = await WebAssembly.compile(await response.arrayBuffer())
  const memory = new WebAssembly.Memory({ initial: 16, maximum: 65536, shared: true })
  const workers = Array.from({ length: count - 1 }, () => sources.spawn())
  // A worker whose script fails (it never came up, or threw outside a training call) fails the next call.
  let failed: number | undefined
  try {
    await Promise.all(
      workers.map((worker, i) => new Promise<void>((resolve, reject) => {
        worker.addEventListener('message', () => resolve(), { once: true })
        worker.addEventListener('error', (event) => {
          failed ??= i + 1
          reject(new Error(`training thread ${i + 1} could not start: ${event.message || 'its worker failed to load'}`))
        })
        const start: TrainingThreadStart = { module, memory, thread: i + 1, threads: count, stallMilliseconds }
        worker.postMessage(start)
      })),
    )
  } catch (error) {
    for (const worker of workers) worker.terminate()
    throw error
  }
  const wasm = await instantiateSymscope(module, memory)
  return {
    wasm,
    count,
    stallMilliseconds,
    train(args: TrainThreadArguments): number {
      if (failed !== undefined) throw new TrainingThreadError(failed, 'exited', count, stallMilliseconds)
      for (const worker of workers) worker.postMessage(args)
      return wasm.exports.vaeTrainThread(...args, 0, count, stallMilliseconds)
    },
    async close() {
      for (const worker of workers) worker.terminate()
    },
  }
}
