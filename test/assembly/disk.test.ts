// The disk generator (assembly/generators/disk.ts) against its closed forms: uniform area density in the disk of
// radius R, so r = R√U has distribution function r²/R², ⟨r²⟩ = R²/2, and θ is uniform on [−π, π).
import { beforeAll, describe, expect, it } from 'vitest'
import { generateEvents, isSymscopeError, ksUniform, type SymscopeWasm } from '../../core/index.js'
import { loadWasm } from '../../core/wasm/node.js'

let wasm: SymscopeWasm
beforeAll(async () => {
  wasm = await loadWasm()
})

const n = 100_000
const radius = 1.7

/** Column `offset` of a row-major matrix with `stride` columns. */
const column = (matrix: Float64Array, stride: number, offset: number) => matrix.filter((_, i) => i % stride === offset)

describe('disk', () => {
  it('keeps the truth (radius, θ) of every point, inside the disk', () => {
    const events = generateEvents(wasm, { dataset: 'disk', n, seed: 1, params: { radius } })
    expect(events.truthNames).toEqual(['truth_radius', 'truth_theta'])
    const x = events.features
    const t = events.truth
    let worstRadius = 0
    let worstAngle = 0
    let outside = 0
    for (let i = 0; i < n; i++) {
      const r = Math.hypot(x[2 * i], x[2 * i + 1])
      if (!(t[2 * i] >= 0 && t[2 * i] <= radius && t[2 * i + 1] >= -Math.PI && t[2 * i + 1] < Math.PI)) outside++
      worstRadius = Math.max(worstRadius, Math.abs(r - t[2 * i]) / radius)
      // atan2 is defined up to 2π at θ = −π; a point exactly there has probability 2⁻⁵³.
      if (r > 1e-9) worstAngle = Math.max(worstAngle, Math.abs(Math.atan2(x[2 * i + 1], x[2 * i]) - t[2 * i + 1]))
    }
    expect(outside).toBe(0)
    expect(worstRadius).toBeLessThan(1e-12)
    expect(worstAngle).toBeLessThan(1e-12)
  })

  it('has the radius distribution r²/R² and ⟨r²⟩ = R²/2', () => {
    const events = generateEvents(wasm, { dataset: 'disk', n, seed: 2, params: { radius } })
    const r = column(events.truth, 2, 0)
    // (r/R)² is uniform on [0, 1) exactly when P(r ≤ ρ) = ρ²/R².
    const areaFraction = r.map((v) => (v / radius) ** 2)
    expect(ksUniform(areaFraction, 0, 1).pValue).toBeGreaterThan(0.001)
    // Power: the radius itself is not uniform (that would be a density ∝ 1/r in the plane).
    expect(ksUniform(r.map((v) => v / radius), 0, 1).pValue).toBeLessThan(1e-6)
    // ⟨r²⟩ = ∫₀^R r² · 2r/R² dr = R²/2; Var r² = R⁴(1/3 − 1/4) = R⁴/12, so the standard error is R²/√(12n).
    let sum = 0
    for (const v of r) sum += v * v
    expect(Math.abs(sum / n - radius ** 2 / 2)).toBeLessThan((4 * radius ** 2) / Math.sqrt(12 * n))
  })

  it('draws θ uniformly, independent of r', () => {
    const events = generateEvents(wasm, { dataset: 'disk', n, seed: 3, params: { radius } })
    const theta = column(events.truth, 2, 1)
    expect(ksUniform(theta, -Math.PI, Math.PI).pValue).toBeGreaterThan(0.001)
    // Inner and outer halves of the area each have flat θ.
    const inner = theta.filter((_, i) => events.truth[2 * i] < radius / Math.SQRT2)
    const outer = theta.filter((_, i) => events.truth[2 * i] >= radius / Math.SQRT2)
    expect(Math.abs(inner.length - n / 2)).toBeLessThan(5 * Math.sqrt(n / 4))
    expect(ksUniform(inner, -Math.PI, Math.PI).pValue).toBeGreaterThan(0.001)
    expect(ksUniform(outer, -Math.PI, Math.PI).pValue).toBeGreaterThan(0.001)
  })

  it('is reproducible: same seed, same bytes; another seed, other points', () => {
    const a = generateEvents(wasm, { dataset: 'disk', n: 1000, seed: 5 })
    const b = generateEvents(wasm, { dataset: 'disk', n: 1000, seed: 5 })
    const c = generateEvents(wasm, { dataset: 'disk', n: 1000, seed: 6 })
    expect(Buffer.from(a.features.buffer).equals(Buffer.from(b.features.buffer))).toBe(true)
    expect(a.features.some((v, i) => v === c.features[i])).toBe(false)
  })

  it('rejects bad parameters, naming them', () => {
    for (const [params, name] of [
      [{ radius: -1 }, 'radius'],
      [{ radius: Number.NaN }, 'radius'],
      [{ noise: 0.1 }, 'noise'],
    ] as const) {
      let error: unknown
      try {
        generateEvents(wasm, { dataset: 'disk', n: 10, seed: 1, params })
      } catch (caught) {
        error = caught
      }
      expect(isSymscopeError(error)).toBe(true)
      expect((error as Error).message).toContain(`'${name}'`)
    }
  })
})
