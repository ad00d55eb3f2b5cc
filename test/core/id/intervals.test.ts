// Confidence intervals of the intrinsic dimension: the TwoNN interval (core/id/twoNNInterval.ts) and Gride's
// adjusted profile-likelihood interval (core/id/grideInterval.ts, core/id/neighbourhoodCovariance.ts). Coverage over hundreds of seeds is a benchmark
// (bench/intervals.ts); here a few fixed seeds, the closed forms behind them, and the throwing cases.
import { beforeAll, describe, expect, it } from 'vitest'
import { gammaQuantile, gride, grideIntervals, nearestNeighbours, nearestTwo, neighbourhoodCovariance, twoNNInterval, type SymscopeWasm } from '../../../core/index.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { flatTorus, sphere } from '../../../testdata/manifolds.js'
import { mulberry32 } from '../../../testdata/random.js'

let wasm: SymscopeWasm
beforeAll(async () => {
  wasm = await loadWasm()
})

describe('gammaQuantile', () => {
  it('inverts the regularised gamma function at known quantiles', () => {
    // scipy.stats.gamma.ppf(0.5, 1) = log 2; scipy.stats.chi2.ppf(0.9, 1) = 2.705543454095404;
    // scipy.stats.chi2.ppf(0.95, 10) = 18.307038053275146; scipy.stats.gamma.ppf(0.05, 1000) = 948.2384…
    expect(gammaQuantile(1, 0.5)).toBeCloseTo(Math.log(2), 12)
    expect(2 * gammaQuantile(0.5, 0.9)).toBeCloseTo(2.705543454095404, 9)
    expect(2 * gammaQuantile(5, 0.95)).toBeCloseTo(18.307038053275146, 9)
    // Gamma(1000) by Wilson–Hilferty, a(1 − 1/(9a) + z/(3√a))³ with z = −1.644854: 948.57, good to O(1/a).
    expect(Math.abs(gammaQuantile(1000, 0.05) - 948.57)).toBeLessThan(0.05)
  })

  it('refuses a shape ≤ 0 and a probability outside (0, 1)', () => {
    expect(() => gammaQuantile(0, 0.5)).toThrow(/gammaQuantile requires a > 0/)
    expect(() => gammaQuantile(1, 1)).toThrow(/0 < p < 1/)
    expect(() => gammaQuantile(1, Number.NaN)).toThrow(/0 < p < 1/)
  })
})

describe('nearestTwo', () => {
  it('gives the documented example and agrees with nearestNeighbours', () => {
    const result = nearestTwo(wasm, Float32Array.of(0, 1, 3), 3, 1)
    expect(Array.from(result.indices)).toEqual([1, 2, 0, 2, 1, 0])
    expect(Array.from(result.distances)).toEqual([1, 3, 1, 2, 2, 3])
    const { points, cols } = sphere(2, 500, 3)
    const reference = nearestNeighbours(wasm, points, 500, cols, 2).distances
    // Both sum the squared differences in Float32 in the same order: the same distances, bit for bit.
    const two = nearestTwo(wasm, points, 500, cols)
    expect(Array.from(two.distances)).toEqual(Array.from(reference))
    // And the indices point at those distances: |x_i − x_j| recomputed in f64 agrees to Float32 rounding.
    for (let i = 0; i < 500; i++) {
      for (let m = 0; m < 2; m++) {
        const j = two.indices[2 * i + m]
        expect(j).not.toBe(i)
        let sum = 0
        for (let c = 0; c < cols; c++) sum += (points[i * cols + c] - points[j * cols + c]) ** 2
        expect(Math.abs(Math.sqrt(sum) - two.distances[2 * i + m])).toBeLessThan(1e-6 * two.distances[2 * i + m])
      }
    }
  })
})

describe('twoNNInterval', () => {
  for (const [name, sample] of [
    ['circle', () => sphere(1, 2000, 11)],
    ['torus T²', () => flatTorus(2, 2000, 12)],
    ['sphere S³', () => sphere(3, 2000, 13)],
  ] as const) {
    // At level 0.99 a seed misses with probability 0.01: three fixed seeds that all cover say little about coverage
    // (bench/intervals.ts measures it) but catch an interval in the wrong place or of the wrong width.
    it(`covers the dimension of a ${name} at level 0.99 and holds the MLE inside`, () => {
      const { points, cols, dimension } = sample()
      const interval = twoNNInterval(nearestTwo(wasm, points, 2000, cols), 0.99)
      expect(interval.lower).toBeLessThanOrEqual(dimension)
      expect(interval.upper).toBeGreaterThanOrEqual(dimension)
      expect(interval.lower).toBeLessThan(interval.mle)
      expect(interval.upper).toBeGreaterThan(interval.mle)
      // Width ≈ 2 · 2.576 · d/√n_eff: shared neighbours leave 0.5 n … n independent ratios.
      expect(interval.effectiveN).toBeGreaterThan(0.5 * 2000)
      expect(interval.effectiveN).toBeLessThan(2000)
      const width = interval.upper - interval.lower
      expect(width).toBeGreaterThan(((2 * 2.5758 * dimension) / Math.sqrt(2000)) * 0.9)
      expect(width).toBeLessThan(((2 * 2.5758 * dimension) / Math.sqrt(0.5 * 2000)) * 1.1)
    })
  }

  it('widens with the level around one estimate and is deterministic', () => {
    const { points, cols } = sphere(2, 800, 21)
    const two = nearestTwo(wasm, points, 800, cols)
    const at90 = twoNNInterval(two, 0.9)
    const at99 = twoNNInterval(two, 0.99)
    expect(at99.lower).toBeLessThan(at90.lower)
    expect(at99.upper).toBeGreaterThan(at90.upper)
    expect(at99.mle).toBe(at90.mle)
    // Same input, same bytes.
    expect(twoNNInterval(nearestTwo(wasm, points, 800, cols), 0.9)).toEqual(at90)
  })

  it('refuses a level outside (0, 1) and data with no ratio', () => {
    const { points, cols } = sphere(1, 50, 1)
    expect(() => twoNNInterval(nearestTwo(wasm, points, 50, cols), 1)).toThrow(/0 < level < 1/)
    expect(() => twoNNInterval(nearestTwo(wasm, new Float32Array(10).fill(1), 10, 1))).toThrow(/at least three points/)
  })
})

describe('neighbourhoodCovariance', () => {
  it('gives the documented example and the Bartlett-weighted pair sum of a direct double loop', () => {
    expect(Array.from(neighbourhoodCovariance(wasm, Float32Array.of(0, 1, 5), 3, 1, [1, 1, 1], [1, 1, 1], 1))).toEqual([4])
    const { points, cols } = sphere(2, 300, 7)
    const random = mulberry32(8)
    const orders = 3
    // Radii growing with the order, as r_2k does with k.
    const radii = Array.from({ length: 300 * orders }, () => 0.2 * random())
    for (let i = 0; i < 300 * orders; i++) if (i % orders > 0) radii[i] += radii[i - 1]
    const scores = Array.from({ length: 300 * orders }, () => random() - 0.5)
    const variances = neighbourhoodCovariance(wasm, points, 300, cols, radii, scores, orders)
    for (let c = 0; c < orders; c++) {
      let expected = 0
      for (let i = 0; i < 300; i++) {
        for (let j = 0; j < 300; j++) {
          let squared = 0
          for (let m = 0; m < cols; m++) squared += (points[i * cols + m] - points[j * cols + m]) ** 2
          const weight = Math.max(0, 1 - Math.sqrt(squared) / (radii[i * orders + c] + radii[j * orders + c]))
          expected += weight * scores[i * orders + c] * scores[j * orders + c]
        }
      }
      expect(variances[c]).toBeCloseTo(expected, 10)
    }
  })

  it('refuses scores or radii of the wrong size or not finite', () => {
    const data = Float32Array.of(0, 1, 5)
    expect(() => neighbourhoodCovariance(wasm, data, 3, 1, [1, 1], [1, 1, 1], 1)).toThrow(/3 rows × 1 orders/)
    expect(() => neighbourhoodCovariance(wasm, data, 3, 1, [1, -1, 1], [1, 1, 1], 1)).toThrow(/radii ≥ 0 \(row 1\)/)
    expect(() => neighbourhoodCovariance(wasm, data, 3, 1, [1, 1, 1], [1, Number.NaN, 1], 1)).toThrow(/finite scores/)
    expect(() => neighbourhoodCovariance(wasm, data, 3, 1, [1, 2, 1, 2, 2, 1], [1, 1, 1, 1, 1, 1], 2)).toThrow(/radii that grow with the order \(row 2\)/)
  })
})

describe('grideIntervals', () => {
  it('brackets each Gride estimate, widens with the level and is deterministic', () => {
    const { points, cols } = flatTorus(2, 3000, 5)
    const neighbours = nearestNeighbours(wasm, points, 3000, cols, 16)
    const intervals = grideIntervals(wasm, points, 3000, cols, neighbours, [1, 2, 8])
    const wider = grideIntervals(wasm, points, 3000, cols, neighbours, [1, 2, 8], 0.99)
    intervals.forEach((interval, c) => {
      expect(interval.dimension).toBe(gride(neighbours, interval.k).dimension)
      expect(interval.lower).toBeLessThan(interval.dimension)
      expect(interval.upper).toBeGreaterThan(interval.dimension)
      expect(wider[c].lower).toBeLessThan(interval.lower)
      expect(wider[c].upper).toBeGreaterThan(interval.upper)
      // Shared neighbours leave fewer independent ratios than points, but not none.
      expect(interval.effectiveN).toBeGreaterThan(0.1 * interval.n)
      expect(interval.effectiveN).toBeLessThan(interval.n)
      // k = 1 is TwoNN's Pareto likelihood, Fisher information n/d²: the width is 2 · 1.645 · d̂/√n_eff to O(1/n).
      if (interval.k === 1) {
        const half = (1.6449 * interval.dimension) / Math.sqrt(interval.effectiveN)
        expect(Math.abs(interval.upper - interval.lower - 2 * half)).toBeLessThan(0.05 * half)
      }
    })
    expect(grideIntervals(wasm, points, 3000, cols, neighbours, [1, 2, 8])).toEqual(intervals)
  })

  for (const [name, make, dimension] of [
    ['circle', sphere, 1],
    ['torus T²', flatTorus, 2],
  ] as const) {
    // The check the adjustment exists for: the interval's width must match the estimate's real scatter over seeds.
    // Over 40 seeds the sample sd is itself uncertain by 1/√(2 · 39) ≈ 11 %; 25 % is over two of those. The
    // independent profile likelihood is 20–30 % too narrow at k = 4 (0.70 of the scatter on the circle: it fails).
    it(`has the width of the scatter of the k = 4 estimate over seeds on a ${name}`, () => {
      const estimates: number[] = []
      let halfWidths = 0
      for (let s = 0; s < 40; s++) {
        const { points, cols } = make(dimension, 1000, 500 + s)
        const [interval] = grideIntervals(wasm, points, 1000, cols, nearestNeighbours(wasm, points, 1000, cols, 8), [4])
        estimates.push(interval.dimension)
        halfWidths += (interval.upper - interval.lower) / 2
      }
      const mean = estimates.reduce((a, b) => a + b, 0) / estimates.length
      const sd = Math.sqrt(estimates.reduce((a, b) => a + (b - mean) ** 2, 0) / (estimates.length - 1))
      const standardError = halfWidths / 40 / 1.6449
      expect(Math.abs(standardError / sd - 1)).toBeLessThan(0.25)
      expect(Math.abs(mean - dimension)).toBeLessThan(3 * sd / Math.sqrt(40))
    })
  }

  it('refuses a bad level, too few neighbours and neighbours of other rows', () => {
    const { points, cols } = sphere(1, 200, 9)
    const neighbours = nearestNeighbours(wasm, points, 200, cols, 16)
    expect(() => grideIntervals(wasm, points, 200, cols, neighbours, [2], 0)).toThrow(/0 < level < 1/)
    expect(() => grideIntervals(wasm, points, 200, cols, neighbours, [9])).toThrow(/18 neighbours/)
    expect(() => grideIntervals(wasm, points, 200, cols, neighbours, [4, 2])).toThrow(/ascending neighbour orders \(got 4, 2\)/)
    expect(() => grideIntervals(wasm, points.subarray(0, 100 * cols), 100, cols, neighbours, [2])).toThrow(/neighbours of its 100 rows/)
  })
})
