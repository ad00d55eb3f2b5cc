import { SymscopeError } from '../errors.js'
import { permutation } from '../random/permutation.js'
import type { SymscopeWasm } from '../wasm/module.js'
import type { VaeConfig } from './config.js'
import type { TrainingThreads } from './fused/threads.js'
import type { TrainerName, Vae } from './model.js'
import { createEpochTrainer } from './trainer.js'
import type { EpochRecord, TrainingState } from './trainingState.js'

/** What one epoch did: mean training loss, and the validation loss split into its two terms. */
export type { EpochRecord }

export interface TrainOptions {
  /** Called after every epoch; training waits for a returned promise (a UI can draw). */
  onEpoch?: (record: EpochRecord, epochs: number) => void | Promise<void>
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
  /** Epoch whose weights were kept: the one with the lowest validation loss. */
  bestEpoch: number
  /** False when `maxSteps` ran out first: then `state` continues the training and `vae` holds the current weights. */
  finished: boolean
  state?: TrainingState
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

/** Optimiser steps a full training takes: epochs × whole batches per epoch (the last partial batch is dropped). */
export function plannedTrainingSteps(rows: number, config: VaeConfig): number {
  const train = rows - Math.round(rows * config.validationSplit)
  return config.epochs * Math.floor(train / config.batchSize)
}

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

  const trainer = await createEpochTrainer(name, { wasm, data, rows, cols, config, trainRows, validationRows, threads: options.threads })
  let bestWeights: Float32Array[] = []
  if (resume) {
    trainer.setWeights(resume.weights)
    await trainer.restoreOptimizer(resume.optimizer)
    bestWeights = resume.best.weights
  }
  let bestLoss = resume?.best.loss ?? Infinity
  let bestEpoch = resume?.best.epoch ?? -1
  const history: EpochRecord[] = resume ? [...resume.history] : []
  let epoch = resume?.epoch ?? 0
  let batch = resume?.batch ?? 0
  let step = resume?.step ?? 0
  let lossSum = resume?.lossSum ?? 0
  const secondsBefore = resume?.seconds ?? 0

  const started = performance.now()
  const elapsed = () => secondsBefore + (performance.now() - started) / 1000
  const batches = Math.floor(trainRows.length / config.batchSize) // the last partial batch is dropped each epoch
  const maxSteps = options.maxSteps ?? Infinity
  let stepsThisCall = 0
  let stoppedEarly = false
  let aborted = false
  let outOfSteps = false
  let state: TrainingState | undefined
  try {
    while (epoch < config.epochs) {
      aborted = options.signal?.aborted ?? false
      outOfSteps = stepsThisCall >= maxSteps && batch < batches
      if (!aborted && !outOfSteps && batch < batches) {
        const order = permutation(wasm, config.seed, shuffleStream(epoch), trainRows.length)
        const end = Math.min(batches, batch + (maxSteps - stepsThisCall))
        lossSum = trainer.trainBatches(order, batch, end, step, lossSum)
        step += end - batch
        stepsThisCall += end - batch
        batch = end
        outOfSteps = batch < batches
      }
      if (outOfSteps) {
        state = {
          trainer: name,
          epoch,
          batch,
          step,
          lossSum,
          weights: trainer.vae.weights(),
          optimizer: await trainer.optimizerState(step),
          best: { loss: bestLoss, epoch: bestEpoch, weights: bestWeights },
          history: [...history],
          seconds: elapsed(),
        }
        break
      }
      if (batch === 0) break // aborted before this epoch's first batch
      const validation = trainer.validate()
      const trainLoss = lossSum / batch
      if (!Number.isFinite(trainLoss) || !Number.isFinite(validation.total)) {
        throw new SymscopeError('invalid_data', `training diverged at epoch ${epoch + 1} (loss ${trainLoss}): try a smaller learning rate`)
      }
      const record = {
        epoch: epoch + 1, loss: trainLoss, validationLoss: validation.total, reconstruction: validation.reconstruction, kl: validation.kl, seconds: elapsed(),
      }
      history.push(record)
      epoch++
      batch = 0
      lossSum = 0
      if (validation.total < bestLoss) {
        bestWeights = trainer.vae.weights()
        bestLoss = validation.total
        bestEpoch = epoch
      } else if (config.patience > 0 && epoch - bestEpoch >= config.patience) {
        stoppedEarly = true
      }
      await options.onEpoch?.(record, config.epochs)
      if (stoppedEarly || aborted || options.signal?.aborted) {
        aborted ||= options.signal?.aborted ?? false
        break
      }
    }
    if (!outOfSteps && bestEpoch > 0) trainer.setWeights(bestWeights)
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
  }
}
