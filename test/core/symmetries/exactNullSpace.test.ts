// The exact null space of the constraint search (issue 16, item 2), by construction: random plane curves
// y = a x^k + b x² + c x in random affine coordinates and unit scales lie on exactly one polynomial of degree k, which
// the design matrix's QR must find at the floating-point floor with a wide gap to the next polynomial, where the
// moments' Gram matrix loses it; curves that no polynomial of degree ≤ 4 cuts out have no exact one; and the
// Householder R has the singular values of the matrix it factors.
import { describe, expect, it } from 'vitest'
import { Matrix, SingularValueDecomposition } from 'ml-matrix'
import { householderR } from '../../../core/linalg/householderR.js'
import { exactNullSpace, holdsToRounding, type ExactSample } from '../../../core/symmetries/constraints/exactNullSpace.js'
import { monomialBasis } from '../../../core/symmetries/constraints/monomials.js'
import { mulberry32, normalSampler } from '../../../testdata/random.js'

/** Standardised coordinates of n points of a curve t ↦ (x(t), y(t)) mapped by a random affine map with unit scales up to 10^±3. */
function sample(seed: number, n: number, curve: (t: number) => [number, number]): ExactSample & { raw: Float64Array } {
  const uniform = mulberry32(seed)
  const normal = normalSampler(uniform)
  const matrix = [[normal(), normal()], [normal(), normal()]]
  const scales = [10 ** (6 * uniform() - 3), 10 ** (6 * uniform() - 3)]
  const shift = [10 * normal(), 10 * normal()]
  const raw = new Float64Array(2 * n)
  for (let i = 0; i < n; i++) {
    const [x, y] = curve(2 * uniform() - 1)
    for (let a = 0; a < 2; a++) raw[2 * i + a] = scales[a] * (matrix[a][0] * x + matrix[a][1] * y + shift[a])
  }
  const mu = [0, 1].map((a) => Array.from({ length: n }, (_, i) => raw[2 * i + a]).reduce((s, v) => s + v, 0) / n)
  const sigma = [0, 1].map((a) => Math.sqrt(Array.from({ length: n }, (_, i) => (raw[2 * i + a] - mu[a]) ** 2).reduce((s, v) => s + v, 0) / n))
  const z = raw.map((v, j) => (v - mu[j % 2]) / sigma[j % 2])
  return { z, rows: n, offset: Math.max(...mu.map((m, a) => Math.abs(m) / sigma[a])), raw }
}

const identity = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)))

describe('householderR', () => {
  it('has the singular values of the matrix it factors (random tall matrices)', () => {
    const normal = normalSampler(mulberry32(7))
    for (let trial = 0; trial < 10; trial++) {
      const rows = 50 + trial * 7
      const cols = 3 + trial
      const a = Array.from({ length: rows }, () => Array.from({ length: cols }, () => normal()))
      const columnMajor = new Float64Array(rows * cols)
      a.forEach((row, i) => row.forEach((v, j) => (columnMajor[j * rows + i] = v)))
      const r = householderR(columnMajor, rows, cols)
      for (let i = 0; i < cols; i++) for (let j = 0; j < i; j++) expect(r[i][j]).toBe(0)
      const expected = new SingularValueDecomposition(new Matrix(a)).diagonal
      const got = new SingularValueDecomposition(new Matrix(r)).diagonal
      got.forEach((s, i) => expect(Math.abs(s - expected[i])).toBeLessThan(1e-12 * expected[0]))
    }
  })
})

describe('exactNullSpace', () => {
  it('finds the one polynomial of degree k of a random plane curve of degree k ≤ 4, far below the next (20 curves)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const k = 2 + (seed % 3)
      const uniform = mulberry32(1000 + seed)
      const [a, b, c] = [0.5 + uniform(), uniform() - 0.5, uniform() - 0.5]
      const s = sample(seed, 3000, (t) => [t, a * t ** k + b * t * t + c * t])
      const basis = monomialBasis(2, k)
      const space = exactNullSpace(s, basis, identity(basis.count - 1), k)
      expect(space.vectors).toHaveLength(1)
      // The gap that decided: the exact polynomial at the floor, the next one orders of magnitude above it.
      expect(space.values[0]).toBeLessThan(space.floor)
      expect(space.values[1]).toBeGreaterThan(1e4 * space.floor)
      expect(space.note).toMatch(new RegExp(`^degree ${k}: 1 polynomial vanishes on the events to rounding \\(at ≤ \\S+× the floating-point floor`))
      // In standardised coefficients the null vector is a polynomial that holds to rounding on the events.
      const cz = new Float64Array(basis.count)
      space.vectors[0].forEach((v, p) => (cz[p + 1] = v))
      expect(holdsToRounding(cz, basis, s, k)).toBe(true)
      // One degree lower there is none (the curve has degree k).
      const lower = monomialBasis(2, k - 1)
      expect(exactNullSpace(s, lower, identity(lower.count - 1), k - 1).vectors).toHaveLength(0)
    }
  })

  // Not the exponential: (t, e^{1.5t}) on [−1, 1] lies on a quartic to ~4e-15 of its scale, which no double-precision
  // method can tell from exact (docs/symmetries.md, "Conditioning of the constraint systems").
  it('finds no exact polynomial of degree ≤ 4 on curves that none cuts out (sine curves)', () => {
    const curves: ((t: number) => [number, number])[] = [(t) => [t, Math.sin(3 * t)], (t) => [t, Math.sin(4.5 * t)], (t) => [Math.cos(3 * t), Math.sin(5 * t)]]
    curves.forEach((curve, i) => {
      const s = sample(50 + i, 3000, curve)
      const basis = monomialBasis(2, 4)
      const space = exactNullSpace(s, basis, identity(basis.count - 1), 4)
      expect(space.vectors).toHaveLength(0)
      expect(space.note).toBeNull()
      // A fitted quartic can lie very close to such a curve, but not at the floor.
      expect(space.values[0]).toBeGreaterThan(100 * space.floor)
    })
  })
})
