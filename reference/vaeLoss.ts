// A plain f64 TypeScript VAE loss, written from docs/method.md and nothing else, to check the fused trainer's
// gradients by central finite differences: the design's MLP (weights in tfjs's order and shapes: per dense layer,
// encoder → head → decoder → output, a kernel inputs × outputs then a bias), loss = mean squared error over the D
// features + β · Σ_k ½(μ² + σ² − log σ² − 1), averaged over the rows, z = μ + exp(½ log σ²)·ε.
import type { Activation, VaeConfig } from '../core/vae/index.js'

const ACTIVATE: Record<Activation, (x: number) => number> = {
  relu: (x) => Math.max(x, 0),
  tanh: Math.tanh,
  elu: (x) => (x > 0 ? x : Math.exp(x) - 1),
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
}

/** y = f(x W + b) for rows × inputs x, given the kernel (inputs × outputs) and the bias. */
function dense(x: Float64Array, rows: number, kernel: ArrayLike<number>, bias: ArrayLike<number>, f?: (v: number) => number): Float64Array {
  const outputs = bias.length
  const inputs = kernel.length / outputs
  const y = new Float64Array(rows * outputs)
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < outputs; j++) {
      let s = bias[j]
      for (let p = 0; p < inputs; p++) s += x[i * inputs + p] * kernel[p * outputs + j]
      y[i * outputs + j] = f ? f(s) : s
    }
  }
  return y
}

/** The batch-mean loss of `rows` events x (rows × D) with noise (rows × K), in f64. */
export function referenceLoss(config: VaeConfig, weights: ArrayLike<number>[], x: ArrayLike<number>, noise: ArrayLike<number>, rows: number): number {
  const layers = config.linear ? 0 : config.layers
  const f = config.linear ? undefined : ACTIVATE[config.activation]
  const k = config.latent
  const d = x.length / rows
  let h: Float64Array = Float64Array.from(x)
  let w = 0
  const next = (act?: (v: number) => number) => {
    h = dense(h, rows, weights[w], weights[w + 1], act)
    w += 2
  }
  for (let l = 0; l < layers; l++) next(f)
  next()
  const head = h
  const z = new Float64Array(rows * k)
  let kl = 0
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < k; j++) {
      const mu = head[i * 2 * k + j]
      const logVar = head[i * 2 * k + k + j]
      z[i * k + j] = mu + Math.exp(0.5 * logVar) * noise[i * k + j]
      kl += 0.5 * (mu * mu + Math.exp(logVar) - logVar - 1)
    }
  }
  h = z
  for (let l = 0; l < layers; l++) next(f)
  next()
  let squared = 0
  for (let i = 0; i < rows * d; i++) squared += (h[i] - x[i]) ** 2
  return squared / (rows * d) + (config.beta * kl) / rows
}
