import { readFile } from 'node:fs/promises'
import { Worker } from 'node:worker_threads'
import { ABORT_ERROR, checkThreadCount, STALL_MILLISECONDS, threadsOver, type TrainingThreads, type TrainingThreadsOptions } from '../vae/fused/threads.js'
import { instantiateSymscope } from './module.js'

export { MAX_THREADS } from '../vae/fused/threads.js'

// Each worker instantiates the threaded module over the shared memory and then only runs vaeTrainThread: it never
// allocates, so the allocator's state is the main instance's alone. A trap in it aborts the group (the others leave
// their barriers; thread 0 throws). The source is inline (CommonJS, eval) so that it runs the same from dist/ and
// from the TypeScript sources under test.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { module, memory, thread, threads, stallMilliseconds } = workerData
const abort = (_message, _file, line, column) => { throw new Error('symscope wasm: internal error at ' + line + ':' + column) }
const { exports } = new WebAssembly.Instance(module, { env: { memory, abort } })
parentPort.on('message', (args) => {
  try {
    exports.vaeTrainThread(...args, thread, threads, stallMilliseconds)
  } catch (error) {
    exports.vaeGroupAbort(args[0], thread, ${ABORT_ERROR})
  }
})
parentPort.postMessage('ready')
`

/** @internal Test hook: the worker of each thread 1 … count − 1 (to terminate one). */
export const workersForTest = new WeakMap<TrainingThreads, readonly Worker[]>()

/**
 * Starts `count` threads (this one and count − 1 worker_threads) for the fused trainer, over a new shared
 * WebAssembly.Memory. Pass the result as `threads` to trainVae; close it when done (the workers do not keep Node
 * alive meanwhile). A worker that has exited fails the next training call with a TrainingThreadError.
 */
export async function startTrainingThreads(count: number, options: TrainingThreadsOptions = {}): Promise<TrainingThreads> {
  checkThreadCount(count)
  const stallMilliseconds = options.stallMilliseconds ?? STALL_MILLISECONDS
  const module = await WebAssembly.compile(await readFile(new URL('./symscope-threads.wasm', import.meta.url)))
  const memory = new WebAssembly.Memory({ initial: 16, maximum: 65536, shared: true })
  const workers = Array.from(
    { length: count - 1 },
    (_, i) => new Worker(WORKER_SOURCE, { eval: true, workerData: { module, memory, thread: i + 1, threads: count, stallMilliseconds } }),
  )
  await Promise.all(
    workers.map((worker) => new Promise((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    })),
  )
  let closing = false
  let exited: number | undefined
  workers.forEach((worker, i) => {
    worker.unref()
    worker.once('exit', () => {
      if (!closing) exited ??= i + 1
    })
  })
  // Instantiated after the workers: every instantiation writes the module's data segments into the memory, which is
  // harmless only before anything has been allocated there.
  const wasm = await instantiateSymscope(module, memory)
  const threads = threadsOver(wasm, workers, stallMilliseconds, () => exited, async () => {
    closing = true
    await Promise.all(workers.map((worker) => worker.terminate()))
  })
  workersForTest.set(threads, workers)
  return threads
}
