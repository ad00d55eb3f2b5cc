// The calibration of distance correlation against independence (core/stats/distanceCorrelation.ts, distanceDependence):
// by construction, independent samples of random laws, sizes and shapes exceed the level in at most about α of the
// trials (the bound is conservative), and dependent samples whose dependence is built in exceed it.
import { beforeAll, describe, expect, it } from 'vitest'
import { distanceCorrelation, type SymscopeWasm } from '../../../core/index.js'
import { distanceDependence, INDEPENDENCE_LEVEL } from '../../../core/stats/distanceCorrelation.js'
import { FOLLOWS_DISTANCE, gaussianDistanceCorrelation } from '../../../core/analysis/verdict.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { mulberry32, normalSampler } from '../../../testdata/random.js'

let wasm: SymscopeWasm
beforeAll(async () => {
  wasm = await loadWasm()
})

/** A random law per trial: normal, uniform, exponential or a two-point mixture, with a random scale. */
function randomLaw(random: () => number): () => number {
  const normal = normalSampler(random)
  const scale = Math.exp(4 * random() - 2)
  const kind = Math.floor(random() * 4)
  if (kind === 0) return () => scale * normal()
  if (kind === 1) return () => scale * random()
  if (kind === 2) return () => -scale * Math.log(1 - random())
  return () => scale * (random() < 0.3 ? 5 + normal() : normal())
}

describe('distance correlation against independence at the sample size', () => {
  it('independent samples of random laws and sizes stay below the level in about 1 − α of the trials', () => {
    const random = mulberry32(19)
    const trials = 300
    let above = 0
    for (let trial = 0; trial < trials; trial++) {
      const n = 60 + Math.floor(random() * 500)
      const [lawX, lawY] = [randomLaw(random), randomLaw(random)]
      const x = Float64Array.from({ length: n }, lawX)
      const y = Float64Array.from({ length: n }, lawY)
      const d = distanceDependence(wasm, x, y)
      expect(d.correlation).toBe(distanceCorrelation(wasm, x, y))
      if (d.correlation > d.independenceLevel) above++
    }
    // Expected at most α · 300 = 3 (the bound is conservative); 8 is beyond the binomial's 99.5 % point for 3.
    expect(above).toBeLessThanOrEqual(8)
  })

  it('the level shrinks like 1/√n, so a fixed weak dependence becomes significant with enough events', () => {
    const random = mulberry32(7)
    const normal = normalSampler(random)
    const levels = [250, 1000, 4000].map((n) => {
      const x = Float64Array.from({ length: n }, normal)
      const y = Float64Array.from({ length: n }, normal)
      return distanceDependence(wasm, x, y).independenceLevel
    })
    expect(levels[0] / levels[1]).toBeGreaterThan(1.6)
    expect(levels[0] / levels[1]).toBeLessThan(2.5)
    expect(levels[1] / levels[2]).toBeGreaterThan(1.6)
    expect(levels[1] / levels[2]).toBeLessThan(2.5)
  })

  it('built-in dependence (y = x² + noise, a Gaussian pair at ρ = 0.6) exceeds the level', () => {
    const random = mulberry32(3)
    const normal = normalSampler(random)
    const n = 400
    const x = Float64Array.from({ length: n }, normal)
    const square = distanceDependence(wasm, x, x.map((v) => v * v + 0.3 * normal()))
    expect(square.correlation).toBeGreaterThan(square.independenceLevel)
    const pair = distanceDependence(wasm, x, x.map((v) => 0.6 * v + 0.8 * normal()))
    expect(pair.correlation).toBeGreaterThan(pair.independenceLevel)
    expect(INDEPENDENCE_LEVEL).toBe(0.01)
  })

  it('a constant sample has no dependence to test: level 1', () => {
    const d = distanceDependence(wasm, [1, 2, 3, 4], [5, 5, 5, 5])
    expect(d).toEqual({ correlation: 0, n: 4, statistic: 0, independenceLevel: 1 })
  })
})

describe('the Gaussian distance correlation behind "follows"', () => {
  it('is 0 at ρ = 0, 1 at ρ = 1, and matches Gaussian pairs drawn at ρ = 0.5', () => {
    expect(gaussianDistanceCorrelation(0)).toBeCloseTo(0, 12)
    expect(gaussianDistanceCorrelation(1)).toBeCloseTo(1, 12)
    expect(FOLLOWS_DISTANCE).toBeCloseTo(0.4541, 4)
    const normal = normalSampler(mulberry32(11))
    const n = 3000
    const x = Float64Array.from({ length: n }, normal)
    const y = x.map((v) => 0.5 * v + Math.sqrt(0.75) * normal())
    expect(distanceCorrelation(wasm, x, y)).toBeCloseTo(FOLLOWS_DISTANCE, 1)
  })
})
