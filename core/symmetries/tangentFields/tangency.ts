import { Matrix } from 'ml-matrix'
import { derivative, monomial, multiply, type Polynomial } from '../constraints/polynomial.js'
import type { ConstraintMetric } from '../constraints/constraintMetric.js'
import type { PolynomialConstraint } from '../constraints/polynomialConstraints.js'
import { TANGENCY_FACTOR, TANGENCY_FLOOR_FACTOR, TANGENCY_TOLERANCE } from '../tolerances.js'

/**
 * The tangency system: for a field v(z) = A z + b on the standardised span coordinates, the stacked data-weighted
 * residuals of ∇ĝ_q(z)·v(z) for every polynomial constraint g_q, linear in θ = (A, b). Each g_q is gradient-normalised
 * (E|∇ĝ_q|² = 1, so ∇ĝ·v is the rate at which v leaves the surface, in standardised units per unit time) and then
 * divided by its own tolerance τ_q = max(TANGENCY_TOLERANCE, TANGENCY_FACTOR × its normalised RMS): a constraint
 * smeared by δ cannot tell fields that leave it more slowly than that (issue 9, item 4). A field is tangent when
 * ‖K θ‖ < ‖θ‖, i.e. below every constraint's own tolerance. ∇g·v has the degree of g; its mean square is taken in the
 * factored form of the metric with the constraints' ideal removed, so an exactly tangent field reads ~1e-15 rather
 * than the √ε ≈ 1e-8 of a squared (normal-equation) system.
 */
export interface TangencySystem {
  matrix: Matrix
  /** Fields with ‖K θ‖ < tolerance · ‖θ‖ are tangent (1: each constraint is weighted by its own tolerance). */
  tolerance: number
  /** Each constraint's own tolerance τ_q (standardised units). */
  constraintTolerances: number[]
  /** Whether any constraint is approximate (then the tangent fields are approximate symmetries). */
  approximate: boolean
  /**
   * Whether the floating-point floor set some constraint's tolerance: fields accepted there must stand apart from the
   * rejected ones by TANGENCY_GAP in the singular values (manifoldAlgebra.ts), or nothing is decided.
   */
  floorActive?: boolean
  residual(theta: ArrayLike<number>): number
}

export function tangencySystem(metric: ConstraintMetric, constraints: readonly PolynomialConstraint[]): TangencySystem {
  const basis = metric.basis
  const d = basis.variables
  const p = d * d + d
  const factor = (h: Polynomial): number[] => {
    let mean = h[0]
    for (let k = 1; k < basis.count; k++) mean += h[k] * metric.means[k]
    return [mean, ...metric.rows.map((row) => row.reduce((s, v, k) => s + v * h[k + 1], 0))]
  }
  const rows: number[][] = []
  const tolerances: number[] = []
  let floorActive = false
  // The floating-point floor (issue 16): the rows are factors of the monomials' covariance, whose small eigenvalues
  // carry an absolute error ~ε λ_max, so a field tangent in exact arithmetic reads up to ~ε √(λ_max/λ_min) — above
  // TANGENCY_TOLERANCE where the coordinates are strongly correlated (a moment curve, units over six decades).
  const floor = TANGENCY_FLOOR_FACTOR * Number.EPSILON * metric.conditionRoot
  for (const constraint of constraints) {
    const g = constraint.standardised.slice(0, basis.count)
    // An exact constraint's residual on the events is rounding in its coefficients, a polynomial δg of its degree k;
    // a tangent field meets ∇δg, which Markov's inequality bounds by k² times δg's size over the data's range.
    const markov = constraint.exact ? constraint.degree ** 2 : 1
    const own = Math.max(TANGENCY_TOLERANCE, TANGENCY_FACTOR * markov * constraint.distanceStandardised)
    const tolerance = Math.max(own, floor)
    if (floor > own) floorActive = true
    tolerances.push(tolerance)
    const weight = 1 / (Math.sqrt(metric.gradientNorm(g)) * tolerance)
    const gradient = Array.from({ length: d }, (_, a) => derivative(g, a, basis).map((v) => v * weight))
    const columns: number[][] = []
    for (let a = 0; a < d; a++) {
      // A_ac: ∂_a g · z_c; b_a: ∂_a g.
      for (let c = 0; c < d; c++) columns[a * d + c] = factor(multiply(gradient[a], monomial(1 + c, basis), basis))
      columns[d * d + a] = factor(gradient[a])
    }
    for (let r = 0; r < columns[0].length; r++) rows.push(columns.map((column) => column[r]))
  }
  while (rows.length < p) rows.push(new Array(p).fill(0))
  const matrix = new Matrix(rows)
  return {
    matrix,
    tolerance: 1,
    constraintTolerances: tolerances,
    approximate: constraints.some((c) => !c.exact),
    floorActive,
    residual(theta) {
      const size = Math.hypot(...Array.from(theta))
      if (size === 0) return 0
      const product = matrix.mmul(Matrix.columnVector(Array.from(theta))).to1DArray()
      return Math.hypot(...product) / size
    },
  }
}

/** The system when there is no constraint: every affine field is tangent (residual 0). */
export function freeSystem(d: number): TangencySystem {
  const p = d * d + d
  return { matrix: new Matrix(p, p), tolerance: 1, constraintTolerances: [], approximate: false, residual: () => 0 }
}

/**
 * An approximate linear relation can decide which fields are tangent when its own tolerance, TANGENCY_FACTOR × its
 * standardised thickness, is below 1: a unit field (standardised units) leaves a unit-normalised constraint at a rate
 * of order 1, so a thicker relation cannot tell a tangent field from any other (issue 16; findSymmetries.ts and
 * algebraChecks.ts both read this).
 */
export function relationDecidesTangency(relation: { distanceStandardised: number }): boolean {
  return TANGENCY_FACTOR * relation.distanceStandardised < 1
}
