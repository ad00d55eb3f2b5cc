import * as tf from '../../tf/tfjs.js'
import type { Activation, VaeConfig } from '../config.js'
import type { Vae } from '../model.js'

/** One fully connected layer: y = x W + b. */
interface Dense {
  kernel: tf.Variable
  bias: tf.Variable
}

/** The tfjs networks: encoder layers, the (μ, log σ²) head, decoder layers and the output layer. */
export interface TfVae {
  readonly config: VaeConfig
  readonly inputs: number
  readonly encoder: Dense[]
  /** Maps the last encoder layer (or the input, for a linear VAE) to 2K numbers: μ then log σ². */
  readonly head: Dense
  readonly decoder: Dense[]
  readonly output: Dense
}

export interface VaeLoss {
  total: tf.Scalar
  reconstruction: tf.Scalar
  kl: tf.Scalar
}

/**
 * Glorot-uniform weights, zero biases (Glorot & Bengio, AISTATS 2010). The seeded uniform draws are computed by
 * tfjs-core in JavaScript, so the same seed gives the same weights on every backend.
 */
function dense(inputs: number, outputs: number, seed: number): Dense {
  const limit = Math.sqrt(6 / (inputs + outputs))
  return {
    kernel: tf.variable(tf.randomUniform([inputs, outputs], -limit, limit, 'float32', seed)),
    bias: tf.variable(tf.zeros([outputs])),
  }
}

const applyDense = (layer: Dense, x: tf.Tensor2D): tf.Tensor2D => tf.add(tf.matMul(x, layer.kernel), layer.bias)

const ACTIVATE: Record<Activation, (x: tf.Tensor2D) => tf.Tensor2D> = {
  relu: (x) => tf.relu(x),
  tanh: (x) => tf.tanh(x),
  elu: (x) => tf.elu(x),
  sigmoid: (x) => tf.sigmoid(x),
}

/** Builds the design's VAE: input → h × layers → (μ, log σ²) ∈ R^{2K}; K → h × layers → input, linear output. */
export function createVae(config: VaeConfig, inputs: number): TfVae {
  const widths = Array.from({ length: config.linear ? 0 : config.layers }, () => config.hidden)
  let seed = config.seed * 7919 + 17 // one distinct, documented seed per weight matrix
  const chain = (sizes: number[]) => sizes.slice(1).map((size, i) => dense(sizes[i], size, seed++))
  const encoder = chain([inputs, ...widths])
  const head = dense(widths.at(-1) ?? inputs, 2 * config.latent, seed++)
  const decoder = chain([config.latent, ...widths])
  const output = dense(widths.at(-1) ?? config.latent, inputs, seed++)
  return { config, inputs, encoder, head, decoder, output }
}

export function vaeVariables(vae: TfVae): tf.Variable[] {
  return [...vae.encoder, vae.head, ...vae.decoder, vae.output].flatMap((l) => [l.kernel, l.bias])
}

/** The model as core's backend-neutral `Vae` (core/vae/model.ts), for the statistics; `trainer` names its backend. */
export function asVae(model: TfVae, trainer: `tfjs-${string}`): Vae {
  const { config, inputs } = model
  const run = (x: Float32Array, rows: number, width: number, f: (t: tf.Tensor2D) => tf.Tensor2D[]) =>
    tf.tidy(() => f(tf.tensor2d(x.subarray(0, rows * width), [rows, width]))).map((t) => {
      const values = Float32Array.from(t.dataSync())
      t.dispose()
      return values
    })
  return {
    config,
    inputs,
    trainer,
    tfjsVersion: tf.version_core,
    encode(x, rows) {
      const [means, logVars] = run(x, rows, inputs, (t) => {
        const out = encode(model, t)
        return [out.mean, out.logVar]
      })
      return { means, logVars }
    },
    decode: (z, rows) => run(z, rows, config.latent, (t) => [decode(model, t)])[0],
    weights: () => vaeVariables(model).map((v) => Float32Array.from(v.dataSync())),
    dispose: () => vaeVariables(model).forEach((v) => v.dispose()),
  }
}

function hidden(layers: Dense[], x: tf.Tensor2D, activation: Activation, linear: boolean): tf.Tensor2D {
  let h = x
  for (const layer of layers) h = linear ? applyDense(layer, h) : ACTIVATE[activation](applyDense(layer, h))
  return h
}

/** Posterior q(z|x) = N(μ, diag σ²): the encoder's means and log-variances for a batch of events. */
export function encode(vae: TfVae, x: tf.Tensor2D): { mean: tf.Tensor2D; logVar: tf.Tensor2D } {
  const { activation, linear, latent } = vae.config
  const both = applyDense(vae.head, hidden(vae.encoder, x, activation, linear))
  const [mean, logVar] = tf.split(both, [latent, latent], 1) as [tf.Tensor2D, tf.Tensor2D]
  return { mean, logVar }
}

/** The decoder's reconstruction of latent points z. */
export function decode(vae: TfVae, z: tf.Tensor2D): tf.Tensor2D {
  const { activation, linear } = vae.config
  return applyDense(vae.output, hidden(vae.decoder, z, activation, linear))
}

/**
 * Loss per event, averaged over the batch: mean squared error over the D features
 * + β · Σ_k KL(N(μ_k, σ_k²) ‖ N(0, 1)), KL_k = ½(μ² + σ² − log σ² − 1). z = μ + σ·ε with ε given
 * (the reparameterisation trick, Kingma & Welling 2014), so the caller controls the noise and its seed.
 */
export function vaeLoss(vae: TfVae, x: tf.Tensor2D, noise: tf.Tensor2D): VaeLoss {
  const { mean, logVar } = encode(vae, x)
  const z = tf.add(mean, tf.mul(tf.exp(tf.mul(logVar, 0.5)), noise)) as tf.Tensor2D
  const reconstruction = tf.mean(tf.squaredDifference(x, decode(vae, z))) as tf.Scalar
  const klTerms = tf.mul(tf.sub(tf.add(tf.square(mean), tf.exp(logVar)), tf.add(logVar, 1)), 0.5)
  const kl = tf.mean(tf.sum(klTerms, 1)) as tf.Scalar
  const total = tf.add(reconstruction, tf.mul(kl, vae.config.beta)) as tf.Scalar
  return { total, reconstruction, kl }
}
