import type { EpochRecord } from '../../core/vae/index.js'
import { createProgressBar, type ProgressBar } from './progressBar.js'

/** An `onEpoch` callback that draws a progress bar with the current losses (on a terminal; silent otherwise). */
export function trainingProgress(label: string, epochs: number, quiet: boolean): { onEpoch: (r: EpochRecord, planned?: number) => void; finish: () => void } {
  let bar: ProgressBar | undefined
  return {
    // `planned`: the epochs the training's cap allows (core/vae/train.ts); it usually stops sooner, on convergence.
    onEpoch(record, planned) {
      if (quiet) return
      bar ??= createProgressBar({ label, total: planned ?? epochs, unit: 'epochs' })
      bar.update(record.epoch, `loss ${record.loss.toFixed(4)} (val ${record.validationLoss.toFixed(4)})`)
    },
    finish: () => bar?.finish(),
  }
}
