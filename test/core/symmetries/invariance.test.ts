// The distribution algebra as a calibrated test (issue 9, item 5), on data generated for the purpose: a
// rotation-invariant manifold carrying an azimuthally modulated distribution must be rejected, the invariant one not;
// the file's order must not matter. The calibration itself (≥ 200 seeds) is a benchmark: bench/invarianceCalibration.ts.
import { describe, expect, it } from 'vitest'
import { SymscopeError, findSymmetries, generateEvents, type Symmetries } from '../../../core/index.js'
import { flowPeriod } from '../../../core/symmetries/tangentFields/flow.js'
import { holm, mahalanobisTail } from '../../../core/symmetries/invariance/invarianceTests.js'
import { symmetricEigen } from '../../../core/linalg/symmetricEigen.js'
import { chiSquareSurvival } from '../../../core/stats/chiSquareSurvival.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { circle, draws, sortedBy, sphere } from '../../../testdata/symmetries.js'

const wasm = await loadWasm()
const testOf = (s: Symmetries, description: string) => s.distributionAlgebra!.tests.find((t) => t.description === description)!

describe('calibrated invariance tests', () => {
  it('an azimuthal modulation 1 + 0.3 cos 2φ on the circle and on the sphere is rejected at p < 1e-3 (5,000 events)', () => {
    for (const seed of [1, 2, 3]) {
      const s = findSymmetries(wasm, circle(wasm, { n: 5000, seed, modulation: 0.3 }))
      expect(s.manifoldAlgebra!.name).toBe('so(2)')
      const rotation = testOf(s, 'rotation in (x1, x2)')
      expect(rotation).toMatchObject({ method: 'monte-carlo', invariant: false })
      expect(rotation.pValue).toBeLessThan(1e-3)
      expect(s.distributionAlgebra).toMatchObject({ dimension: 0, name: '0', level: 0.01 })
    }
    const s = findSymmetries(wasm, sphere(wasm, { n: 5000, seed: 1, modulation: 0.3 }))
    expect(s.manifoldAlgebra!.name).toBe('so(3)')
    expect(testOf(s, 'rotation in (x1, x2)').pValue).toBeLessThan(1e-3)
  })

  it('the invariant versions are not rejected, each generator with its p-value and the level', () => {
    for (const seed of [1, 2, 3]) {
      const s = findSymmetries(wasm, circle(wasm, { n: 5000, seed }))
      const rotation = testOf(s, 'rotation in (x1, x2)')
      expect(rotation.adjustedPValue).toBeGreaterThan(0.01)
      expect(s.distributionAlgebra).toMatchObject({ dimension: 1, name: 'so(2)' })
      expect(s.distributionAlgebra!.generators[0].pValue).toBe(rotation.pValue)
    }
    const s = findSymmetries(wasm, sphere(wasm, { n: 5000, seed: 1 }))
    expect(s.distributionAlgebra).toMatchObject({ dimension: 3, name: 'so(3)' })
    expect(s.distributionAlgebra!.tests.every((t) => t.method === 'monte-carlo' && t.invariant)).toBe(true)
  })

  it('non-compact generators get the χ² test: translations and shears of the disk are rejected, its rotation is not', () => {
    const events = generateEvents(wasm, { dataset: 'disk', n: 4000, seed: 2 })
    const s = findSymmetries(wasm, { names: events.featureNames, data: events.features, n: events.n })
    const tests = s.distributionAlgebra!.tests
    for (const t of tests.filter((t) => t.source === 'manifold')) expect(t).toMatchObject({ method: 'chi-square', invariant: false })
    expect(tests.find((t) => t.source === 'proposed')).toMatchObject({ method: 'monte-carlo', description: 'rotation in (x1, x2)', invariant: true })
    expect(s.distributionAlgebra!.name).toBe('so(2)')
    // Holm over 7 tests: every adjusted p-value is at least the raw one.
    for (const t of tests) expect(t.adjustedPValue).toBeGreaterThanOrEqual(t.pValue)
  })

  it('reads the events in a random order of its own: a CSV sorted by a feature gives the same section as the shuffled one', () => {
    const sample = circle(wasm, { n: 3000, seed: 7, noise: 0.01, modulation: 0.1 })
    const shuffled = JSON.stringify(findSymmetries(wasm, sample))
    expect(JSON.stringify(findSymmetries(wasm, sortedBy(sample, 0)))).toBe(shuffled)
    expect(JSON.stringify(findSymmetries(wasm, sortedBy(sample, 1)))).toBe(shuffled)
    const events = generateEvents(wasm, { dataset: 'ee_mumu', n: 4000, seed: 3 })
    const ee = { names: events.featureNames, data: Float64Array.from(events.features), n: events.n }
    expect(JSON.stringify(findSymmetries(wasm, sortedBy(ee, 3)))).toBe(JSON.stringify(findSymmetries(wasm, ee)))
  })

  it('takes the level as a setting and refuses a level outside (0, 1) or too few copies', () => {
    const sample = circle(wasm, { n: 2000, seed: 4 })
    expect(findSymmetries(wasm, sample, { level: 0.05 }).distributionAlgebra!.level).toBe(0.05)
    expect(() => findSymmetries(wasm, sample, { level: 1 })).toThrow(SymscopeError)
    expect(() => findSymmetries(wasm, sample, { copies: 5 })).toThrow(/copies: the Monte Carlo invariance test draws 19 to 100,000 copies/)
  })
})

describe('pieces of the tests', () => {
  it('a flow is periodic for rotations (about any point), not for boosts, translations or irrational frequency ratios', () => {
    const field = (d: number, entries: [number, number, number][], offset: number[] = new Array(d).fill(0)) => {
      const theta = new Float64Array(d * d + d)
      for (const [a, c, v] of entries) theta[a * d + c] = v
      offset.forEach((b, a) => (theta[d * d + a] = b))
      return theta
    }
    expect(flowPeriod(field(2, [[1, 0, 2], [0, 1, -2]]), 2)).toBeCloseTo(Math.PI, 12)
    expect(flowPeriod(field(2, [[1, 0, 1], [0, 1, -1]], [3, 1]), 2)).toBeCloseTo(2 * Math.PI, 12)
    expect(flowPeriod(field(2, [[1, 0, 1], [0, 1, 1]]), 2)).toBeNull()
    expect(flowPeriod(field(2, [], [1, 0]), 2)).toBeNull()
    // A rotation of (x1, x2) with a translation along the fixed x3 is a screw: not periodic.
    expect(flowPeriod(field(3, [[1, 0, 1], [0, 1, -1]], [0, 0, 1]), 3)).toBeNull()
    expect(flowPeriod(field(4, [[1, 0, 1], [0, 1, -1], [3, 2, Math.SQRT2], [2, 3, -Math.SQRT2]]), 4)).toBeNull()
    expect(flowPeriod(field(4, [[1, 0, 1], [0, 1, -1], [3, 2, 2], [2, 3, -2]]), 4)).toBeCloseTo(2 * Math.PI, 12)
  })

  it("Holm's adjustment by hand", () => {
    // Sorted 0.01, 0.02, 0.04, 0.5 → 4·0.01, 3·0.02, 2·0.04, 0.5: 0.04, 0.06, 0.08, 0.5, in the input order.
    expect(holm([0.04, 0.5, 0.01, 0.02]).map((p) => Number(p.toFixed(12)))).toEqual([0.08, 0.5, 0.04, 0.06])
    expect(holm([0.9, 0.9])).toEqual([1, 1])
  })
})

describe('the Monte Carlo test\'s tail', () => {
  it('is the exact law of a Gaussian sample\'s own Mahalanobis distance: 1 % of samples below 0.01, where the χ² limit gives fewer (conservative)', () => {
    // 40 sets of N = 300 Gaussian samples in p = 20 dimensions (as the test's B + 1 samples of 20 moment means):
    // each sample's squared distance from the set's mean, whitened by the set's own covariance.
    const [N, p, sets] = [300, 20, 40]
    let beta = 0
    let chi = 0
    for (let set = 0; set < sets; set++) {
      const x = draws(wasm, 7, set, N * p, 1)
      const mean = Array.from({ length: p }, (_, k) => x.filter((_, i) => i % p === k).reduce((s, v) => s + v, 0) / N)
      const cov = Array.from({ length: p }, (_, k) => Array.from({ length: p }, (_, l) => {
        let s = 0
        for (let i = 0; i < N; i++) s += (x[i * p + k] - mean[k]) * (x[i * p + l] - mean[l])
        return s / (N - 1)
      }))
      const { values, vectors } = symmetricEigen(cov)
      for (let i = 0; i < N; i++) {
        let t = 0
        for (let j = 0; j < p; j++) {
          let projection = 0
          for (let k = 0; k < p; k++) projection += vectors[k][j] * (x[i * p + k] - mean[k])
          t += projection ** 2 / values[j]
        }
        if (mahalanobisTail(t, p, N)! < 0.01) beta++
        if (chiSquareSurvival(t, p) < 0.01) chi++
      }
    }
    // 12,000 samples: a rate of 0.01 gives 120 ± 11 (binomial). The χ² limit ignores that T ≤ (N − 1)²/N and that
    // the covariance is the samples' own: its 0.01 point is the Beta's 0.007 at p = 20 (scipy.stats.beta.sf).
    expect(beta / (N * sets)).toBeGreaterThan(0.007)
    expect(beta / (N * sets)).toBeLessThan(0.013)
    expect(chi).toBeLessThan(beta)
    expect(mahalanobisTail(1, 0, N)).toBeNull()
    expect(mahalanobisTail(1, 299, N)).toBeNull()
  })
})
