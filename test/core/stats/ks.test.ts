import { describe, expect, it } from 'vitest'
import { kolmogorovSurvival, ksTwoSample, ksUniform } from '../../../core/index.js'
import { mulberry32, normalSampler } from '../../../testdata/random.js'

describe('kolmogorovSurvival', () => {
  it('matches scipy.special.kolmogorov on both series', () => {
    // scipy.special.kolmogorov(λ) for each λ (λ < 1.18 uses the theta-function form)
    const cases: [number, number][] = [
      [0.2, 0.999999999999495],
      [0.5, 0.9639452436648751],
      [0.8, 0.5441424115741981],
      [1, 0.26999967167735456],
      [1.36, 0.049485876755377876],
      [2, 0.0006709252557796953],
      [3, 3.045995948942526e-8],
    ]
    for (const [lambda, expected] of cases) {
      expect(Math.abs(kolmogorovSurvival(lambda) - expected) / expected).toBeLessThan(1e-12)
    }
    expect(kolmogorovSurvival(0)).toBe(1)
    expect(() => kolmogorovSurvival(-1)).toThrow('kolmogorovSurvival requires λ ≥ 0')
  })
})

describe('ksUniform', () => {
  it('computes the statistic by hand and the asymptotic p-value with Stephens’ correction', () => {
    // D = max(1/3 − 0.1, 0.4 − 1/3, 2/3 − 0.4, 0.7 − 2/3, 1 − 0.7) = 0.3; λ = (√3 + 0.12 + 0.11/√3) · 0.3
    const result = ksUniform([0.7, 0.1, 0.4], 0, 1)
    expect(result.statistic).toBeCloseTo(0.3, 15)
    const lambda = (Math.sqrt(3) + 0.12 + 0.11 / Math.sqrt(3)) * 0.3
    expect(result.pValue).toBeCloseTo(kolmogorovSurvival(lambda), 14)
    // scipy.stats.kstest([0.1, 0.4, 0.7], 'uniform') gives the exact p = 0.8862; the approximation is within 1.1 %
    expect(Math.abs(result.pValue - 0.8862222222222221)).toBeLessThan(0.011)
  })

  it('accepts a uniform sample and rejects a non-uniform one', () => {
    const random = mulberry32(9)
    const uniform = Array.from({ length: 5000 }, () => -Math.PI + 2 * Math.PI * random())
    expect(ksUniform(uniform, -Math.PI, Math.PI).pValue).toBeGreaterThan(0.01)
    const squared = uniform.map((x) => (x * Math.abs(x)) / Math.PI) // piles up near 0
    expect(ksUniform(squared, -Math.PI, Math.PI).pValue).toBeLessThan(1e-10)
  })

  it('throws on an empty sample, non-finite values and a bad range', () => {
    expect(() => ksUniform([], 0, 1)).toThrow('ksUniform requires at least one value')
    expect(() => ksUniform([0.5, NaN], 0, 1)).toThrow('ksUniform requires finite values')
    expect(() => ksUniform([0.5], 1, 0)).toThrow('ksUniform requires finite min < max')
  })
})

describe('ksTwoSample', () => {
  it('computes the statistic, ties stepped together', () => {
    // F_a − F_b reaches 3/4 at x = 3.5 (scipy.stats.ks_2samp gives statistic 0.75)
    expect(ksTwoSample([1, 2, 3, 4], [3.5, 5, 6, 7]).statistic).toBe(0.75)
    // identical samples: every step is taken together, D = 0, p = 1
    expect(ksTwoSample([1, 2, 2, 3], [3, 2, 1, 2])).toEqual({ statistic: 0, pValue: 1 })
    const m = (4 * 4) / 8
    const lambda = (Math.sqrt(m) + 0.12 + 0.11 / Math.sqrt(m)) * 0.75
    expect(ksTwoSample([1, 2, 3, 4], [3.5, 5, 6, 7]).pValue).toBeCloseTo(kolmogorovSurvival(lambda), 14)
  })

  it('accepts two samples of one distribution and rejects a shifted one', () => {
    const normal = normalSampler(mulberry32(21))
    const a = Array.from({ length: 3000 }, normal)
    const b = Array.from({ length: 2000 }, normal)
    expect(ksTwoSample(a, b).pValue).toBeGreaterThan(0.01)
    expect(ksTwoSample(a, b.map((x) => x + 0.3)).pValue).toBeLessThan(1e-8)
  })

  it('throws on an empty sample or non-finite values', () => {
    expect(() => ksTwoSample([], [1])).toThrow('ksTwoSample requires at least one value in each sample')
    expect(() => ksTwoSample([1], [Infinity])).toThrow('ksTwoSample requires finite values')
  })
})
