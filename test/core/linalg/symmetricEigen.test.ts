// The cyclic Jacobi eigen-solver (core/linalg/symmetricEigen.ts) against closed forms.
import { describe, expect, it } from 'vitest'
import { isSymscopeError, symmetricEigen } from '../../../core/index.js'

/** A v_k − λ_k v_k, largest |component| over all k; and VᵀV − I, largest |entry|. */
function residuals(matrix: number[][], values: number[], vectors: number[][]): { eigen: number; orthogonality: number } {
  const size = matrix.length
  let eigen = 0
  let orthogonality = 0
  for (let k = 0; k < size; k++) {
    for (let r = 0; r < size; r++) {
      let av = 0
      for (let c = 0; c < size; c++) av += matrix[r][c] * vectors[c][k]
      eigen = Math.max(eigen, Math.abs(av - values[k] * vectors[r][k]))
    }
    for (let j = 0; j < size; j++) {
      let dot = 0
      for (let r = 0; r < size; r++) dot += vectors[r][k] * vectors[r][j]
      orthogonality = Math.max(orthogonality, Math.abs(dot - (k === j ? 1 : 0)))
    }
  }
  return { eigen, orthogonality }
}

/** A seeded symmetric matrix with entries uniform on [−1, 1) (a 32-bit LCG, Numerical Recipes' constants). */
function randomSymmetric(size: number, seed: number): number[][] {
  let state = seed >>> 0
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return (state / 2 ** 32) * 2 - 1
  }
  const m = Array.from({ length: size }, () => new Array<number>(size).fill(0))
  for (let i = 0; i < size; i++) for (let j = i; j < size; j++) m[i][j] = m[j][i] = next()
  return m
}

describe('symmetricEigen', () => {
  it('solves a 2 × 2 matrix as the closed form does', () => {
    // [[a, b], [b, d]]: λ = (a + d)/2 ± √(((a − d)/2)² + b²), eigenvector of λ₊ along (b, λ₊ − a).
    const [a, b, d] = [3, -1.25, 0.5]
    const mid = (a + d) / 2
    const radius = Math.hypot((a - d) / 2, b)
    const { values, vectors } = symmetricEigen([[a, b], [b, d]])
    expect(values[0]).toBeCloseTo(mid + radius, 14)
    expect(values[1]).toBeCloseTo(mid - radius, 14)
    const norm = Math.hypot(b, radius + mid - a)
    const expected = [b / norm, (mid + radius - a) / norm]
    const sign = Math.sign(expected[0]) // the solver makes the largest component positive: here the first
    expect(vectors[0][0]).toBeCloseTo(sign * expected[0], 14)
    expect(vectors[1][0]).toBeCloseTo(sign * expected[1], 14)
  })

  it('sorts a diagonal matrix and returns the unit vectors', () => {
    const { values, vectors } = symmetricEigen([[0.5, 0, 0], [0, 4, 0], [0, 0, -2]])
    expect(values).toEqual([4, 0.5, -2])
    expect(vectors).toEqual([[0, 1, 0], [1, 0, 0], [0, 0, 1]])
  })

  it('solves the 3 × 3 second-difference matrix: λ_k = 2 − 2 cos(kπ/4), v_jk ∝ sin(jkπ/4)', () => {
    const { values, vectors } = symmetricEigen([[2, -1, 0], [-1, 2, -1], [0, -1, 2]])
    expect(values[0]).toBeCloseTo(2 + Math.SQRT2, 14)
    expect(values[1]).toBeCloseTo(2, 14)
    expect(values[2]).toBeCloseTo(2 - Math.SQRT2, 14)
    // Columns (1, −√2, 1)/2, (1, 0, −1)/√2, (1, √2, 1)/2, each signed with its largest component positive.
    const expected = [
      [-0.5, Math.SQRT1_2, 0.5],
      [Math.SQRT1_2, 0, Math.SQRT1_2],
      [-0.5, -Math.SQRT1_2, 0.5],
    ]
    for (let r = 0; r < 3; r++) for (let k = 0; k < 3; k++) expect(vectors[r][k]).toBeCloseTo(expected[r][k], 14)
  })

  it('reconstructs A v = λ v and VᵀV = I to 1e-12 on seeded random matrices up to 16 × 16', () => {
    for (const [size, seed] of [[1, 1], [4, 2], [8, 3], [16, 4]]) {
      const matrix = randomSymmetric(size, seed)
      const { values, vectors } = symmetricEigen(matrix)
      const { eigen, orthogonality } = residuals(matrix, values, vectors)
      expect(eigen).toBeLessThan(1e-12)
      expect(orthogonality).toBeLessThan(1e-12)
      for (let k = 1; k < size; k++) expect(values[k]).toBeLessThanOrEqual(values[k - 1])
      // The trace is the sum of the eigenvalues.
      const trace = matrix.reduce((sum, row, i) => sum + row[i], 0)
      expect(values.reduce((sum, v) => sum + v, 0)).toBeCloseTo(trace, 12)
    }
  })

  it('handles repeated eigenvalues: the identity and a rank-one update of it', () => {
    expect(symmetricEigen([[1, 0], [0, 1]])).toEqual({ values: [1, 1], vectors: [[1, 0], [0, 1]] })
    // I + u uᵀ with u = (1, 1, 1): eigenvalues 4 (along u) and 1 twice.
    const matrix = [[2, 1, 1], [1, 2, 1], [1, 1, 2]]
    const { values, vectors } = symmetricEigen(matrix)
    expect(values[0]).toBeCloseTo(4, 14)
    expect(values[1]).toBeCloseTo(1, 14)
    expect(values[2]).toBeCloseTo(1, 14)
    const { eigen, orthogonality } = residuals(matrix, values, vectors)
    expect(eigen).toBeLessThan(1e-12)
    expect(orthogonality).toBeLessThan(1e-12)
  })

  it('refuses what is not a finite symmetric square matrix', () => {
    for (const bad of [[], [[1, 2]], [[1, 2], [3, 4]], [[1, Number.NaN], [Number.NaN, 1]], [[1, 0], [0]]]) {
      let error: unknown
      try {
        symmetricEigen(bad as number[][])
      } catch (caught) {
        error = caught
      }
      expect(isSymscopeError(error)).toBe(true)
      expect((error as Error).message).toMatch(/^symmetricEigen requires/)
    }
  })
})
