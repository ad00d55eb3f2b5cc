// The threads of the fused trainer in this browser: nested Web Workers over one shared memory (core/wasm/
// browserThreads.ts), when the page is cross-origin isolated. They change the speed, never the bits: 1 and N threads
// train the same network (assembly/vae/parallel.ts), so the report and its id are the same on any count.
import type { TrainingThreads } from '../../../core/vae/index.js'
import { canShareMemory, startBrowserTrainingThreads } from '../../../core/wasm/browserThreads.js'
import threadsWasmUrl from '../../../core/wasm/symscope-threads.wasm?url'

/**
 * Threads when the URL or the form names none: one per core but one (left to the page and the browser), at most 4,
 * the chunks of the default batch of 256 (assembly/vae/parallel.ts: 64-row chunks), so more would only wait.
 */
export function defaultThreads(cores = navigator.hardwareConcurrency || 1): number {
  return Math.max(1, Math.min(cores - 1, 4))
}

const spawn = () => new Worker(new URL('../../../core/wasm/browserTrainingThread.ts', import.meta.url), { type: 'module', name: 'symscope-training-thread' })

/** The threads a run trains on: `threads` undefined (one thread: none started) and, when fewer than asked, why. */
export interface ThreadsStarted {
  threads: TrainingThreads | undefined
  count: number
  note?: string
}

/**
 * Starts the threads `requested` asks for (undefined: defaultThreads()). Falls back to one thread, saying why, when the
 * page cannot share memory or the workers cannot start.
 */
export async function startThreads(requested: number | undefined): Promise<ThreadsStarted> {
  const count = requested ?? defaultThreads()
  if (count === 1) return { threads: undefined, count }
  if (!canShareMemory()) return { threads: undefined, count: 1, note: `1 thread, not ${count}: the page is not cross-origin isolated (no SharedArrayBuffer)` }
  try {
    return { threads: await startBrowserTrainingThreads(count, { moduleUrl: threadsWasmUrl, spawn }), count }
  } catch (error) {
    return { threads: undefined, count: 1, note: `1 thread, not ${count}: ${error instanceof Error ? error.message : String(error)}` }
  }
}
