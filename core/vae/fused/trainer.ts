import type { SymscopeWasm } from '../../wasm/module.js'
import type { EpochTrainer, TrainerInput, ValidationLoss } from '../epochTrainer.js'
import { FusedVae } from './network.js'
import { ABORT_ERROR, abortedTraining, type TrainingThreads, type TrainThreadArguments } from './threads.js'

/** Stream of the validation noise, past every optimiser step (assembly/vae/train.ts draws step t from stream t). */
const VALIDATION_NOISE_STREAM = 0xffff_ffff_ffff_ffffn

/**
 * The fused trainer (assembly/vae/): the data, the split and the validation noise are copied into wasm memory once,
 * and each call trains whole runs of batches there without leaving WebAssembly or allocating. Each batch is cut into
 * chunks fixed by the batch size (assembly/vae/parallel.ts), run in turn on this thread or shared between `threads`,
 * with the same bits either way.
 */
export class FusedTrainer implements EpochTrainer {
  readonly vae: FusedVae
  readonly #input: TrainerInput
  readonly #data: number
  readonly #trainRows: number
  readonly #validationRows: number
  readonly #validationNoise: number
  readonly #order: number
  readonly #group: number
  readonly #wasm: SymscopeWasm
  readonly #threads?: TrainingThreads
  /** Set when a thread's death stopped the training: a thread may still be inside the group, so nothing is freed. */
  #aborted = false

  constructor(input: TrainerInput) {
    const { data, rows, cols, config, trainRows, validationRows, threads } = input
    // With threads, everything lives in their shared memory; the VAE stays there after training.
    const wasm = threads?.wasm ?? input.wasm
    this.#input = input
    this.#wasm = wasm
    this.#threads = threads
    this.vae = new FusedVae(wasm, config, cols, config.batchSize, true)
    this.vae.initialise(config.seed)
    this.#group = wasm.exports.vaeGroupCreate(this.vae.handle, config.batchSize)
    this.#data = wasm.putF32(data.subarray(0, rows * cols))
    this.#trainRows = wasm.exports.alloc(4 * Math.max(1, trainRows.length))
    this.#order = wasm.exports.alloc(4 * Math.max(1, trainRows.length))
    this.#validationRows = wasm.exports.alloc(4 * Math.max(1, validationRows.length))
    const memory = () => wasm.exports.memory.buffer
    new Int32Array(memory(), this.#trainRows, trainRows.length).set(trainRows)
    new Int32Array(memory(), this.#validationRows, validationRows.length).set(validationRows)
    const noiseCount = validationRows.length * config.latent
    this.#validationNoise = wasm.allocF32(noiseCount)
    wasm.exports.vaeNoise(BigInt(config.seed), VALIDATION_NOISE_STREAM, noiseCount, this.#validationNoise)
  }

  trainBatches(order: Int32Array, firstBatch: number, endBatch: number, firstStep: number, lossBefore: number): number {
    const { config } = this.#input
    const wasm = this.#wasm
    new Int32Array(wasm.exports.memory.buffer, this.#order, order.length).set(order)
    const args: TrainThreadArguments = [
      this.#group, this.#data, this.#trainRows, this.#order, firstBatch, endBatch, BigInt(config.seed), firstStep, lossBefore,
    ]
    const threads = this.#threads
    if (!threads) return wasm.exports.vaeTrainThread(...args, 0, 1, 0)
    let sum: number
    try {
      sum = threads.train(args)
    } catch (error) {
      // This thread trapped (or a worker was gone before the call): release the others from their barriers.
      wasm.exports.vaeGroupAbort(this.#group, 0, ABORT_ERROR)
      this.#aborted = true
      throw error
    }
    const failure = abortedTraining(wasm.exports.vaeGroupAborted(this.#group), threads.count, threads.stallMilliseconds)
    if (failure) {
      this.#aborted = true
      throw failure
    }
    return sum
  }

  validate(): ValidationLoss {
    const { validationRows } = this.#input
    const e = this.#wasm.exports
    const total = e.vaeEvaluate(this.vae.handle, this.#data, this.#validationRows, validationRows.length, this.#validationNoise)
    return { total, reconstruction: e.vaeEvaluatedTerm(0), kl: e.vaeEvaluatedTerm(1) }
  }

  check(rows: number): { loss: number; sums: Float64Array } {
    const wasm = this.#wasm
    const out = wasm.allocF64(5 * this.#input.config.latent)
    try {
      const loss = wasm.exports.vaeCheck(this.vae.handle, this.#data, this.#validationRows, rows, this.#validationNoise, out)
      return { loss, sums: wasm.copyF64(out, 5 * this.#input.config.latent) }
    } finally {
      wasm.free(out)
    }
  }

  setWeights(weights: readonly Float32Array[]): void {
    this.vae.setWeights(weights)
  }

  async optimizerState(step: number): Promise<Float32Array[]> {
    return [Float32Array.of(step), ...this.vae.moments()]
  }

  async restoreOptimizer(state: readonly Float32Array[]): Promise<void> {
    // The iteration count is the training's step, which the bias corrections are computed from (exact by construction).
    this.vae.setMoments(state.slice(1))
  }

  dispose(): void {
    if (this.#aborted) return // left to the threads' memory, which their close discards
    const wasm = this.#wasm
    wasm.exports.vaeGroupFree(this.#group)
    for (const ptr of [this.#data, this.#trainRows, this.#order, this.#validationRows, this.#validationNoise]) wasm.free(ptr)
  }
}
