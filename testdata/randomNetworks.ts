// Random networks, data and noise for the fused trainer's checks (gradients.test.ts, tfjsReference.test.ts): every
// activation and the edge shapes (no hidden layers, one latent, widths and batches not multiples of the SIMD width).
import type { VaeConfig } from '../core/vae/index.js'
import type { FusedVae } from '../core/vae/fused/network.js'
import { mulberry32 } from './random.js'

/** Uniform on (−scale, scale), as f32. */
export const randomArray = (random: () => number, n: number, scale = 1) => Float32Array.from({ length: n }, () => (2 * random() - 1) * scale)

export const SHAPES: { name: string; features: number; rows: number; config: Partial<VaeConfig> }[] = [
  { name: 'relu, 2 layers', features: 3, rows: 7, config: { layers: 2, hidden: 6, latent: 3, activation: 'relu' } },
  { name: 'tanh, 2 layers', features: 2, rows: 9, config: { layers: 2, hidden: 5, latent: 2, activation: 'tanh' } },
  { name: 'elu, 1 layer', features: 5, rows: 6, config: { layers: 1, hidden: 9, latent: 4, activation: 'elu' } },
  { name: 'sigmoid, 3 layers', features: 4, rows: 5, config: { layers: 3, hidden: 4, latent: 2, activation: 'sigmoid' } },
  { name: 'latent 1, relu', features: 2, rows: 11, config: { layers: 2, hidden: 8, latent: 1, activation: 'relu' } },
  { name: 'linear (layers 0)', features: 3, rows: 8, config: { linear: true, latent: 3 } },
  { name: 'layers 0, latent 1', features: 6, rows: 4, config: { layers: 0, latent: 1, activation: 'tanh' } },
]

/** Random weights in tfjs's shapes for `config` on `features` inputs, biases included (non-zero, to exercise them). */
export function randomWeights(vae: FusedVae, random: () => number): Float32Array[] {
  return vae.weights().map((w) => randomArray(random, w.length, 0.7))
}
