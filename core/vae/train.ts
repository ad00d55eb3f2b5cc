import * as tf from '@tensorflow/tfjs'
import { SymscopeError } from '../errors.js'
import { permutation } from '../random/permutation.js'
import type { SymscopeWasm } from '../wasm/module.js'
import type { VaeConfig } from './config.js'
import { createVae, vaeLoss, vaeVariables, type Vae } from './model.js'

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
}

export interface TrainedVae {
  vae: Vae
  history: EpochRecord[]
  /** Row indices (into the data) used for training and held out for validation. */
  trainRows: Int32Array
  validationRows: Int32Array
  seconds: number
  steps: number
  stoppedEarly: boolean
  aborted: boolean
  /** Epoch whose weights were kept: the one with the lowest validation loss. */
  bestEpoch: number
}

/** Stream numbers of the project RNG used by training: the split, then one shuffle per epoch. */
const SPLIT_STREAM = 0
const shuffleStream = (epoch: number) => 1 + epoch
/** Seed of the reparameterisation noise ε at optimiser step `step` (tf.randomNormal's seeded generator). */
const noiseSeed = (seed: number, step: number) => (seed * 1_000_003 + step) % 2_147_483_647
const VALIDATION_NOISE_STEP = -1

/**
 * Trains the VAE on a row-major, standardised Float32 matrix (rows × cols) with Adam, in mini-batches, under the
 * current tfjs backend (chosen by the caller, never here). Seeded: the same data, configuration and backend give
 * the same weights. Keeps the weights of the epoch with the lowest validation loss.
 *
 * @throws SymscopeError('invalid_data') when there are fewer training rows than one batch, or no validation rows.
 */
export async function trainVae(
  wasm: SymscopeWasm,
  data: Float32Array,
  rows: number,
  cols: number,
  config: VaeConfig,
  options: TrainOptions = {},
): Promise<TrainedVae> {
  const order = permutation(wasm, config.seed, SPLIT_STREAM, rows)
  const validationCount = Math.round(rows * config.validationSplit)
  const trainRows = order.slice(validationCount)
  const validationRows = order.slice(0, validationCount)
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
  const all = tf.tensor2d(data, [rows, cols])
  const validation = tf.gather(all, tf.tensor1d(validationRows, 'int32')) as tf.Tensor2D
  const validationNoise = tf.randomNormal([validationRows.length, config.latent], 0, 1, 'float32', noiseSeed(config.seed, VALIDATION_NOISE_STEP)) as tf.Tensor2D
  const history: EpochRecord[] = []
  const started = performance.now()
  const batches = Math.floor(trainRows.length / config.batchSize) // the last partial batch is dropped each epoch
  let best = { loss: Infinity, epoch: -1, weights: [] as tf.Tensor[] }
  let step = 0
  let stoppedEarly = false
  let aborted = false
  try {
    for (let epoch = 0; epoch < config.epochs && !aborted; epoch++) {
      const shuffled = permutation(wasm, config.seed, shuffleStream(epoch), trainRows.length)
      let lossSum = tf.scalar(0)
      let done = 0
      for (let b = 0; b < batches; b++) {
        if (options.signal?.aborted) {
          aborted = true
          break
        }
        const indices = new Int32Array(config.batchSize)
        for (let i = 0; i < config.batchSize; i++) indices[i] = trainRows[shuffled[b * config.batchSize + i]]
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
        done++
      }
      if (done === 0) {
        lossSum.dispose()
        break
      }
      const [trainLoss, validationLoss, reconstruction, kl] = tf.tidy(() => {
        const l = vaeLoss(vae, validation, validationNoise)
        return [tf.div(lossSum, done), l.total, l.reconstruction, l.kl]
      }).map((t) => {
        const v = t.dataSync()[0]
        t.dispose()
        return v
      })
      lossSum.dispose()
      if (!Number.isFinite(trainLoss) || !Number.isFinite(validationLoss)) {
        throw new SymscopeError('invalid_data', `training diverged at epoch ${epoch + 1} (loss ${trainLoss}): try a smaller learning rate`)
      }
      const record = { epoch: epoch + 1, loss: trainLoss, validationLoss, reconstruction, kl, seconds: (performance.now() - started) / 1000 }
      history.push(record)
      if (validationLoss < best.loss) {
        best.weights.forEach((w) => w.dispose())
        best = { loss: validationLoss, epoch: epoch + 1, weights: variables.map((v) => tf.clone(v)) }
      } else if (config.patience > 0 && epoch + 1 - best.epoch >= config.patience) {
        stoppedEarly = true
        await options.onEpoch?.(record, config.epochs)
        break
      }
      await options.onEpoch?.(record, config.epochs)
    }
    if (best.epoch > 0) variables.forEach((v, i) => v.assign(best.weights[i]))
  } finally {
    best.weights.forEach((w) => w.dispose())
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
    seconds: (performance.now() - started) / 1000,
    steps: step,
    stoppedEarly,
    aborted,
    bestEpoch: best.epoch,
  }
}
