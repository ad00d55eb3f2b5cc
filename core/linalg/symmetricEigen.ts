import { SymscopeError } from '../errors.js'
import { jacobiRotations, type JacobiRotations } from './jacobiRotations.js'
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
 * Eigenvalues and eigenvectors of a real symmetric matrix by the cyclic Jacobi method (jacobiRotations.ts): sweep over
 * the off-diagonal pairs (p, q), each time applying the plane rotation that zeroes a_pq, until the off-diagonal part
 * is below the rounding of the diagonal.
 * Accurate to a few ulps of the largest |λ| and simple; meant for small matrices such as the correlation matrix of a
 * dataset's features (the linear toy model, core/analysis/linearToy.ts). Runs in O(D³) per sweep.
 *
 * @param matrix square, symmetric (to 1e-10 of its largest entry; the symmetric part is used), finite, D ≥ 1 rows
 * @param rotations the sweeps: jacobiRotations, or its wasm twin (the same bits) for the larger matrices of the
 *   discrete test (core/symmetries/discrete/imageKernels.ts)
 * @throws {SymscopeError} invalid_data when the matrix is empty, not square, not symmetric or not finite
 * @example
 * symmetricEigen([[2, 1], [1, 2]]) // { values: [3, 1], vectors: [[0.7071, 0.7071], [0.7071, -0.7071]] }
 */
export function symmetricEigen(matrix: readonly (readonly number[])[], rotations: JacobiRotations = jacobiRotations): SymmetricEigen {
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
  const a = new Float64Array(size * size)
  matrix.forEach((row, i) =>
    row.forEach((value, j) => {
      if (Math.abs(value - matrix[j][i]) > SYMMETRY_TOLERANCE * largest) {
        throw new SymscopeError('invalid_data', `symmetricEigen requires a symmetric matrix (a[${i}][${j}] = ${value}, a[${j}][${i}] = ${matrix[j][i]})`)
      }
      a[i * size + j] = 0.5 * (value + matrix[j][i])
    }),
  )
  const v = new Float64Array(size * size)
  for (let i = 0; i < size; i++) v[i * size + i] = 1
  if (rotations(a, v, size, MAX_SWEEPS, OFF_DIAGONAL_CONVERGED) < 0) {
    throw new SymscopeError('invalid_data', `symmetricEigen did not converge in ${MAX_SWEEPS} sweeps`)
  }

  const order = Array.from({ length: size }, (_, k) => k).sort((i, j) => a[j * size + j] - a[i * size + i] || i - j)
  const values = order.map((k) => a[k * size + k])
  const columns = order.map((k) => {
    const column = Array.from({ length: size }, (_, r) => v[r * size + k])
    let pivot = 0
    for (let r = 1; r < size; r++) if (Math.abs(column[r]) > Math.abs(column[pivot]) + PIVOT_TIE) pivot = r
    return column[pivot] < 0 ? column.map((x) => -x) : column
  })
  return { values, vectors: Array.from({ length: size }, (_, r) => columns.map((column) => column[r])) }
}
