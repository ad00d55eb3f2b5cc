import * as tf from '@tensorflow/tfjs'
import { SymscopeError } from '../errors.js'
import { permutation } from '../random/permutation.js'
import type { SymscopeWasm } from '../wasm/module.js'
import type { VaeConfig } from './config.js'
import { createVae, vaeLoss, vaeVariables, type Vae } from './model.js'
import type { TrainingState } from './trainingState.js'

/** What one epoch did: mean training loss, and the validation loss split into its two terms. */
export interface EpochRecord {
  epoch: number
  loss: number
  validationLoss: number
  reconstruction: number
  kl: number
  /** Seconds since training started. */
  seconds: number
}

export interface TrainOptions {
  /** Called after every epoch; training waits for a returned promise (a UI can draw). */
  onEpoch?: (record: EpochRecord, epochs: number) => void | Promise<void>
  /** Stops training after the current batch; the result keeps what was learned so far. */
  signal?: AbortSignal
  /** Most optimiser steps in this call (a server's step budget); the result then carries `state` to resume from. */
  maxSteps?: number
  /** Continue a training that stopped at its step budget. */
  resume?: TrainingState
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
/** Seed of the reparameterisation noise ε at optimiser step `step` (tf.randomNormal's seeded generator). */
const noiseSeed = (seed: number, step: number) => (seed * 1_000_003 + step) % 2_147_483_647
const VALIDATION_NOISE_STEP = -1

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

const copyOut = (tensors: tf.Tensor[]) => tensors.map((t) => Float32Array.from(t.dataSync()))

async function restore(state: TrainingState, variables: tf.Variable[], optimizer: tf.AdamOptimizer): Promise<tf.Tensor[]> {
  variables.forEach((v, i) => v.assign(tf.tensor(state.weights[i], v.shape)))
  if (state.optimizer.length > 1) {
    // Adam's weights: the iteration count, then the first and second moments, each shaped like its variable.
    const shapes = [[], ...variables.map((v) => v.shape), ...variables.map((v) => v.shape)]
    await optimizer.setWeights(
      state.optimizer.map((values, i) => ({ name: i === 0 ? 'iter' : `moment${i}`, tensor: tf.tensor(values, shapes[i], i === 0 ? 'int32' : 'float32') })),
    )
  }
  return state.best.weights.map((w, i) => tf.tensor(w, variables[i].shape))
}

/**
 * Trains the VAE on a row-major, standardised Float32 matrix (rows × cols) with Adam, in mini-batches, under the
 * current tfjs backend (chosen by the caller, never here). Seeded: the same data, configuration and backend give
 * the same weights, whether trained in one call or in slices of `maxSteps` continued with `resume`. When finished,
 * keeps the weights of the epoch with the lowest validation loss.
 *
 * @throws SymscopeError('invalid_data') when there are fewer training rows than one batch, no validation rows, or
 *   the loss diverges
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

  const vae = createVae(config, cols)
  const variables = vaeVariables(vae)
  const optimizer = tf.train.adam(config.learningRate)
  const resume = options.resume
  let bestWeights: tf.Tensor[] = resume ? await restore(resume, variables, optimizer) : []
  let bestLoss = resume?.best.loss ?? Infinity
  let bestEpoch = resume?.best.epoch ?? -1
  const history: EpochRecord[] = resume ? [...resume.history] : []
  let epoch = resume?.epoch ?? 0
  let batch = resume?.batch ?? 0
  let step = resume?.step ?? 0
  let lossSumValue = resume?.lossSum ?? 0
  const secondsBefore = resume?.seconds ?? 0

  const all = tf.tensor2d(data, [rows, cols])
  const validation = tf.gather(all, tf.tensor1d(validationRows, 'int32')) as tf.Tensor2D
  const validationNoise = tf.randomNormal([validationRows.length, config.latent], 0, 1, 'float32', noiseSeed(config.seed, VALIDATION_NOISE_STEP)) as tf.Tensor2D
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
      const shuffled = permutation(wasm, config.seed, shuffleStream(epoch), trainRows.length)
      let lossSum = tf.scalar(lossSumValue)
      for (; batch < batches; batch++) {
        if (options.signal?.aborted) aborted = true
        if (stepsThisCall >= maxSteps) outOfSteps = true
        if (aborted || outOfSteps) break
        const indices = new Int32Array(config.batchSize)
        for (let i = 0; i < config.batchSize; i++) indices[i] = trainRows[shuffled[batch * config.batchSize + i]]
        const batchLoss = tf.tidy(() => {
          const x = tf.gather(all, tf.tensor1d(indices, 'int32')) as tf.Tensor2D
          const noise = tf.randomNormal([config.batchSize, config.latent], 0, 1, 'float32', noiseSeed(config.seed, step)) as tf.Tensor2D
          return optimizer.minimize(() => vaeLoss(vae, x, noise).total, true, variables)!
        })
        const next = tf.add(lossSum, batchLoss) as tf.Scalar
        lossSum.dispose()
        batchLoss.dispose()
        lossSum = next
        step++
        stepsThisCall++
      }
      lossSumValue = lossSum.dataSync()[0]
      lossSum.dispose()
      if (outOfSteps) {
        state = {
          epoch,
          batch,
          step,
          lossSum: lossSumValue,
          weights: copyOut(variables),
          optimizer: copyOut((await optimizer.getWeights()).map((w) => w.tensor)),
          best: { loss: bestLoss, epoch: bestEpoch, weights: copyOut(bestWeights) },
          history: [...history],
          seconds: elapsed(),
        }
        break
      }
      if (batch === 0) break // aborted before this epoch's first batch
      const [validationLoss, reconstruction, kl] = tf.tidy(() => {
        const l = vaeLoss(vae, validation, validationNoise)
        return [l.total, l.reconstruction, l.kl]
      }).map((t) => {
        const v = t.dataSync()[0]
        t.dispose()
        return v
      })
      const trainLoss = lossSumValue / batch
      if (!Number.isFinite(trainLoss) || !Number.isFinite(validationLoss)) {
        throw new SymscopeError('invalid_data', `training diverged at epoch ${epoch + 1} (loss ${trainLoss}): try a smaller learning rate`)
      }
      const record = { epoch: epoch + 1, loss: trainLoss, validationLoss, reconstruction, kl, seconds: elapsed() }
      history.push(record)
      epoch++
      batch = 0
      lossSumValue = 0
      if (validationLoss < bestLoss) {
        bestWeights.forEach((w) => w.dispose())
        bestWeights = variables.map((v) => tf.clone(v))
        bestLoss = validationLoss
        bestEpoch = epoch
      } else if (config.patience > 0 && epoch - bestEpoch >= config.patience) {
        stoppedEarly = true
      }
      await options.onEpoch?.(record, config.epochs)
      if (stoppedEarly || aborted) break
    }
    if (!outOfSteps && bestEpoch > 0) variables.forEach((v, i) => v.assign(bestWeights[i]))
  } finally {
    bestWeights.forEach((w) => w.dispose())
    all.dispose()
    validation.dispose()
    validationNoise.dispose()
    optimizer.dispose()
  }
  return {
    vae,
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
