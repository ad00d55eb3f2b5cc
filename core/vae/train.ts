import { SymscopeError } from '../errors.js'
import { permutation } from '../random/permutation.js'
import type { SymscopeWasm } from '../wasm/module.js'
import type { VaeConfig } from './config.js'
import type { TrainingThreads } from './fused/threads.js'
import type { TrainerName, Vae } from './model.js'
import { CHECK_ROWS, CHECK_SAMPLES, CONVERGENCE_WINDOW, checkRecord, convergenceAt, type CheckRecord, type ConvergenceState } from './convergence.js'
import { createEpochTrainer } from './trainer.js'
import type { EpochRecord, TrainingState } from './trainingState.js'

/** What one epoch did: mean training loss, and the validation loss split into its two terms. */
export type { EpochRecord }

export interface TrainOptions {
  /**
   * Called after every epoch with the epochs the sample cap allows; training waits for a returned promise (a UI can
   * draw). Training usually stops before, at convergence.
   */
  onEpoch?: (record: EpochRecord, epochs: number) => void | Promise<void>
  /** Called after every convergence check (core/vae/convergence.ts). */
  onCheck?: (check: CheckRecord, convergence: ConvergenceState) => void
  /** Train to the cap whatever the checks say (bench/convergence.ts: the count after 10× the samples). */
  untilCap?: boolean
  /** Relevance threshold of the relevant count the stopping rule watches (default 0.05, the analysis's). */
  threshold?: number
  /** Stops training at the next epoch boundary (or slice of batches); the result keeps what was learned so far. */
  signal?: AbortSignal
  /** Most optimiser steps in this call (a server's step budget); the result then carries `state` to resume from. */
  maxSteps?: number
  /** Continue a training that stopped at its step budget (by the same trainer). */
  resume?: TrainingState
  /** Which trainer: 'fused' (the default) or a tfjs one whose backend the caller set up (core/vae/model.ts). */
  trainer?: TrainerName
  /**
   * Threads that share each batch of the fused trainer (Node: core/wasm/nodeThreads.ts's startTrainingThreads).
   * They change the speed, never the bits: any count trains the weights of one thread. The VAE then lives in their
   * memory. Ignored by the tfjs trainers.
   */
  threads?: TrainingThreads
}

export interface TrainedVae {
  vae: Vae
  history: EpochRecord[]
  /** Row indices (into the data) used for training and held out for validation. */
  trainRows: Int32Array
  validationRows: Int32Array
  seconds: number
  /** Optimiser steps in all, and in this call. */
  steps: number
  stepsThisCall: number
  stoppedEarly: boolean
  aborted: boolean
  /** The epoch with the lowest validation loss (the weights kept are the last ones, which the convergence checks describe). */
  bestEpoch: number
  /** The stopping rule's record: every check, and its verdict at the last one (docs/method.md). */
  convergence: TrainingConvergence
  /** False when `maxSteps` ran out first: then `state` continues the training and `vae` holds the current weights. */
  finished: boolean
  state?: TrainingState
}

/** How training stopped, in the terms of the stopping rule (core/vae/convergence.ts). */
export interface TrainingConvergence {
  converged: boolean
  /** Training samples seen in all. */
  samples: number
  /** The cap in samples: min(epochs × whole batches per epoch, samples) × batch size. */
  capSamples: number
  /** Samples between checks, held-out events per check, checks per window. */
  checkSamples: number
  checkRows: number
  window: number
  checks: CheckRecord[]
  /** The verdict at the last check (drift, tolerances, collapsing latents). */
  last: ConvergenceState | null
}

/** Stream numbers of the project RNG used by training: the split, then one shuffle per epoch. */
const SPLIT_STREAM = 0
const shuffleStream = (epoch: number) => 1 + epoch

/** The train/validation split of `rows` events: the first `validationSplit` of a seeded permutation is held out. */
export function splitRows(wasm: SymscopeWasm, rows: number, config: VaeConfig): { trainRows: Int32Array; validationRows: Int32Array } {
  const order = permutation(wasm, config.seed, SPLIT_STREAM, rows)
  const validationCount = Math.round(rows * config.validationSplit)
  return { trainRows: order.slice(validationCount), validationRows: order.slice(0, validationCount) }
}

/**
 * Most optimiser steps a training may take (its cap; it stops earlier on convergence): the fewer of epochs × whole
 * batches per epoch (the last partial batch is dropped) and the sample budget in whole batches, at least one.
 */
export function plannedTrainingSteps(rows: number, config: VaeConfig): number {
  const train = rows - Math.round(rows * config.validationSplit)
  return Math.max(1, Math.min(config.epochs * Math.floor(train / config.batchSize), Math.floor(config.samples / config.batchSize)))
}

/** Optimiser steps between two convergence checks: CHECK_SAMPLES in whole batches. */
export const checkSteps = (config: VaeConfig): number => Math.ceil(CHECK_SAMPLES / config.batchSize)

/**
 * Trains the VAE on a row-major, standardised Float32 matrix (rows × cols) with Adam, in mini-batches, on the trainer
 * `options.trainer` (the fused WebAssembly trainer unless a tfjs one is asked for). Seeded: the same data,
 * configuration and trainer give the same weights, whether trained in one call or in slices of `maxSteps` continued
 * with `resume`. When finished, keeps the weights of the epoch with the lowest validation loss.
 *
 * @throws SymscopeError('invalid_data') when there are fewer training rows than one batch, no validation rows, or
 *   the loss diverges; SymscopeError('invalid_parameter') when `resume` comes from another trainer
 */
export async function trainVae(
  wasm: SymscopeWasm,
  data: Float32Array,
  rows: number,
  cols: number,
  config: VaeConfig,
  options: TrainOptions = {},
): Promise<TrainedVae> {
  const { trainRows, validationRows } = splitRows(wasm, rows, config)
  if (trainRows.length < config.batchSize) {
    throw new SymscopeError(
      'invalid_data',
      `${rows} events leave ${trainRows.length} for training, fewer than one batch of ${config.batchSize}: ` +
        'use more events or a smaller batch size',
      { rows, batchSize: config.batchSize },
    )
  }
  if (validationRows.length < 2) {
    throw new SymscopeError('invalid_data', `${rows} events leave ${validationRows.length} for validation; at least 2 are needed`, { rows })
  }
  const name = options.trainer ?? 'fused'
  const resume = options.resume
  if (resume && resume.trainer !== name) {
    throw new SymscopeError('invalid_parameter', `a training state of trainer '${resume.trainer}' cannot be resumed by '${name}'`, {
      parameter: 'backend',
    })
  }
  const threshold = options.threshold ?? 0.05

  const trainer = await createEpochTrainer(name, { wasm, data, rows, cols, config, trainRows, validationRows, threads: options.threads })
  if (resume) {
    trainer.setWeights(resume.weights)
    await trainer.restoreOptimizer(resume.optimizer)
  }
  let bestLoss = resume?.best.loss ?? Infinity
  let bestEpoch = resume?.best.epoch ?? 0
  const history: EpochRecord[] = resume ? [...resume.history] : []
  const checks: CheckRecord[] = resume ? [...resume.checks] : []
  let epoch = resume?.epoch ?? 0
  let batch = resume?.batch ?? 0
  let step = resume?.step ?? 0
  let lossSum = resume?.lossSum ?? 0
  const secondsBefore = resume?.seconds ?? 0

  const started = performance.now()
  const elapsed = () => secondsBefore + (performance.now() - started) / 1000
  const batches = Math.floor(trainRows.length / config.batchSize) // the last partial batch is dropped each epoch
  const capSteps = plannedTrainingSteps(rows, config)
  const plannedEpochs = Math.ceil(capSteps / batches)
  const everySteps = checkSteps(config)
  const checkRows = Math.min(CHECK_ROWS, validationRows.length)
  const maxSteps = options.maxSteps ?? Infinity
  let stepsThisCall = 0
  let stoppedEarly = false
  let aborted = false
  let outOfSteps = false
  let converged = false
  let last: ConvergenceState | null = checks.length ? convergenceAt(checks, threshold) : null
  let state: TrainingState | undefined
  let order: Int32Array | null = null
  let orderEpoch = -1

  const check = () => {
    const { loss, sums } = trainer.check(checkRows)
    if (!Number.isFinite(loss)) {
      throw new SymscopeError('invalid_data', `training diverged after ${step * config.batchSize} samples (loss ${loss}): try a smaller learning rate`)
    }
    const record = checkRecord(step * config.batchSize, loss, sums, config.latent, checkRows, threshold)
    checks.push(record)
    last = convergenceAt(checks, threshold)
    converged = last.converged
    options.onCheck?.(record, last)
  }
  const recordEpoch = (trainLoss: number) => {
    const validation = trainer.validate()
    if (!Number.isFinite(trainLoss) || !Number.isFinite(validation.total)) {
      throw new SymscopeError('invalid_data', `training diverged at epoch ${epoch + 1} (loss ${trainLoss}): try a smaller learning rate`)
    }
    const record: EpochRecord = {
      epoch: epoch + 1, samples: step * config.batchSize, loss: trainLoss, validationLoss: validation.total,
      reconstruction: validation.reconstruction, kl: validation.kl, seconds: elapsed(),
    }
    history.push(record)
    if (validation.total < bestLoss) {
      bestLoss = validation.total
      bestEpoch = epoch + 1
    }
    return record
  }

  try {
    while (step < capSteps && !(converged && !options.untilCap)) {
      aborted = options.signal?.aborted ?? false
      if (aborted) break
      if (stepsThisCall >= maxSteps) {
        outOfSteps = true
        state = {
          trainer: name, epoch, batch, step, lossSum,
          weights: trainer.vae.weights(),
          optimizer: await trainer.optimizerState(step),
          best: { loss: bestLoss, epoch: bestEpoch, weights: [] },
          history: [...history],
          checks: [...checks],
          seconds: elapsed(),
        }
        break
      }
      // Up to the next check, the end of the epoch, the cap or the slice's budget, whichever is first.
      const nextCheck = Math.min(capSteps, (Math.floor(step / everySteps) + 1) * everySteps)
      const end = Math.min(batches, batch + (nextCheck - step), batch + (maxSteps - stepsThisCall))
      if (orderEpoch !== epoch) {
        order = permutation(wasm, config.seed, shuffleStream(epoch), trainRows.length)
        orderEpoch = epoch
      }
      lossSum = trainer.trainBatches(order!, batch, end, step, lossSum)
      step += end - batch
      stepsThisCall += end - batch
      batch = end
      if (batch === batches) {
        const record = recordEpoch(lossSum / batches)
        epoch++
        batch = 0
        lossSum = 0
        if (config.patience > 0 && epoch - bestEpoch >= config.patience) stoppedEarly = true
        await options.onEpoch?.(record, plannedEpochs)
      }
      if (step % everySteps === 0 || step === capSteps) check()
      if (stoppedEarly) break
    }
    if (!outOfSteps) {
      // A training stopped inside an epoch (converged, capped, aborted) records that partial epoch, and one stopped
      // between checks gets a last check, so the report's diagnostics describe the weights it keeps.
      if (batch > 0) await options.onEpoch?.(recordEpoch(lossSum / batch), plannedEpochs)
      if (step > 0 && (checks.length === 0 || checks[checks.length - 1].samples !== step * config.batchSize)) check()
    }
  } catch (error) {
    trainer.vae.dispose()
    throw error
  } finally {
    trainer.dispose()
  }
  return {
    vae: trainer.vae,
    history,
    trainRows,
    validationRows,
    seconds: elapsed(),
    steps: step,
    stepsThisCall,
    stoppedEarly,
    aborted,
    bestEpoch,
    finished: !outOfSteps,
    state,
    convergence: {
      converged,
      samples: step * config.batchSize,
      capSamples: capSteps * config.batchSize,
      checkSamples: everySteps * config.batchSize,
      checkRows,
      window: CONVERGENCE_WINDOW,
      checks,
      last,
    },
  }
}
