import { SymscopeError } from '../errors.js'
import { MAX_SWEEPS, OFF_DIAGONAL_CONVERGED, PIVOT_TIE, SYMMETRY_TOLERANCE } from './tolerances.js'

/** Eigen-decomposition of a real symmetric matrix: A = V diag(values) Vᵀ. */
export interface SymmetricEigen {
  /** Eigenvalues, in decreasing order. */
  values: number[]
  /**
   * Unit eigenvectors as columns, `vectors[r][k]` the r-th component of the k-th vector (the k-th value's), each
   * signed so that its component of largest magnitude is positive.
   */
  vectors: number[][]
}

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix by the cyclic Jacobi method: sweep over the off-diagonal
 * pairs (p, q), each time applying the plane rotation that zeroes a_pq, t = tan φ the smaller root of
 * t² + 2θt − 1 = 0 with θ = (a_qq − a_pp)/(2a_pq), until the off-diagonal part is below the rounding of the diagonal
 * (Golub and Van Loan, Matrix Computations, 4th ed., §8.5.2; Rutishauser's form as in Numerical Recipes, §11.1).
 * Accurate to a few ulps of the largest |λ| and simple; meant for small matrices such as the correlation matrix of a
 * dataset's features (the linear toy model, core/analysis/linearToy.ts). Runs in O(D³) per sweep.
 *
 * @param matrix square, symmetric (to 1e-10 of its largest entry; the symmetric part is used), finite, D ≥ 1 rows
 * @throws {SymscopeError} invalid_data when the matrix is empty, not square, not symmetric or not finite
 * @example
 * symmetricEigen([[2, 1], [1, 2]]) // { values: [3, 1], vectors: [[0.7071, 0.7071], [0.7071, -0.7071]] }
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): SymmetricEigen {
  const size = matrix.length
  if (size === 0) throw new SymscopeError('invalid_data', 'symmetricEigen requires a matrix with at least one row')
  let largest = 0
  for (const row of matrix) {
    if (!Array.isArray(row) || row.length !== size) {
      throw new SymscopeError('invalid_data', `symmetricEigen requires a square matrix (${size} rows, a row of ${row?.length})`)
    }
    for (const value of row) {
      if (!Number.isFinite(value)) throw new SymscopeError('invalid_data', `symmetricEigen requires finite entries (got ${value})`)
      largest = Math.max(largest, Math.abs(value))
    }
  }
  const a = matrix.map((row, i) =>
    row.map((value, j) => {
      if (Math.abs(value - matrix[j][i]) > SYMMETRY_TOLERANCE * largest) {
        throw new SymscopeError('invalid_data', `symmetricEigen requires a symmetric matrix (a[${i}][${j}] = ${value}, a[${j}][${i}] = ${matrix[j][i]})`)
      }
      return 0.5 * (value + matrix[j][i])
    }),
  )
  const v: number[][] = a.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)))

  for (let sweep = 0; ; sweep++) {
    let offDiagonal = 0
    let diagonal = 0
    for (let p = 0; p < size; p++) {
      diagonal += a[p][p] * a[p][p]
      for (let q = p + 1; q < size; q++) offDiagonal += a[p][q] * a[p][q]
    }
    // Converged when the off-diagonal part no longer moves the diagonal in floating point.
    if (offDiagonal <= OFF_DIAGONAL_CONVERGED * diagonal || offDiagonal === 0) break
    if (sweep === MAX_SWEEPS) {
      throw new SymscopeError('invalid_data', `symmetricEigen did not converge in ${MAX_SWEEPS} sweeps`)
    }
    for (let p = 0; p < size - 1; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p][q]
        if (apq === 0) continue
        // Past the first sweeps, an entry below the rounding of both its diagonal entries is zero (Numerical Recipes).
        const negligible = 100 * Math.abs(apq)
        if (sweep > 3 && Math.abs(a[p][p]) + negligible === Math.abs(a[p][p]) && Math.abs(a[q][q]) + negligible === Math.abs(a[q][q])) {
          a[p][q] = a[q][p] = 0
          continue
        }
        const theta = (a[q][q] - a[p][p]) / (2 * apq)
        // Smaller root of t² + 2θt − 1 = 0 (rotation angle at most π/4); for huge θ, t = 1/(2θ) avoids θ² overflow.
        const t = Math.abs(theta) > 1e150 ? 1 / (2 * theta) : Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const s = t * c
        a[p][p] -= t * apq
        a[q][q] += t * apq
        a[p][q] = 0
        a[q][p] = 0
        for (let r = 0; r < size; r++) {
          if (r !== p && r !== q) {
            const arp = a[r][p]
            const arq = a[r][q]
            a[r][p] = a[p][r] = c * arp - s * arq
            a[r][q] = a[q][r] = s * arp + c * arq
          }
          const vrp = v[r][p]
          const vrq = v[r][q]
          v[r][p] = c * vrp - s * vrq
          v[r][q] = s * vrp + c * vrq
        }
      }
    }
  }

  const order = Array.from({ length: size }, (_, k) => k).sort((i, j) => a[j][j] - a[i][i] || i - j)
  const values = order.map((k) => a[k][k])
  const columns = order.map((k) => {
    const column = v.map((row) => row[k])
    let pivot = 0
    for (let r = 1; r < size; r++) if (Math.abs(column[r]) > Math.abs(column[pivot]) + PIVOT_TIE) pivot = r
    return column[pivot] < 0 ? column.map((x) => -x) : column
  })
  return { values, vectors: Array.from({ length: size }, (_, r) => columns.map((column) => column[r])) }
}
