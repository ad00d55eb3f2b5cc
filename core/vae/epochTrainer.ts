// The interface every trainer implements (fused/, tfjs/), apart from createEpochTrainer, which loads them: the
// trainers import this file and trainer.ts imports them, so the types here keep the import graph one-way.
import type { SymscopeWasm } from '../wasm/module.js'
import type { VaeConfig } from './config.js'
import type { TrainingThreads } from './fused/threads.js'
import type { Vae } from './model.js'

/** The validation loss and its two terms (docs/method.md): total = reconstruction + β · kl. */
export interface ValidationLoss {
  total: number
  reconstruction: number
  kl: number
}

/**
 * One trainer's half of a training: mini-batch Adam steps and the validation loss. core/vae/train.ts owns the rest
 * (the split, the shuffles, slices, the convergence checks), so every trainer keeps the same schedule.
 */
export interface EpochTrainer {
  readonly vae: Vae
  /**
   * Trains batches firstBatch … endBatch − 1 of an epoch whose order of training rows is `order` (batch b holds
   * trainRows[order[b·size + i]]); the batches are Adam steps firstStep + 1, …, and batch b draws its noise from
   * (seed, firstStep + b − firstBatch). Returns lossBefore plus the batch-mean losses (the fused trainer adds them
   * one by one, so a training in slices sums exactly as one that never stopped).
   */
  trainBatches(order: Int32Array, firstBatch: number, endBatch: number, firstStep: number, lossBefore: number): number
  validate(): ValidationLoss
  /**
   * A convergence check (core/vae/convergence.ts) on the first `rows` validation rows: their mean loss and the
   * posterior sums Σμ, Σμ², Σμ³, Σμ⁴, Σσ² per latent (5 × K, f64), as assembly/vae/check.ts computes them.
   */
  check(rows: number): { loss: number; sums: Float64Array }
  setWeights(weights: readonly Float32Array[]): void
  /** Adam's state as TrainingState keeps it: [iteration count], first moments, second moments. */
  optimizerState(step: number): Promise<Float32Array[]>
  restoreOptimizer(state: readonly Float32Array[]): Promise<void>
  /** Frees what only training needed; the VAE stays. */
  dispose(): void
}

/** What a trainer starts from: the data (rows × cols, standardised), the settings and the split. */
export interface TrainerInput {
  wasm: SymscopeWasm
  data: Float32Array
  rows: number
  cols: number
  config: VaeConfig
  trainRows: Int32Array
  validationRows: Int32Array
  /** Threads for the fused trainer (core/vae/fused/threads.ts); without them it runs on this thread in `wasm`. */
  threads?: TrainingThreads
}
