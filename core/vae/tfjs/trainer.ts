import * as tf from '../../tf/tfjs.js'
import { SymscopeError } from '../../errors.js'
import type { Vae } from '../model.js'
import { withScratch } from '../../stats/withScratch.js'
import type { EpochTrainer, TrainerInput, ValidationLoss } from '../epochTrainer.js'
import { asVae, createVae, vaeLoss, vaeVariables, type TfVae } from './model.js'

/** Seed of the reparameterisation noise ε at optimiser step `step` (tf.randomNormal's seeded generator). */
const noiseSeed = (seed: number, step: number) => (seed * 1_000_003 + step) % 2_147_483_647
const VALIDATION_NOISE_STEP = -1

/** tfjs's Adam keeps β₁ᵗ and β₂ᵗ in these (private) variables, multiplied in step by step. */
interface AdamPowers {
  accBeta1: tf.Variable
  accBeta2: tf.Variable
}

/**
 * The tfjs trainer: the design's VAE as tfjs variables, trained with tf.train.adam on whatever backend the runtime
 * set up. The reference the fused trainer is tested against. tfjs's `AdamOptimizer.setWeights` recomputes the bias
 * powers β₁ᵗ, β₂ᵗ as pow(β, t + 1), while training multiplies them in step by step, so in float32 a restored optimiser
 * would drift from the one that never stopped: the state keeps the two powers as trained, after the moments, and the
 * restore puts them back (a tfjs training resumed from its state is then the one that never stopped).
 */
export class TfjsTrainer implements EpochTrainer {
  readonly vae: Vae
  readonly #model: TfVae
  readonly #variables: tf.Variable[]
  readonly #optimizer: tf.AdamOptimizer
  readonly #all: tf.Tensor2D
  readonly #validation: tf.Tensor2D
  readonly #validationNoise: tf.Tensor2D
  readonly #input: TrainerInput

  private constructor(name: `tfjs-${string}`, input: TrainerInput) {
    const { data, rows, cols, config, validationRows } = input
    this.#input = input
    this.#model = createVae(config, cols)
    this.vae = asVae(this.#model, name)
    this.#variables = vaeVariables(this.#model)
    this.#optimizer = tf.train.adam(config.learningRate)
    this.#all = tf.tensor2d(data.subarray(0, rows * cols), [rows, cols])
    this.#validation = tf.gather(this.#all, tf.tensor1d(validationRows, 'int32')) as tf.Tensor2D
    this.#validationNoise = tf.randomNormal([validationRows.length, config.latent], 0, 1, 'float32', noiseSeed(config.seed, VALIDATION_NOISE_STEP)) as tf.Tensor2D
  }

  /** A tfjs trainer named `name` ('tfjs-' and the tfjs backend in use, which the caller set up). */
  static start(name: `tfjs-${string}`, input: TrainerInput): TfjsTrainer {
    const backend = tf.getBackend()
    if (`tfjs-${backend}` !== name) {
      throw new SymscopeError('invalid_parameter', `trainer '${name}' was asked for, but tfjs is set up on '${backend ?? 'no backend'}'`, {
        parameter: 'backend',
      })
    }
    return new TfjsTrainer(name, input)
  }

  trainBatches(order: Int32Array, firstBatch: number, endBatch: number, firstStep: number, lossBefore: number): number {
    const { config, trainRows } = this.#input
    let lossSum = tf.scalar(0)
    let step = firstStep
    for (let batch = firstBatch; batch < endBatch; batch++) {
      const indices = new Int32Array(config.batchSize)
      for (let i = 0; i < config.batchSize; i++) indices[i] = trainRows[order[batch * config.batchSize + i]]
      const batchLoss = tf.tidy(() => {
        const x = tf.gather(this.#all, tf.tensor1d(indices, 'int32')) as tf.Tensor2D
        const noise = tf.randomNormal([config.batchSize, config.latent], 0, 1, 'float32', noiseSeed(config.seed, step)) as tf.Tensor2D
        return this.#optimizer.minimize(() => vaeLoss(this.#model, x, noise).total, true, this.#variables)!
      })
      const next = tf.add(lossSum, batchLoss) as tf.Scalar
      lossSum.dispose()
      batchLoss.dispose()
      lossSum = next
      step++
    }
    const sum = lossSum.dataSync()[0]
    lossSum.dispose()
    return lossBefore + sum
  }

  validate(): ValidationLoss {
    const [total, reconstruction, kl] = tf
      .tidy(() => {
        const l = vaeLoss(this.#model, this.#validation, this.#validationNoise)
        return [l.total, l.reconstruction, l.kl]
      })
      .map((t) => {
        const v = t.dataSync()[0]
        t.dispose()
        return v
      })
    return { total, reconstruction, kl }
  }

  check(rows: number): { loss: number; sums: Float64Array } {
    const { wasm, data, cols, config, validationRows } = this.#input
    const k = config.latent
    const loss = tf.tidy(() => {
      const x = tf.slice(this.#validation, [0, 0], [rows, cols]) as tf.Tensor2D
      const noise = tf.slice(this.#validationNoise, [0, 0], [rows, k]) as tf.Tensor2D
      return vaeLoss(this.#model, x, noise).total
    })
    const value = loss.dataSync()[0]
    loss.dispose()
    const x = new Float32Array(rows * cols)
    for (let i = 0; i < rows; i++) x.set(data.subarray(validationRows[i] * cols, validationRows[i] * cols + cols), i * cols)
    const { means, logVars } = this.vae.encode(x, rows)
    // The posterior sums by the fused trainer's kernel (assembly/vae/check.ts), on rows laid out μ then log σ².
    const heads = new Float32Array(rows * 2 * k)
    for (let i = 0; i < rows; i++) {
      heads.set(means.subarray(i * k, i * k + k), 2 * i * k)
      heads.set(logVars.subarray(i * k, i * k + k), 2 * i * k + k)
    }
    const sums = withScratch(wasm, (scratch) => {
      const ptr = scratch.putF32(heads)
      const out = scratch.allocF64(5 * k)
      new Float64Array(wasm.exports.memory.buffer, out, 5 * k).fill(0)
      wasm.exports.latentMomentsAdd(ptr, 2 * k, rows, k, out)
      return wasm.copyF64(out, 5 * k)
    })
    return { loss: value, sums }
  }

  setWeights(weights: readonly Float32Array[]): void {
    this.#variables.forEach((v, i) => v.assign(tf.tensor(weights[i], v.shape)))
  }

  async optimizerState(): Promise<Float32Array[]> {
    const weights = (await this.#optimizer.getWeights()).map((w) => Float32Array.from(w.tensor.dataSync()))
    if (weights.length <= 1) return weights // no step yet: no moments
    const { accBeta1, accBeta2 } = this.#optimizer as unknown as AdamPowers
    return [...weights, Float32Array.from(accBeta1.dataSync()), Float32Array.from(accBeta2.dataSync())]
  }

  async restoreOptimizer(state: readonly Float32Array[]): Promise<void> {
    if (state.length <= 1) return
    // Adam's weights: the iteration count, then the first and second moments, each shaped like its variable; then
    // the two bias powers as trained.
    const moments = 2 * this.#variables.length
    const shapes = [[], ...this.#variables.map((v) => v.shape), ...this.#variables.map((v) => v.shape)]
    await this.#optimizer.setWeights(
      state
        .slice(0, 1 + moments)
        .map((values, i) => ({ name: i === 0 ? 'iter' : `moment${i}`, tensor: tf.tensor(values, shapes[i], i === 0 ? 'int32' : 'float32') })),
    )
    if (state.length === 3 + moments) {
      const { accBeta1, accBeta2 } = this.#optimizer as unknown as AdamPowers
      accBeta1.assign(tf.scalar(state[1 + moments][0]))
      accBeta2.assign(tf.scalar(state[2 + moments][0]))
    }
  }

  dispose(): void {
    this.#all.dispose()
    this.#validation.dispose()
    this.#validationNoise.dispose()
    this.#optimizer.dispose()
  }
}
