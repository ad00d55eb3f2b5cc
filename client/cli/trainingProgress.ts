import type { EpochRecord } from '../../core/vae/index.js'
import { createProgressBar, type ProgressBar } from './progressBar.js'

/** An `onEpoch` callback that draws a progress bar with the current losses (on a terminal; silent otherwise). */
export function trainingProgress(label: string, epochs: number, quiet: boolean): { onEpoch: (r: EpochRecord) => void; finish: () => void } {
  let bar: ProgressBar | undefined
  return {
    onEpoch(record) {
      if (quiet) return
      bar ??= createProgressBar({ label, total: epochs, unit: 'epochs' })
      bar.update(record.epoch, `loss ${record.loss.toFixed(4)} (val ${record.validationLoss.toFixed(4)})`)
    },
    finish: () => bar?.finish(),
  }
}
