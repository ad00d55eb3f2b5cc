// The bootstrap interval of the relevance (core/stats/relevanceBootstrap.ts, kernel assembly/stats/bootstrap.ts).
import { beforeAll, describe, expect, it } from 'vitest'
import { relevance, relevanceBootstrap, type SymscopeWasm } from '../../../core/index.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { normalMatrix } from '../../../testdata/random.js'

let wasm: SymscopeWasm
beforeAll(async () => {
  wasm = await loadWasm()
})

describe('relevanceBootstrap', () => {
  const rows = 4000
  // Two latents: μ₀ ~ N(0, 1) (R = 1), μ₁ ~ N(0, 0.01) (R = 0.01), from independent normals.
  const noise = normalMatrix(5, rows, 2)
  const means = noise.map((v, i) => (i % 2 === 0 ? v : 0.1 * v))
  const logVariances = new Float32Array(rows * 2)

  it('has the standard error of a sample variance, σ²√(2/n), and an interval around the full-sample R', () => {
    const full = relevance(wasm, means, logVariances, rows, 2)
    const intervals = relevanceBootstrap(wasm, means, rows, 2, { resamples: 400, seed: 3 })
    for (const [j, sigma2] of [[0, 1], [1, 0.01]]) {
      const { lower, upper, standardError, index } = intervals[j]
      expect(index).toBe(j)
      // Var of the variance of n normal values is 2σ⁴/n (excess kurtosis 0). 400 resamples estimate a standard
      // deviation to ±1/√800 ≈ 3.5 %; 15 % allows four of those and the sample's own kurtosis.
      expect(Math.abs(standardError / (sigma2 * Math.sqrt(2 / rows)) - 1)).toBeLessThan(0.15)
      expect(lower).toBeLessThan(full[j].relevance)
      expect(upper).toBeGreaterThan(full[j].relevance)
      // A 90 % percentile interval of a near-normal statistic spans ≈ 2 · 1.645 standard errors.
      expect(Math.abs((upper - lower) / (2 * 1.6449 * standardError) - 1)).toBeLessThan(0.15)
    }
  })

  it('gives the same interval for the same seed and another for another seed', () => {
    const a = relevanceBootstrap(wasm, means, rows, 2, { seed: 7 })
    expect(relevanceBootstrap(wasm, means, rows, 2, { seed: 7 })).toEqual(a)
    expect(relevanceBootstrap(wasm, means, rows, 2, { seed: 8 })[0].lower).not.toBe(a[0].lower)
  })

  it('gives a zero-width interval for a constant latent', () => {
    const constant = new Float32Array(200).fill(0.25)
    const [interval] = relevanceBootstrap(wasm, constant, 200, 1)
    expect(interval).toEqual({ index: 0, lower: 0, upper: 0, standardError: 0 })
  })

  it('refuses bad resamples, levels and seeds', () => {
    expect(() => relevanceBootstrap(wasm, means, rows, 2, { resamples: 0 })).toThrow(/1 to 10000 resamples/)
    expect(() => relevanceBootstrap(wasm, means, rows, 2, { level: 1 })).toThrow(/0 < level < 1/)
    expect(() => relevanceBootstrap(wasm, means, rows, 2, { seed: -1 })).toThrow(/seed ≥ 0/)
    expect(() => relevanceBootstrap(wasm, means, rows, 3)).toThrow()
  })
})
