// The tangency system's metric on polynomials (tangentFields/tangency.ts): the events' second moments of a polynomial with
// the constraints' ideal taken out, and E|∇h|² from the moments or, where they lost it to rounding, from the events.
import { symmetricEigen } from '../../linalg/symmetricEigen.js'
import { bilinear, complementBasis, idealVectors, type DegreeProblem, type IdealMember } from './degreeProblem.js'
import type { ExactSample } from './exactNullSpace.js'
import type { MonomialBasis } from './monomials.js'
import { derivative, monomialValues, type Polynomial } from './polynomial.js'

/**
 * The data's metric on polynomials of degree ≤ `basis.degree` in z with the constraints' ideal taken out, for the
 * tangency system: E[h²] for h outside the ideal is (h₀ + Σ h_p μ_p)² + Σ_i (rows_i · h)², h's non-constant part.
 */
export interface ConstraintMetric {
  basis: MonomialBasis
  /** E[z^α] on `basis`. */
  means: Float64Array
  rows: number[][]
  /** E|∇h|² of the non-constant part (G = E[∇m_p · ∇m_q]). */
  gradientNorm(h: Polynomial): number
  /**
   * √(λ_max / λ_min) of the monomials' covariance outside the ideal: the rows are its factors, so a residual that is
   * zero in exact arithmetic reads up to ~ε times this (tangency.ts: the floating-point floor).
   */
  conditionRoot: number
}

/** The metric of the tangency system at the top degree: the ideal of all constraints taken out. */
export function constraintMetric(constraints: readonly IdealMember[], problem: DegreeProblem, k: number, sample: ExactSample | null): ConstraintMetric {
  const { n } = problem
  // h = B a + (ideal part) with B ⟂ the ideal: the ideal part vanishes on the data, so E[h²] = aᵀ (Bᵀ C B) a, a = Bᵀ c.
  const complement = complementBasis(idealVectors(constraints, problem, k, true), n)
  const rows: number[][] = []
  let conditionRoot = 1
  if (complement.length) {
    const restricted = complement.map((x) => complement.map((y) => bilinear(problem.covariance, x, y)))
    const { values, vectors } = symmetricEigen(restricted)
    const largest = Math.max(...values)
    const smallest = Math.min(...values.filter((v) => v > 0))
    if (largest > 0 && Number.isFinite(smallest)) conditionRoot = Math.sqrt(largest / smallest)
    values.forEach((lambda, i) => {
      const row = new Array(n).fill(0)
      complement.forEach((b, j) => b.forEach((v, p) => (row[p] += Math.sqrt(Math.max(lambda, 0)) * vectors[j][i] * v)))
      rows.push(row)
    })
  }
  return {
    basis: problem.basis,
    means: problem.means,
    rows,
    conditionRoot,
    gradientNorm: (h) => (sample ? sampleGradientNorm(h, problem, sample) : bilinear(problem.gradient, Array.from(h.subarray(1, n + 1)), Array.from(h.subarray(1, n + 1)))),
  }
}

/**
 * E|∇h|² over the sample's events, with the gradient in the problem's frame (∂/∂u_a = σ_a⁻¹ ∂/∂z_a, as in
 * degreeProblem): where the moments of degree 2k have lost the gradient Gram matrix to rounding. O(rows · N · d).
 */
function sampleGradientNorm(h: Polynomial, problem: DegreeProblem, sample: ExactSample): number {
  const { basis } = problem
  const d = basis.variables
  const gradients = Array.from({ length: d }, (_, a) => derivative(h.subarray(0, basis.count) as Polynomial, a, basis))
  const values = new Float64Array(basis.count)
  let total = 0
  for (let i = 0; i < sample.rows; i++) {
    monomialValues(sample.z.subarray(i * d, i * d + d), basis, values)
    for (let a = 0; a < d; a++) {
      let g = 0
      for (let m = 0; m < basis.count; m++) g += gradients[a][m] * values[m]
      total += (g / problem.lengths[a]) ** 2
    }
  }
  return total / sample.rows
}
