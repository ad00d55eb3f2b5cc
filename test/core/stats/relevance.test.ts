import { beforeAll, describe, expect, it } from 'vitest'
import { relevance, type SymscopeWasm } from '../../../core/index.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { expectAllClose } from '../../expectClose.js'
import { normalMatrix } from '../../../testdata/random.js'
import { relevanceReference } from '../../../reference/relevance.js'

let wasm: SymscopeWasm
beforeAll(async () => {
  wasm = await loadWasm()
})

describe('relevance', () => {
  it('matches the reference formulas on seeded encoder outputs', () => {
    const rows = 3000
    const latents = 8
    // latent j has spread j/4 (latent 0 collapsed to the prior) and log-variance around −j/2
    const means = normalMatrix(1, rows, latents).map((v, i) => ((i % latents) / 4) * v)
    const logVariances = normalMatrix(2, rows, latents).map((v, i) => 0.3 * v - (i % latents) / 2)
    const result = relevance(wasm, means, logVariances, rows, latents)
    const reference = relevanceReference(means, logVariances, rows, latents)
    expect(result.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    // f64 sums of the same f32 inputs on both sides: agreement to ~1e-13; 1e-10 written here
    for (const key of ['relevance', 'kl', 'oneMinusSigma2'] as const) {
      expectAllClose(
        result.map((s) => s[key]),
        reference.map((s) => s[key]),
        1e-10,
      )
    }
    expect(result[0].relevance).toBe(0)
    // population variance (7/4)² = 3.06, sampling error √(2/n) · 3.06 = 0.08
    expect(Math.abs(result[7].relevance - 49 / 16)).toBeLessThan(0.3)
  })

  it('gives the documented example', () => {
    // latent 0: μ = ±1, σ² = 1 → R = 1, KL = ½ (1 + 1 − 0 − 1) = 0.5, 1 − σ² = 0; latent 1 is the prior itself
    expect(relevance(wasm, Float32Array.of(1, 0, -1, 0), Float32Array.of(0, 0, 0, 0), 2, 2)).toEqual([
      { index: 0, relevance: 1, kl: 0.5, oneMinusSigma2: 0 },
      { index: 1, relevance: 0, kl: 0, oneMinusSigma2: 0 },
    ])
  })

  it('gives a constant latent relevance 0 and the closed-form KL', () => {
    // μ = 0.5 and log σ² = −2 everywhere: R = 0, KL = ½ (0.25 + e⁻² + 2 − 1), 1 − ⟨σ²⟩ = 1 − e⁻²
    const rows = 100
    const [stats] = relevance(wasm, new Float32Array(rows).fill(0.5), new Float32Array(rows).fill(-2), rows, 1)
    expect(stats.relevance).toBe(0)
    expect(stats.kl).toBeCloseTo(0.5 * (0.25 + Math.exp(-2) + 1), 12)
    expect(stats.oneMinusSigma2).toBeCloseTo(1 - Math.exp(-2), 12)
  })

  it('is plain JSON', () => {
    const result = relevance(wasm, normalMatrix(3, 50, 2), normalMatrix(4, 50, 2), 50, 2)
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  })

  it('throws on fewer than two rows, mismatched shapes, non-finite values and overflowing variances', () => {
    expect(() => relevance(wasm, Float32Array.of(1, 2), Float32Array.of(0, 0), 1, 2)).toThrow('relevance requires at least two rows')
    expect(() => relevance(wasm, Float32Array.of(1, 2), Float32Array.of(0), 2, 1)).toThrow(
      'relevance requires data of length rows × cols = 2 (got 1)',
    )
    expect(() => relevance(wasm, Float32Array.of(1, NaN), Float32Array.of(0, 0), 2, 1)).toThrow('relevance requires finite values')
    expect(() => relevance(wasm, Float32Array.of(1, 2), Float32Array.of(0, 800), 2, 1)).toThrow('relevance requires log-variances below 709')
  })
})
