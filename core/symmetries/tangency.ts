import { Matrix } from 'ml-matrix'
import { substitute } from './polynomial.js'
import type { MonomialMetric, QuadraticConstraint } from './quadraticConstraints.js'
import type { SpanMoments } from './spanMoments.js'
import { TANGENCY_FACTOR, TANGENCY_TOLERANCE } from './tolerances.js'

/**
 * The tangency system: for a field v(z) = A z + b on the standardised span coordinates, the stacked data-weighted
 * residuals of ∇g_q(z)·v(z) for every quadratic constraint g_q, linear in θ = (A, b): ‖K θ‖² = Σ_q E[(∇ĝ_q·v)²],
 * each g_q scaled so that E[|∇ĝ_q|²] = 1. ∇g·v is a polynomial of degree ≤ 2; its mean square over the events is
 * taken in the factored form of the monomial metric, with the constraint directions themselves given weight 0, so
 * that an exactly tangent field reads ~1e-15 rather than the √ε ≈ 1e-8 of a squared (normal-equation) system.
 */
export interface TangencySystem {
  matrix: Matrix
  /** Fields with ‖K θ‖ < tolerance · ‖θ‖ are tangent. */
  tolerance: number
  residual(theta: ArrayLike<number>): number
}

export function tangencySystem(moments: SpanMoments, metric: MonomialMetric, constraints: readonly QuadraticConstraint[]): TangencySystem {
  const basis = metric.basis
  const d = basis.variables
  const p = d * d + d
  const unit = (a: number) => {
    const alpha = new Uint8Array(d)
    alpha[a] = 1
    return alpha
  }
  const first = Array.from({ length: d }, (_, a) => basis.indexOf(unit(a)))
  const second = Array.from({ length: d }, (_, a) =>
    Array.from({ length: d }, (_, c) => {
      const alpha = unit(a)
      alpha[c]++
      return basis.indexOf(alpha)
    }),
  )
  const kept = metric.values.map((_, i) => i).filter((i) => !metric.constraintDirections[i])
  // F(h): the factored mean square of the polynomial h (coefficients on the degree-2 basis).
  const factor = (h: Float64Array): number[] => {
    let mean = h[0]
    for (let k = 1; k < basis.count; k++) mean += h[k] * metric.means[k - 1]
    return [
      mean,
      ...kept.map((i) => {
        let sum = 0
        for (let k = 1; k < basis.count; k++) sum += metric.vectors[k - 1][i] * h[k] * metric.spreads[k - 1]
        return Math.sqrt(Math.max(metric.values[i], 0)) * sum
      }),
    ]
  }
  const rows: number[][] = []
  for (const constraint of constraints) {
    const g = substitute(constraint.polynomial, moments.shift, moments.scale)
    // E|∇g|² with ∇_a g = l_a + 2 Σ_e Q_ae z_e, from the moments.
    let norm = 0
    for (let a = 0; a < d; a++) {
      norm += g.linear[a] ** 2
      for (let e = 0; e < d; e++) {
        norm += 4 * g.linear[a] * g.quadratic[a][e] * moments.mean[moments.basis.indexOf(unit(e))]
        for (let f = 0; f < d; f++) norm += 4 * g.quadratic[a][e] * g.quadratic[a][f] * metric.means[second[e][f] - 1]
      }
    }
    const scale = 1 / Math.sqrt(norm)
    const columns: number[][] = []
    for (let a = 0; a < d; a++) {
      // A_ac: ∇_a g · z_c.
      for (let c = 0; c < d; c++) {
        const h = new Float64Array(basis.count)
        h[first[c]] += g.linear[a] * scale
        for (let e = 0; e < d; e++) h[second[e][c]] += 2 * g.quadratic[a][e] * scale
        columns[a * d + c] = factor(h)
      }
    }
    for (let a = 0; a < d; a++) {
      // b_a: ∇_a g.
      const h = new Float64Array(basis.count)
      h[0] = g.linear[a] * scale
      for (let e = 0; e < d; e++) h[first[e]] += 2 * g.quadratic[a][e] * scale
      columns[d * d + a] = factor(h)
    }
    for (let r = 0; r < columns[0].length; r++) rows.push(columns.map((column) => column[r]))
  }
  while (rows.length < p) rows.push(new Array(p).fill(0))
  const matrix = new Matrix(rows)
  const tolerance = Math.max(TANGENCY_TOLERANCE, TANGENCY_FACTOR * Math.max(0, ...constraints.map((c) => c.rms)))
  return {
    matrix,
    tolerance,
    residual(theta) {
      const size = Math.hypot(...Array.from(theta))
      if (size === 0) return 0
      const product = matrix.mmul(Matrix.columnVector(Array.from(theta))).to1DArray()
      return Math.hypot(...product) / size
    },
  }
}
