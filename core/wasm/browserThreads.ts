import { checkThreadCount, STALL_MILLISECONDS, threadsOver, type TrainingThreads, type TrainingThreadsOptions } from '../vae/fused/threads.js'
import type { TrainingThreadStart } from './browserTrainingThread.js'
import { instantiateSymscope } from './module.js'

/** Where the browser finds the threaded module and how it starts a thread's worker (the bundler must see both). */
export interface BrowserThreadSources {
  /** The URL of symscope-threads.wasm. */
  moduleUrl: URL | string
  /** A new module Web Worker running core/wasm/browserTrainingThread.ts. */
  spawn(): Worker
}

const compiled = new Map<string, Promise<WebAssembly.Module>>()

/** The threaded module, fetched and compiled once per URL (each run starts new threads over a new memory). */
function compiledModule(url: string): Promise<WebAssembly.Module> {
  let module = compiled.get(url)
  if (!module) {
    module = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`symscope-threads.wasm: HTTP ${response.status} from ${url}`)
      return WebAssembly.compile(await response.arrayBuffer())
    })
    module.catch(() => compiled.delete(url)) // a failed fetch is tried again next time
    compiled.set(url, module)
  }
  return module
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
  const module = await compiledModule(String(sources.moduleUrl))
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
  return threadsOver(wasm, workers, stallMilliseconds, () => failed, async () => {
    for (const worker of workers) worker.terminate()
  })
}
