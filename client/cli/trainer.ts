import { TRAINER_NAMES, type TrainerName, type TrainingThreads } from '../../core/vae/index.js'
import { MAX_THREADS, startTrainingThreads } from '../../core/wasm/nodeThreads.js'
import { CliError } from './exitCodes.js'
import { parseInteger } from './parseValues.js'

/** The trainer named by `--backend`: fused (default), tfjs-wasm or tfjs-cpu (core/vae/model.ts). */
export function parseTrainer(text: string): TrainerName {
  if (!(TRAINER_NAMES as readonly string[]).includes(text)) throw new CliError(`--backend must be one of ${TRAINER_NAMES.join(', ')}; got '${text}'`)
  return text as TrainerName
}

/**
 * Gets the trainer ready. The fused trainer needs nothing; a tfjs one loads tfjs now (and only now, so an analysis
 * on the default never reads tfjs from disk) and starts its backend.
 */
export async function startTrainer(trainer: TrainerName): Promise<void> {
  if (trainer === 'fused') return
  const { setupTensorflow } = await import('../../core/tf/node.js')
  const backend = await setupTensorflow(trainer === 'tfjs-cpu' ? 'cpu' : 'wasm')
  if (`tfjs-${backend}` !== trainer) throw new CliError(`--backend ${trainer}: tfjs could only start its '${backend}' backend`, 1)
}

/**
 * The threads `--threads N` asks for (default 1: none started): N − 1 worker_threads share each batch of the fused
 * trainer with this one. They change the speed, never the report (core/vae/train.ts), so the id leaves them out.
 */
export async function startThreads(text: string, trainer: TrainerName): Promise<TrainingThreads | undefined> {
  const count = parseInteger('threads', text)
  if (count < 1 || count > MAX_THREADS) throw new CliError(`--threads must be from 1 to ${MAX_THREADS}; got ${count}`)
  if (count === 1) return undefined
  if (trainer !== 'fused') throw new CliError(`--threads applies to the fused backend only; got --backend ${trainer}`)
  return startTrainingThreads(count)
}
