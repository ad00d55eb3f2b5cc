// The fused trainer's analytic gradients (assembly/vae/passes.ts) against central finite differences of the f64
// reference loss (reference.ts), for every activation and for the edge shapes: no hidden layers (the linear VAE),
// one latent, widths and batches that are not multiples of the SIMD width. Random networks, data and noise.
import { beforeAll, describe, expect, it } from 'vitest'
import { resolveVaeConfig, type VaeConfig } from '../../../core/vae/index.js'
import { FusedVae } from '../../../core/vae/fused/network.js'
import { loadWasm } from '../../../core/wasm/node.js'
import type { SymscopeWasm } from '../../../core/wasm/module.js'
import { referenceLoss } from './reference.js'

/** A small seeded generator for the test's own random numbers (mulberry32). */
export function testRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

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

describe('fused VAE gradients', () => {
  let wasm: SymscopeWasm
  beforeAll(async () => {
    wasm = await loadWasm()
  })

  for (const shape of SHAPES) {
    it(`match central finite differences of the f64 reference: ${shape.name}`, () => {
      const config = resolveVaeConfig({ beta: 0.3, ...shape.config }, shape.features)
      const random = testRandom(17 + shape.rows)
      const vae = new FusedVae(wasm, config, shape.features, shape.rows)
      try {
        const weights = randomWeights(vae, random)
        vae.setWeights(weights)
        const x = randomArray(random, shape.rows * shape.features, 1.5)
        const noise = randomArray(random, shape.rows * config.latent, 1.2)
        const { loss, gradients } = vae.gradients(x, noise, shape.rows)
        const f64 = weights.map((w) => Float64Array.from(w))
        // The f32 forward pass against the f64 reference: agreement to float32 rounding.
        expect(Math.abs(loss - referenceLoss(config, f64, x, noise, shape.rows))).toBeLessThan(1e-5 * Math.max(1, loss))
        // Central differences, step 1e-6 in f64: truncation O(h²) and rounding O(1e-16/h) both far below 1e-3.
        const h = 1e-6
        f64.forEach((w, t) => {
          const numeric = new Float64Array(w.length)
          for (let i = 0; i < w.length; i++) {
            const kept = w[i]
            w[i] = kept + h
            const plus = referenceLoss(config, f64, x, noise, shape.rows)
            w[i] = kept - h
            const minus = referenceLoss(config, f64, x, noise, shape.rows)
            w[i] = kept
            numeric[i] = (plus - minus) / (2 * h)
          }
          // Relative to the tensor's largest gradient: the analytic one is f32, so tiny entries carry absolute error.
          const largest = Math.max(...numeric.map(Math.abs), 1e-12)
          const worst = Math.max(...numeric.map((g, i) => Math.abs(g - gradients[t][i])))
          expect(worst / largest, `tensor ${t} of ${shape.name}`).toBeLessThan(1e-3)
        })
      } finally {
        vae.dispose()
      }
    })
  }
})
