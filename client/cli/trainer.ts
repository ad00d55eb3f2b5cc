import { TRAINER_NAMES, type TrainerName } from '../../core/vae/index.js'
import { CliError } from './exitCodes.js'

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
