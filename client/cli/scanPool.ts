import { Worker } from 'node:worker_threads'
import type { AnalysisInput } from '../../core/analysis/index.js'
import { SymscopeError, type ErrorCode } from '../../core/index.js'
import type { TrainerName } from '../../core/vae/index.js'
import type { PointTask, WorkerMessage } from './scanWorker.js'

/** Most worker threads `--jobs` may ask for. */
export const MAX_JOBS = 64

export interface PoolOptions {
  jobs: number
  /** The trainer every worker runs (started once per worker). */
  trainer: TrainerName
  /** Called on every finished epoch of any point. */
  onEpoch?: (task: number, epoch: number, epochs: number) => void
  /** Called when a point's report arrives (in completion order, which varies with the timing). */
  onDone?: (task: number, report: unknown) => void
}

/**
 * Runs the given points on a pool of `jobs` worker threads (client/cli/scanWorker.ts), each with its own compute
 * module (and TensorFlow.js for a tfjs trainer), and resolves with the reports in the order of `tasks`, whatever order they finish in.
 * Points are handed out one at a time to whichever worker is free. A point that fails stops the pool and rejects
 * with its error; the workers are terminated either way.
 */
export async function runPool(input: AnalysisInput, tasks: readonly Omit<PointTask, 'task'>[], options: PoolOptions): Promise<unknown[]> {
  const results: unknown[] = new Array(tasks.length)
  if (!tasks.length) return results
  const count = Math.min(options.jobs, tasks.length)
  const workers = Array.from({ length: count }, () => new Worker(new URL('./scanWorker.js', import.meta.url), { workerData: { input, trainer: options.trainer } }))
  let next = 0
  let finished = 0
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (worker: Worker) => {
        if (next < tasks.length) worker.postMessage({ ...tasks[next], task: next++ } satisfies PointTask)
      }
      for (const worker of workers) {
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'epoch') options.onEpoch?.(message.task, message.epoch, message.epochs)
          else if (message.type === 'done') {
            results[message.task] = message.report
            options.onDone?.(message.task, message.report)
            if (++finished === tasks.length) resolve()
            else send(worker)
          } else {
            reject(message.code ? new SymscopeError(message.code as ErrorCode, message.message) : new Error(`scan point ${message.task + 1}: ${message.message}`))
          }
        })
        worker.on('error', reject)
        worker.on('exit', (code) => {
          if (code !== 0 && finished < tasks.length) reject(new Error(`a scan worker stopped with exit code ${code}`))
        })
        send(worker)
      }
    })
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
  return results
}
