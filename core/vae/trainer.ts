import { SymscopeError } from '../errors.js'
import type { EpochTrainer, TrainerInput } from './epochTrainer.js'
import type { TrainerName } from './model.js'

export type { EpochTrainer, TrainerInput, ValidationLoss } from './epochTrainer.js'

/**
 * Starts trainer `name`. tfjs is loaded only here and only for a tfjs trainer, whose backend the caller has set up
 * (core/tf/node.ts, core/tf/workerd.ts, the web worker); asking for `tfjs-cpu` while tfjs runs on wasm is an error.
 */
export async function createEpochTrainer(name: TrainerName, input: TrainerInput): Promise<EpochTrainer> {
  if (name === 'fused') {
    const { FusedTrainer } = await import('./fused/trainer.js')
    return new FusedTrainer(input)
  }
  if (name.startsWith('tfjs-')) {
    const { TfjsTrainer } = await import('./tfjs/trainer.js')
    return TfjsTrainer.start(name, input)
  }
  throw new SymscopeError('invalid_parameter', `unknown trainer '${name}' (trainers: fused, tfjs-wasm, tfjs-cpu, tfjs-webgpu)`, {
    parameter: 'backend',
  })
}
