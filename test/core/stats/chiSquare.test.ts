import { beforeAll, describe, expect, it } from 'vitest'
import {
  chiSquareAgainstDensity,
  chiSquareSurvival,
  chiSquareTest,
  logGamma,
  regularizedGamma,
  type SymscopeWasm,
} from '../../../core/index.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { mulberry32 } from '../../../testdata/random.js'

let wasm: SymscopeWasm
beforeAll(async () => {
  wasm = await loadWasm()
})

const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected)

describe('special functions', () => {
  it('logGamma matches scipy.special.gammaln', () => {
    // scipy.special.gammaln: 5 → 3.1780538303479458 (ln 24), 0.5 → 0.5723649429247 (ln √π), 100.5 → 361.43554046777757
    expect(relativeError(logGamma(5), 3.1780538303479458)).toBeLessThan(1e-14)
    expect(relativeError(logGamma(0.5), 0.5723649429247)).toBeLessThan(1e-14)
    expect(relativeError(logGamma(100.5), 361.43554046777757)).toBeLessThan(1e-14)
    expect(() => logGamma(0)).toThrow('logGamma requires x > 0')
  })

  it('regularizedGamma matches scipy.special.gammainc / gammaincc on both branches', () => {
    // scipy.special.gammainc(2.5, 1) = 0.15085496391539038 (series branch, x < a + 1)
    const series = regularizedGamma(2.5, 1)
    expect(relativeError(series.lower, 0.15085496391539038)).toBeLessThan(1e-13)
    expect(series.lower + series.upper).toBe(1)
    // scipy.special.gammaincc(30, 45) = 0.007337199297796568 (continued fraction, x ≥ a + 1)
    expect(relativeError(regularizedGamma(30, 45).upper, 0.007337199297796568)).toBeLessThan(1e-12)
    // scipy.special.gammainc(30, 10) = 2.509951201527959e-07: a small lower tail keeps its relative accuracy
    expect(relativeError(regularizedGamma(30, 10).lower, 2.509951201527959e-7)).toBeLessThan(1e-12)
    expect(regularizedGamma(3, 0)).toEqual({ lower: 0, upper: 1 })
    expect(() => regularizedGamma(0, 1)).toThrow('regularizedGamma requires a > 0 and x ≥ 0')
    expect(() => regularizedGamma(1, -1)).toThrow('regularizedGamma requires a > 0 and x ≥ 0')
  })

  it('chiSquareSurvival matches scipy.stats.chi2.sf', () => {
    // scipy.stats.chi2.sf(x, dof) for each row
    const cases: [number, number, number][] = [
      [3.84, 1, 0.05004352124870519],
      [0.5, 1, 0.47950012218695337],
      [10, 3, 0.01856613546304325],
      [100, 80, 0.064570368921133],
      [1e-5, 2, 0.9999950000125],
      [200, 10, 1.6139305336977317e-37],
      [5000, 5000, 0.4973403788923451],
    ]
    for (const [x, dof, expected] of cases) expect(relativeError(chiSquareSurvival(x, dof), expected)).toBeLessThan(1e-9)
    expect(chiSquareSurvival(0, 4)).toBe(1)
    expect(() => chiSquareSurvival(1, 0)).toThrow('chiSquareSurvival requires dof > 0 and x ≥ 0')
  })
})

describe('chiSquareTest', () => {
  it('matches scipy.stats.chisquare', () => {
    // scipy.stats.chisquare([18, 22, 20, 40], [25, 25, 25, 25]) → statistic 12.32, pvalue 0.006363629995195269
    const result = chiSquareTest([18, 22, 20, 40], [25, 25, 25, 25])
    expect(result.chi2).toBeCloseTo(12.32, 12)
    expect(result.dof).toBe(3)
    expect(result.bins).toBe(4)
    expect(relativeError(result.pValue, 0.006363629995195269)).toBeLessThan(1e-10)
  })

  it('merges bins expecting fewer than 5 left to right, the sparse tail into the last bin', () => {
    // expected [2, 2, 11 | 19 | 2, 1] → merged observed [13, 24], expected [15, 22] (tail joins the last bin);
    // scipy.stats.chisquare([13, 24], [15, 22]) → statistic 0.4484848484848485, pvalue 0.5030553551950501
    const result = chiSquareTest([1, 2, 10, 20, 3, 1], [2, 2, 11, 19, 2, 1])
    expect(result.bins).toBe(2)
    expect(result.dof).toBe(1)
    expect(result.chi2).toBeCloseTo(0.4484848484848485, 14)
    expect(relativeError(result.pValue, 0.5030553551950501)).toBeLessThan(1e-10)
  })

  it('subtracts extra constraints from the degrees of freedom', () => {
    expect(chiSquareTest([18, 22, 20, 40], [25, 25, 25, 25], { constraints: 2 }).dof).toBe(2)
  })

  it('throws on mismatched lengths, negative counts and too few bins', () => {
    expect(() => chiSquareTest([1, 2], [1])).toThrow('chiSquareTest requires observed and expected of the same length')
    expect(() => chiSquareTest([1, -2], [1, 1])).toThrow('chiSquareTest requires finite counts ≥ 0')
    expect(() => chiSquareTest([3, 3], [3, 3])).toThrow('chiSquareTest requires at least 2 bins expecting 5 or more')
    expect(() => chiSquareTest([10, 10], [10, 10], { constraints: 2 })).toThrow('requires at least 3 bins')
  })
})

describe('chiSquareAgainstDensity', () => {
  // 20,000 draws from 1 + x² on [−1, 1] (the QED cos θ shape) by accept–reject with a seeded PRNG
  function sampleOnePlusSquare(n: number, seed: number): Float64Array {
    const random = mulberry32(seed)
    const out = new Float64Array(n)
    for (let i = 0; i < n; ) {
      const x = 2 * random() - 1
      if (2 * random() < 1 + x * x) out[i++] = x
    }
    return out
  }
  const options = { bins: 20, min: -1, max: 1 }

  it('accepts samples drawn from the density', () => {
    for (const seed of [1, 2, 3]) {
      const result = chiSquareAgainstDensity(wasm, sampleOnePlusSquare(20_000, seed), (x) => 1 + x * x, options)
      expect(result.dof).toBe(19)
      expect(result.pValue).toBeGreaterThan(0.01)
      // Simpson's rule is exact for the quadratic: expected counts are n ∫ over each bin / (8/3)
      const bin0 = (((-0.9) ** 3 / 3 - 0.9) - ((-1) ** 3 / 3 - 1)) / (8 / 3)
      expect(result.expected[0]).toBeCloseTo(20_000 * bin0, 8)
    }
  })

  it('rejects a wrong density', () => {
    const sample = sampleOnePlusSquare(20_000, 1)
    expect(chiSquareAgainstDensity(wasm, sample, () => 1, options).pValue).toBeLessThan(1e-10)
    // Half the quadratic term is seen at n = 20,000
    expect(chiSquareAgainstDensity(wasm, sample, (x) => 1 + 0.5 * x * x, options).pValue).toBeLessThan(1e-3)
  })

  it('throws on a bad density or panel count', () => {
    const sample = sampleOnePlusSquare(1000, 4)
    expect(() => chiSquareAgainstDensity(wasm, sample, () => -1, options)).toThrow('requires a finite density ≥ 0')
    expect(() => chiSquareAgainstDensity(wasm, sample, () => 0, options)).toThrow('requires a density not zero on [min, max]')
    expect(() => chiSquareAgainstDensity(wasm, sample, () => 1, { ...options, panels: 3 })).toThrow('requires an even number of panels')
  })
})
