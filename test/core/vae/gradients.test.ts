// The fused trainer's analytic gradients (assembly/vae/passes.ts) against central finite differences of the f64
// reference loss (reference.ts), for every activation and for the edge shapes: no hidden layers (the linear VAE),
// one latent, widths and batches that are not multiples of the SIMD width. Random networks, data and noise.
import { beforeAll, describe, expect, it } from 'vitest'
import { resolveVaeConfig } from '../../../core/vae/index.js'
import { FusedVae } from '../../../core/vae/fused/network.js'
import { loadWasm } from '../../../core/wasm/node.js'
import type { SymscopeWasm } from '../../../core/wasm/module.js'
import { mulberry32 } from '../../../testdata/random.js'
import { randomArray, randomWeights, SHAPES } from '../../../testdata/randomNetworks.js'
import { referenceLoss } from '../../../reference/vaeLoss.js'

describe('fused VAE gradients', () => {
  let wasm: SymscopeWasm
  beforeAll(async () => {
    wasm = await loadWasm()
  })

  for (const shape of SHAPES) {
    it(`match central finite differences of the f64 reference: ${shape.name}`, () => {
      const config = resolveVaeConfig({ beta: 0.3, ...shape.config }, shape.features)
      const random = mulberry32(17 + shape.rows)
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
