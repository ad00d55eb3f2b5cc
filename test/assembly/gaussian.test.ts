// The gaussian generator (assembly/generators/gaussian.ts) and its correlation matrix (core/datasets/gaussian.ts,
// Bendel–Mickey) against closed forms: C has unit diagonal and the requested spectrum, x = L z has covariance C.
import { beforeAll, describe, expect, it } from 'vitest'
import {
  bendelMickey,
  covariance,
  gaussianCorrelation,
  generateEvents,
  isSymscopeError,
  standardise,
  symmetricEigen,
  type SymscopeWasm,
} from '../../core/index.js'
import { loadWasm } from '../../core/wasm/node.js'

let wasm: SymscopeWasm
beforeAll(async () => {
  wasm = await loadWasm()
})

const rowsOf = (flat: ArrayLike<number>, size: number): number[][] =>
  Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => flat[i * size + j]))

/** Largest |entry| of QᵀQ − I. */
function orthogonalityError(q: number[][]): number {
  let worst = 0
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < q.length; j++) {
      const dot = q.reduce((sum, row) => sum + row[i] * row[j], 0)
      worst = Math.max(worst, Math.abs(dot - (i === j ? 1 : 0)))
    }
  }
  return worst
}

describe('bendelMickey', () => {
  const spectra = [
    [2, 0.9, 0.1],
    [1.9, 1, 0.1],
    [2.5, 0.3, 0.2],
    [1, 1, 1],
    [3, 0, 0],
    [1.5, 0.5],
    [2.2, 1.4, 0.9, 0.5, 0.6, 0.4],
  ]
  it.each(spectra.map((eigenvalues) => [eigenvalues]))('makes a correlation matrix (unit diagonal, same eigenvalues, Q orthogonal) of %j', (eigenvalues) => {
    const { matrix, eigenvectors } = bendelMickey(eigenvalues)
    const size = eigenvalues.length
    for (let i = 0; i < size; i++) {
      expect(Math.abs(matrix[i][i] - 1)).toBeLessThan(1e-12)
      for (let j = 0; j < size; j++) expect(matrix[i][j]).toBe(matrix[j][i])
    }
    expect(orthogonalityError(eigenvectors)).toBeLessThan(1e-12)
    // C q_k = λ_k q_k, column by column, and the solver finds the same spectrum.
    for (let k = 0; k < size; k++) {
      for (let r = 0; r < size; r++) {
        const cq = matrix[r].reduce((sum, c, j) => sum + c * eigenvectors[j][k], 0)
        expect(Math.abs(cq - eigenvalues[k] * eigenvectors[r][k])).toBeLessThan(1e-12)
      }
    }
    const sorted = [...eigenvalues].sort((a, b) => b - a)
    symmetricEigen(matrix).values.forEach((value, k) => expect(Math.abs(value - sorted[k])).toBeLessThan(1e-12))
  })

  it('gives the closed form in two dimensions: [[1, ρ], [ρ, 1]] has eigenvalues 1 ± ρ', () => {
    const { matrix } = bendelMickey([1.5, 0.5])
    expect(Math.abs(matrix[0][1])).toBeCloseTo(0.5, 14)
  })

  it('refuses eigenvalues that do not sum to D or are negative', () => {
    for (const bad of [[2, 0.5, 0.1], [3.5, -0.5, 0], [], [Number.NaN, 1, 2]]) expect(() => bendelMickey(bad)).toThrow(/bendelMickey requires/)
  })
})

describe('gaussian', () => {
  const params = { v1: 2, v2: 0.9, v3: 0.1 }

  it('normalises (v1, v2, v3) to eigenvalues summing to 3, in decreasing order', () => {
    const known = gaussianCorrelation(params)
    expect(known.eigenvalues[0]).toBeCloseTo(2, 14)
    expect(known.eigenvalues[1]).toBeCloseTo(0.9, 14)
    expect(known.eigenvalues[2]).toBeCloseTo(0.1, 14)
    // Only the ratios matter, and the order of the v does not: 3 · (0.5, 10, 4.5)/15 = (0.1, 2, 0.9).
    const scaled = gaussianCorrelation({ v1: 0.5, v2: 10, v3: 4.5 }).eigenvalues
    expect(scaled[0]).toBeCloseTo(2, 14)
    expect(scaled[1]).toBeCloseTo(0.9, 14)
    expect(scaled[2]).toBeCloseTo(0.1, 14)
    // Every feature is correlated with the others at the defaults (no eigenvector along an axis).
    for (let i = 0; i < 3; i++) for (let j = 0; j < i; j++) expect(Math.abs(known.matrix[i][j])).toBeGreaterThan(0.1)
    // L Lᵀ = C.
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const llt = known.factor[i].reduce((sum, l, k) => sum + l * known.factor[j][k], 0)
        expect(Math.abs(llt - known.matrix[i][j])).toBeLessThan(1e-14)
      }
    }
  })

  it('draws x ~ N(0, C): the sample correlation of 100,000 events is C to 0.01, its eigenvalues λ', () => {
    const n = 100_000
    const known = gaussianCorrelation(params)
    const events = generateEvents(wasm, { dataset: 'gaussian', n, seed: 11, params })
    expect(events.featureNames).toEqual(['x1', 'x2', 'x3'])
    expect(events.truthNames).toEqual(['truth_z1', 'truth_z2', 'truth_z3'])
    const standardised = standardise(wasm, Float32Array.from(events.features), n, 3)
    const sample = rowsOf(covariance(wasm, standardised.data, n, 3), 3)
    // Standard error of a sample correlation: (1 − ρ²)/√n ≤ 0.0032, so 0.01 is three of them.
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(Math.abs(sample[i][j] - known.matrix[i][j])).toBeLessThan(0.01)
    // Standard error of a sample eigenvalue: λ √(2/n) ≤ 0.009.
    symmetricEigen(sample).values.forEach((value, k) => expect(Math.abs(value - known.eigenvalues[k])).toBeLessThan(0.03))
    // Unstandardised, the variances are C's diagonal, 1 (standard error √(2/n) = 0.0045).
    for (const scale of standardised.scales) expect(Math.abs(scale * scale - 1)).toBeLessThan(0.02)
  })

  it('keeps the principal coordinates as truth: x = L z, z ~ N(0, I)', () => {
    const n = 20_000
    const { factor } = gaussianCorrelation(params)
    const events = generateEvents(wasm, { dataset: 'gaussian', n, seed: 12, params })
    let worst = 0
    for (let i = 0; i < n; i++) {
      for (let r = 0; r < 3; r++) {
        const lz = factor[r].reduce((sum, l, k) => sum + l * events.truth[3 * i + k], 0)
        worst = Math.max(worst, Math.abs(lz - events.features[3 * i + r]))
      }
    }
    expect(worst).toBeLessThan(1e-12)
    const truth = rowsOf(covariance(wasm, Float32Array.from(events.truth), n, 3), 3)
    // Cov(z) = I: variances within 5√(2/n) = 0.05 of 1, covariances within 5/√n = 0.035 of 0.
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(Math.abs(truth[i][j] - (i === j ? 1 : 0))).toBeLessThan(i === j ? 0.05 : 0.035)
  })

  it('is reproducible: same seed, same bytes; another seed, other points', () => {
    const a = generateEvents(wasm, { dataset: 'gaussian', n: 1000, seed: 5 })
    const b = generateEvents(wasm, { dataset: 'gaussian', n: 1000, seed: 5 })
    const c = generateEvents(wasm, { dataset: 'gaussian', n: 1000, seed: 6 })
    expect(Buffer.from(a.features.buffer).equals(Buffer.from(b.features.buffer))).toBe(true)
    expect(Buffer.from(a.truth.buffer).equals(Buffer.from(b.truth.buffer))).toBe(true)
    expect(a.features.some((v, i) => v === c.features[i])).toBe(false)
  })

  it('rejects bad parameters, naming them', () => {
    for (const [given, name] of [
      [{ v1: 0 }, 'v1'],
      [{ v2: -1 }, 'v2'],
      [{ v3: 'small' }, 'v3'],
      [{ v3: Number.POSITIVE_INFINITY }, 'v3'],
      [{ v4: 1 }, 'v4'],
    ] as const) {
      let error: unknown
      try {
        generateEvents(wasm, { dataset: 'gaussian', n: 10, seed: 1, params: given })
      } catch (caught) {
        error = caught
      }
      expect(isSymscopeError(error)).toBe(true)
      expect((error as Error).message).toContain(`'${name}'`)
    }
    expect(() => gaussianCorrelation({ v1: 1, v2: 0, v3: 1 })).toThrow(/'v2' must be a number > 0/)
  })
})
