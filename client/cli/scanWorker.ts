// One worker thread of `symscope scan`'s pool: loads the compute module (and tfjs for a tfjs trainer) once, then runs the full
// analysis of each point it is sent (core/analysis analyze), reporting every epoch and posting the finished report.
import { parentPort, workerData } from 'node:worker_threads'
import { analyze, type AnalysisInput } from '../../core/analysis/index.js'
import { isSymscopeError } from '../../core/index.js'
import type { TrainerName, VaeConfig } from '../../core/vae/index.js'
import { loadWasm } from '../../core/wasm/node.js'
import { startTrainer } from './trainer.js'

/** What the pool sends: one point to analyse. */
export interface PointTask {
  task: number
  config: Partial<VaeConfig>
  threshold?: number
}

/** What a worker posts back. */
export type WorkerMessage =
  | { type: 'epoch'; task: number; epoch: number; epochs: number }
  | { type: 'done'; task: number; report: unknown }
  | { type: 'error'; task: number; code: string | null; message: string }

const { input, trainer } = workerData as { input: AnalysisInput; trainer: TrainerName }
const port = parentPort!
const ready = (async () => {
  const wasm = await loadWasm()
  await startTrainer(trainer)
  return wasm
})()

// Points run one at a time per worker, in the order sent.
let queue = Promise.resolve()
port.on('message', (task: PointTask) => {
  queue = queue.then(async () => {
    try {
      const wasm = await ready
      const report = await analyze(wasm, input, {
        config: task.config,
        threshold: task.threshold,
        trainer,
        onEpoch: (record, epochs) => port.postMessage({ type: 'epoch', task: task.task, epoch: record.epoch, epochs } satisfies WorkerMessage),
      })
      port.postMessage({ type: 'done', task: task.task, report } satisfies WorkerMessage)
    } catch (error) {
      port.postMessage({
        type: 'error',
        task: task.task,
        code: isSymscopeError(error) ? error.code : null,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies WorkerMessage)
    }
  })
})
