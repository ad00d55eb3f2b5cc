import { Matrix, SingularValueDecomposition } from 'ml-matrix'
import { monomialBasis } from './monomials.js'
import { derivative, monomialValues } from './polynomial.js'
import type { PolynomialConstraint } from './polynomialConstraints.js'
import { JACOBIAN_POINTS, JACOBIAN_RANK_TOLERANCE } from '../tolerances.js'

/**
 * The number of independent constraints at the data: the rank of the Jacobian (∇_z g_1; …; ∇_z g_c) at each of the
 * first JACOBIAN_POINTS events (rows normalised, singular values below JACOBIAN_RANK_TOLERANCE of the largest are 0),
 * the most frequent rank over them. D − this rank is the dimension the constraints leave.
 */
export function jacobianRank(constraints: readonly PolynomialConstraint[], z: Float64Array, rows: number, d: number): number {
  if (!constraints.length) return 0
  const degree = Math.max(...constraints.map((c) => c.degree))
  const basis = monomialBasis(d, degree)
  const gradients = constraints.map((c) => Array.from({ length: d }, (_, a) => derivative(c.standardised.slice(0, basis.count), a, basis)))
  const values = new Float64Array(basis.count)
  const counts = new Map<number, number>()
  for (let i = 0; i < Math.min(rows, JACOBIAN_POINTS); i++) {
    monomialValues(z.subarray(i * d, i * d + d), basis, values)
    const jacobian = gradients.map((grad) => {
      const row = grad.map((g) => g.reduce((s, v, m) => s + v * values[m], 0))
      const size = Math.hypot(...row)
      return size > 0 ? row.map((v) => v / size) : row
    })
    const svd = new SingularValueDecomposition(new Matrix(jacobian), { computeLeftSingularVectors: false, computeRightSingularVectors: false, autoTranspose: true })
    const largest = Math.max(0, ...svd.diagonal)
    const rank = svd.diagonal.filter((s) => s > JACOBIAN_RANK_TOLERANCE * largest).length
    counts.set(rank, (counts.get(rank) ?? 0) + 1)
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0]
}
