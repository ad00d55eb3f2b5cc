// The circle generator (assembly/generators/circle.ts) against its closed forms: (x₁, x₂) = r(cos θ, sin θ),
// θ uniform on [−π, π), r = R(1 + σ·N(0, 1)).
import { beforeAll, describe, expect, it } from 'vitest'
import { generateEvents, isSymscopeError, ksUniform, type SymscopeWasm } from '../../core/index.js'
import { loadWasm } from '../../core/wasm/node.js'

let wasm: SymscopeWasm
beforeAll(async () => {
  wasm = await loadWasm()
})

const n = 100_000

/** Standard normal distribution function, Φ(x) = ½ erfc(−x/√2) (erfc: Numerical Recipes' erfcc, |error| < 1.2e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2
  const t = 1 / (1 + 0.5 * z)
  const erfc =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
        t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    )
  return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc
}

/** KS test against the distribution function `cdf`: F(X) is uniform on [0, 1] when X ~ F. */
const ksAgainst = (values: Float64Array, cdf: (x: number) => number) => ksUniform(values.map(cdf), 0, 1)

/** Signed difference of two angles, folded into (−π, π]. */
function angleDifference(a: number, b: number): number {
  const d = (a - b) % (2 * Math.PI)
  return d > Math.PI ? d - 2 * Math.PI : d <= -Math.PI ? d + 2 * Math.PI : d
}

describe('circle', () => {
  it('puts every point on the circle of radius R when noise = 0', () => {
    const radius = 2.5
    const events = generateEvents(wasm, { dataset: 'circle', n, seed: 1, params: { radius } })
    expect(events.featureNames).toEqual(['x1', 'x2'])
    const x = events.features
    let worst = 0
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(Math.hypot(x[2 * i], x[2 * i + 1]) / radius - 1))
    expect(worst).toBeLessThan(1e-12)
  })

  it('keeps the truth angle θ = atan2(x₂, x₁)', () => {
    const events = generateEvents(wasm, { dataset: 'circle', n, seed: 2, params: { radius: 1, noise: 0.05 } })
    const x = events.features
    let worst = 0
    let outOfRange = 0
    for (let i = 0; i < n; i++) {
      const theta = events.truth[i]
      if (!(theta >= -Math.PI && theta < Math.PI)) outOfRange++
      worst = Math.max(worst, Math.abs(angleDifference(Math.atan2(x[2 * i + 1], x[2 * i]), theta)))
    }
    expect(outOfRange).toBe(0)
    expect(worst).toBeLessThan(1e-12)
  })

  it('draws θ uniformly', () => {
    const events = generateEvents(wasm, { dataset: 'circle', n, seed: 3 })
    expect(ksUniform(events.truth, -Math.PI, Math.PI).pValue).toBeGreaterThan(0.001)
    // Power: the same angles do not pass for a density ∝ 1 + 0.1 cos θ (CDF (θ + π + 0.1 sin θ)/2π).
    const tilted = ksAgainst(events.truth, (t) => (t + Math.PI + 0.1 * Math.sin(t)) / (2 * Math.PI))
    expect(tilted.pValue).toBeLessThan(1e-6)
  })

  it('spreads the radius as R(1 + σ N(0, 1)) with noise σ', () => {
    const radius = 3
    const noise = 0.05
    const events = generateEvents(wasm, { dataset: 'circle', n, seed: 4, params: { radius, noise } })
    const x = events.features
    // Pull of each point, (r/R − 1)/σ, is N(0, 1) while r > 0 (r ≤ 0 needs a 20σ fluctuation here).
    const pulls = Float64Array.from({ length: n }, (_, i) => (Math.hypot(x[2 * i], x[2 * i + 1]) / radius - 1) / noise)
    let sum = 0
    let sum2 = 0
    for (const p of pulls) {
      sum += p
      sum2 += p * p
    }
    const mean = sum / n
    const variance = sum2 / n - mean * mean
    // Standard errors of the mean and variance of N(0, 1): √(1/n), √(2/n).
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n))
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n))
    expect(ksAgainst(pulls, normalCdf).pValue).toBeGreaterThan(0.001)
    // Power: a spread of 1.1σ would be seen.
    expect(ksAgainst(pulls, (p) => normalCdf(p / 1.1)).pValue).toBeLessThan(1e-6)
  })

  it('is reproducible: same seed, same bytes; another seed, other points', () => {
    const a = generateEvents(wasm, { dataset: 'circle', n: 1000, seed: 5, params: { noise: 0.01 } })
    const b = generateEvents(wasm, { dataset: 'circle', n: 1000, seed: 5, params: { noise: 0.01 } })
    const c = generateEvents(wasm, { dataset: 'circle', n: 1000, seed: 6, params: { noise: 0.01 } })
    expect(Buffer.from(a.features.buffer).equals(Buffer.from(b.features.buffer))).toBe(true)
    expect(Buffer.from(a.truth.buffer).equals(Buffer.from(b.truth.buffer))).toBe(true)
    expect(a.features.some((v, i) => v === c.features[i])).toBe(false)
  })

  it('rejects bad parameters, naming them', () => {
    for (const [params, name] of [
      [{ radius: 0 }, 'radius'],
      [{ noise: -0.1 }, 'noise'],
      [{ noise: 'big' }, 'noise'],
      [{ wobble: 1 }, 'wobble'],
    ] as const) {
      let error: unknown
      try {
        generateEvents(wasm, { dataset: 'circle', n: 10, seed: 1, params })
      } catch (caught) {
        error = caught
      }
      expect(isSymscopeError(error)).toBe(true)
      expect((error as Error).message).toContain(`'${name}'`)
    }
  })
})
