import { SymscopeError } from '../../errors.js'
import type { SymscopeWasm } from '../../wasm/module.js'
import type { Activation, VaeConfig } from '../config.js'
import type { Vae } from '../model.js'

/** Activation codes of assembly/vae/activation.ts; 4 is none (the linear VAE). Checked equal by test/architecture/wasmInterface.test.ts. */
export const ACTIVATION_CODE: Record<Activation, number> = { relu: 0, tanh: 1, elu: 2, sigmoid: 3 }
export const LINEAR_CODE = 4

/** Rows the network's working memory holds at least: validation, encoding and decoding go in chunks of it. */
const MIN_WORKING_ROWS = 256

/**
 * Largest working memory of one fused network (weights, gradients, Adam's moments, the activations and gradients of
 * `rows` rows): wasm32 addresses 4 GiB in all, and the data and the statistics need room beside it.
 */
export const MAX_TRAINER_BYTES = 2 * 1024 ** 3

const hiddenLayers = (config: VaeConfig) => (config.linear ? 0 : config.layers)

/** The bytes the fused network of `config` on `inputs` features takes for batches of `rows` (assembly/vae/network.ts). */
export const trainerBytes = (wasm: SymscopeWasm, config: VaeConfig, inputs: number, rows: number): number =>
  wasm.exports.vaeWorkingBytes(inputs, config.latent, config.hidden, hiddenLayers(config), rows)

/** The bytes of the replicas that the chunks of one batch train in (assembly/vae/parallel.ts's vaeGroupCreate). */
const replicaBytes = (wasm: SymscopeWasm, config: VaeConfig, inputs: number): number =>
  wasm.exports.vaeGroupWorkingBytes(inputs, config.latent, config.hidden, hiddenLayers(config), config.batchSize)

/** Where one dense layer sits in the flat, padded parameter array (floats). */
interface LayerSlot {
  inputs: number
  outputs: number
  padded: number
  kernel: number
  bias: number
}

/** Buffer numbers of vaeBuffer (assembly/vae/network.ts; test/architecture/wasmInterface.test.ts checks they agree). */
export const PARAMETERS = 0
export const GRADIENTS = 1
export const FIRST_MOMENTS = 2
export const SECOND_MOMENTS = 3
export const BATCH = 4
export const NOISE = 5

/**
 * The design's VAE held in wasm memory by the fused trainer (assembly/vae/): weights, Adam's moments and the working
 * memory for batches of up to `rows` rows, allocated once. Weights go in and out in tfjs's order and shapes (per
 * dense layer, encoder → head → decoder → output, a kernel inputs × outputs then a bias), so a training state means
 * the same thing for either trainer.
 */
export class FusedVae implements Vae {
  readonly trainer = 'fused' as const
  readonly rows: number
  readonly #wasm: SymscopeWasm
  #handle: number
  readonly #layers: LayerSlot[]

  constructor(
    wasm: SymscopeWasm,
    readonly config: VaeConfig,
    readonly inputs: number,
    batchRows: number,
    /** With `forTraining`, the limit covers the chunks' replicas too (assembly/vae/parallel.ts). */
    forTraining = false,
  ) {
    this.#wasm = wasm
    this.rows = Math.max(batchRows, MIN_WORKING_ROWS)
    const bytes = trainerBytes(wasm, config, inputs, this.rows) + (forTraining ? replicaBytes(wasm, config, inputs) : 0)
    if (bytes > MAX_TRAINER_BYTES) {
      throw new SymscopeError(
        'too_large',
        `a batch of ${config.batchSize} with hidden width ${config.hidden} and ${config.layers} layers needs ` +
          `${(bytes / 1024 ** 3).toFixed(1)} GiB of working memory; the fused trainer's limit is 2 GiB: use a smaller batch or network`,
        { limit: MAX_TRAINER_BYTES },
      )
    }
    const activation = config.linear ? LINEAR_CODE : ACTIVATION_CODE[config.activation]
    const layers = hiddenLayers(config)
    const e = wasm.exports
    this.#handle = e.vaeCreate(inputs, config.latent, config.hidden, layers, activation, this.rows, config.beta, config.learningRate)
    const table = e.alloc(4 * 5 * (2 * layers + 2))
    const count = e.vaeLayout(this.#handle, table)
    const view = new Int32Array(e.memory.buffer, table, 5 * count)
    this.#layers = Array.from({ length: count }, (_, l) => {
      const [ins, outputs, padded, kernel, bias] = view.subarray(5 * l, 5 * l + 5)
      return { inputs: ins, outputs, padded, kernel, bias }
    })
    e.free(table)
  }

  /** The network's handle for the assembly entry points. */
  get handle(): number {
    if (!this.#handle) throw new Error('this VAE was disposed')
    return this.#handle
  }

  /** Glorot-uniform kernels and zero biases drawn from the project RNG (assembly/vae/train.ts); moments zeroed. */
  initialise(seed: number): void {
    this.#wasm.exports.vaeInitialise(this.handle, BigInt(seed))
  }

  #view(which: number): Float32Array {
    const e = this.#wasm.exports
    return this.#wasm.viewF32(e.vaeBuffer(this.handle, which), e.vaeParameterFloats(this.handle))
  }

  /** Copies of buffer `which` in tfjs's shapes (the padding columns left out). */
  #unpack(which: number): Float32Array[] {
    const flat = this.#view(which)
    return this.#layers.flatMap(({ inputs, outputs, padded, kernel, bias }) => {
      const k = new Float32Array(inputs * outputs)
      for (let i = 0; i < inputs; i++) k.set(flat.subarray(kernel + i * padded, kernel + i * padded + outputs), i * outputs)
      return [k, flat.slice(bias, bias + outputs)]
    })
  }

  #pack(which: number, arrays: readonly Float32Array[]): void {
    if (arrays.length !== 2 * this.#layers.length) throw new Error(`expected ${2 * this.#layers.length} arrays, got ${arrays.length}`)
    const flat = this.#view(which)
    this.#layers.forEach(({ inputs, outputs, padded, kernel, bias }, l) => {
      const [k, b] = [arrays[2 * l], arrays[2 * l + 1]]
      if (k.length !== inputs * outputs || b.length !== outputs) throw new Error(`layer ${l}: expected ${inputs} × ${outputs} weights`)
      for (let i = 0; i < inputs; i++) flat.set(k.subarray(i * outputs, (i + 1) * outputs), kernel + i * padded)
      flat.set(b, bias)
    })
  }

  weights(): Float32Array[] {
    return this.#unpack(PARAMETERS)
  }

  setWeights(weights: readonly Float32Array[]): void {
    this.#pack(PARAMETERS, weights)
  }

  /** Adam's first then second moments, each in the weights' shapes. */
  moments(): Float32Array[] {
    return [...this.#unpack(FIRST_MOMENTS), ...this.#unpack(SECOND_MOMENTS)]
  }

  setMoments(moments: readonly Float32Array[]): void {
    const half = moments.length / 2
    this.#pack(FIRST_MOMENTS, moments.slice(0, half))
    this.#pack(SECOND_MOMENTS, moments.slice(half))
  }

  /**
   * The batch-mean loss of `rows` events x (rows × inputs, at most `this.rows`) with noise ε (rows × K), and its
   * gradient in the weights' shapes. What the trainer does before each Adam step; exposed for the gradient checks.
   */
  gradients(x: Float32Array, noise: Float32Array, rows: number): { loss: number; gradients: Float32Array[] } {
    if (rows > this.rows) throw new Error(`at most ${this.rows} rows per gradient; got ${rows}`)
    const e = this.#wasm.exports
    this.#wasm.viewF32(e.vaeBuffer(this.handle, BATCH), rows * this.inputs).set(x.subarray(0, rows * this.inputs))
    this.#wasm.viewF32(e.vaeBuffer(this.handle, NOISE), rows * this.config.latent).set(noise.subarray(0, rows * this.config.latent))
    const loss = e.vaeGradients(this.handle, rows)
    return { loss, gradients: this.#unpack(GRADIENTS) }
  }

  /** One Adam update from the gradients of the last `gradients` call; `step` counts from 1. */
  adamStep(step: number): void {
    this.#wasm.exports.vaeAdamStep(this.handle, step)
  }

  encode(x: Float32Array, rows: number): { means: Float32Array; logVars: Float32Array } {
    const { wasm, k } = { wasm: this.#wasm, k: this.config.latent }
    const input = wasm.putF32(x.subarray(0, rows * this.inputs))
    const means = wasm.allocF32(rows * k)
    const logVars = wasm.allocF32(rows * k)
    try {
      wasm.exports.vaeEncode(this.handle, input, rows, means, logVars)
      return { means: wasm.copyF32(means, rows * k), logVars: wasm.copyF32(logVars, rows * k) }
    } finally {
      for (const ptr of [input, means, logVars]) wasm.free(ptr)
    }
  }

  decode(z: Float32Array, rows: number): Float32Array {
    const wasm = this.#wasm
    const input = wasm.putF32(z.subarray(0, rows * this.config.latent))
    const out = wasm.allocF32(rows * this.inputs)
    try {
      wasm.exports.vaeDecode(this.handle, input, rows, out)
      return wasm.copyF32(out, rows * this.inputs)
    } finally {
      wasm.free(input)
      wasm.free(out)
    }
  }

  dispose(): void {
    if (this.#handle) this.#wasm.exports.vaeFree(this.#handle)
    this.#handle = 0
  }
}
