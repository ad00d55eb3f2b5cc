import { Matrix, pseudoInverse } from 'ml-matrix'
import type { FeatureGroups } from '../featureGroups.js'
import type { AffineSpan } from '../constraints/linearConstraints.js'

/** An affine vector field v(x) = matrix · x + offset: on the span coordinates (d) or on all features (D). */
export interface AffineField {
  matrix: number[][]
  offset: number[]
}

/**
 * θ: a field on the standardised span coordinates z = (u − μ)/σ, flattened as A (d × d row-major) then b (d).
 * The tangency and invariance systems are linear in θ.
 */
export type Theta = Float64Array

export function thetaToField(theta: ArrayLike<number>, d: number): AffineField {
  return {
    matrix: Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, c) => theta[a * d + c])),
    offset: Array.from({ length: d }, (_, a) => theta[d * d + a]),
  }
}

export function fieldToTheta(field: AffineField): Theta {
  const d = field.offset.length
  const theta = new Float64Array(d * d + d)
  for (let a = 0; a < d; a++) {
    for (let c = 0; c < d; c++) theta[a * d + c] = field.matrix[a][c]
    theta[d * d + a] = field.offset[a]
  }
  return theta
}

/** z-field (standardised) → u-field (physical span coordinates): A_u = S A S⁻¹, b_u = S b − A_u μ. */
export function toPhysical(field: AffineField, shift: readonly number[], scale: readonly number[]): AffineField {
  const d = shift.length
  const matrix = field.matrix.map((row, a) => row.map((v, c) => (scale[a] * v) / scale[c]))
  const offset = field.offset.map((b, a) => scale[a] * b - matrix[a].reduce((s, v, c) => s + v * shift[c], 0))
  return { matrix, offset: offset.slice(0, d) }
}

/** u-field → z-field: A = S⁻¹ A_u S, b = S⁻¹ (b_u + A_u μ). */
export function toStandardised(field: AffineField, shift: readonly number[], scale: readonly number[]): AffineField {
  const matrix = field.matrix.map((row, a) => row.map((v, c) => (v * scale[c]) / scale[a]))
  const offset = field.offset.map((b, a) => (b + field.matrix[a].reduce((s, v, c) => s + v * shift[c], 0)) / scale[a])
  return { matrix, offset }
}

/**
 * A field on all D features that equals B·v(u) on the span (x = x0 + B u). Many do (they differ off the span); the
 * one chosen reads each feature's rate from features of its own group where it can (px2' = −py2 rather than py1,
 * "the same rotation on both muons"), with the smallest standardised entries: per row, the minimum-norm solution of
 * a_r B = (B A_u)_r over the allowed features, all features when the group alone cannot express it.
 */
export function liftField(field: AffineField, span: AffineSpan, groups: FeatureGroups): AffineField {
  const { basis, offset: x0, spreads } = span
  const D = basis.length
  const d = field.offset.length
  const targetMatrix = basis.map((row) => Array.from({ length: d }, (_, c) => row.reduce((s, b, k) => s + b * field.matrix[k][c], 0)))
  const usable = (c: number) => spreads[c] > 0 && basis[c].some((b) => b !== 0)
  const matrix = Array.from({ length: D }, () => new Array(D).fill(0))
  for (let r = 0; r < D; r++) {
    const target = targetMatrix[r]
    if (target.every((t) => t === 0)) continue
    const attempt = (columns: number[]) => {
      if (!columns.length) return null
      // y_c = a_rc σ_c; Σ_c y_c (B_c / σ_c) = target: minimum-norm y.
      const system = new Matrix(columns.map((c) => basis[c].map((b) => b / spreads[c]))).transpose()
      const y = pseudoInverse(system).mmul(Matrix.columnVector(target)).to1DArray()
      const back = system.mmul(Matrix.columnVector(y)).to1DArray()
      const size = Math.hypot(...target)
      return back.every((v, k) => Math.abs(v - target[k]) <= 1e-9 * size) ? columns.map((c, k) => [c, y[k] / spreads[c]] as const) : null
    }
    const all = Array.from({ length: D }, (_, c) => c).filter(usable)
    const own = groups.active ? all.filter((c) => groups.groupOf[c] === groups.groupOf[r]) : all
    const solution = attempt(own) ?? attempt(all) ?? []
    for (const [c, value] of solution) matrix[r][c] = value
  }
  // b_full = B b_u − A_full x0, so that A_full (x0 + B u) + b_full = B (A_u u + b_u).
  const offset = basis.map((row, r) => row.reduce((s, b, k) => s + b * field.offset[k], 0) - matrix[r].reduce((s, a, c) => s + a * x0[c], 0))
  return { matrix, offset }
}

/**
 * The field on the span coordinates that a field on all features induces, and how far it leaves the span
 * (standardised; 0 for a field tangent to the affine span): A_u = (A B)_free, b_u = (A x0 + b)_free.
 */
export function restrictField(field: AffineField, span: AffineSpan): { field: AffineField; leak: number } {
  const { basis, offset: x0, free, spreads } = span
  const D = basis.length
  const d = free.length
  const ab = field.matrix.map((row) => Array.from({ length: d }, (_, k) => row.reduce((s, a, c) => s + a * basis[c][k], 0)))
  const shifted = field.matrix.map((row, r) => row.reduce((s, a, c) => s + a * x0[c], 0) + field.offset[r])
  const matrix = free.map((f) => ab[f])
  const offset = free.map((f) => shifted[f])
  let leak = 0
  let size = 0
  for (let r = 0; r < D; r++) {
    const s = spreads[r] || 1
    for (let k = 0; k < d; k++) {
      const induced = basis[r].reduce((sum, b, j) => sum + b * matrix[j][k], 0)
      leak = Math.max(leak, (Math.abs(ab[r][k] - induced) * spreads[free[k]]) / s)
      size = Math.max(size, (Math.abs(ab[r][k]) * spreads[free[k]]) / s)
    }
    const inducedOffset = basis[r].reduce((sum, b, j) => sum + b * offset[j], 0)
    leak = Math.max(leak, Math.abs(shifted[r] - inducedOffset) / s)
    size = Math.max(size, Math.abs(shifted[r]) / s)
  }
  return { field: { matrix, offset }, leak: size > 0 ? leak / size : 0 }
}
