import { Matrix, SingularValueDecomposition } from 'ml-matrix'

/**
 * The least-squares solver of `columns` · c = target (minimum norm where `columns` is rank deficient): the SVD
 * pseudo-inverse V Σ⁺ Uᵀ, factored once. ml-matrix's `solve(columns, target, true)` factors `columns` and builds the
 * same pseudo-inverse afresh for every target; the symmetry search solves against one basis of ~d² fields for every
 * bracket and every simplified generator, which made that factorisation minutes on 10 coordinates (issue 18). The
 * pseudo-inverse here is SVD.solve applied to the identity, and each solve multiplies it by the target exactly as
 * SVD.solve does, so the numbers are the same as the per-target solve's.
 */
export function leastSquares(columns: Matrix): (target: Matrix) => Matrix {
  const pseudoInverse = new SingularValueDecomposition(columns).solve(Matrix.eye(columns.rows))
  return (target) => pseudoInverse.mmul(target)
}
