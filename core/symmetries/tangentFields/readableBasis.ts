import { echelonBasis } from '../constraints/echelon.js'
import { fieldToTheta, restrictField, toStandardised, type AffineField, type Theta } from './fields.js'
import { snapFraction } from '../constraints/fractions.js'
import type { AffineSpan } from '../constraints/linearConstraints.js'
import type { TangencySystem } from './tangency.js'
import { SIMPLIFY_LEVELS, SNAP_APPROXIMATE, SNAP_GROWTH } from '../tolerances.js'

/** One generator of an algebra: the field on all features (physical units) and on the standardised span (θ). */
export interface Generator {
  field: AffineField
  theta: Theta
  /** ‖K θ‖ / ‖θ‖: how far from tangent to the constraints (below the system's tolerance). */
  tangency: number
}

/** Standardised entries of a field on all features, A column by column, then b: the coordinates the basis is reduced in. */
function flatten(field: AffineField, spreads: readonly number[]): number[] {
  const D = spreads.length
  const s = (j: number) => spreads[j] || 1
  const out: number[] = []
  for (let c = 0; c < D; c++) for (let r = 0; r < D; r++) out.push((field.matrix[r][c] * s(c)) / s(r))
  for (let r = 0; r < D; r++) out.push(field.offset[r] / s(r))
  return out
}

function unflatten(values: readonly number[], spreads: readonly number[]): AffineField {
  const D = spreads.length
  const s = (j: number) => spreads[j] || 1
  const matrix = Array.from({ length: D }, (_, r) => Array.from({ length: D }, (_, c) => (values[c * D + r] * s(r)) / s(c)))
  const offset = Array.from({ length: D }, (_, r) => values[D * D + r] * s(r))
  return { matrix, offset }
}

/**
 * A readable basis of a space of fields given on all features: reduced to echelon form in standardised entries
 * (A column by column, then b, earlier entries preferred as pivots), each generator scaled so that its pivot entry is
 * +1 in physical units (a rotation reads δx2 = x1, δx1 = −x2), then simplified: entries below a fraction of the
 * largest set to 0 and the rest rounded to simple fractions, from the coarsest fraction of SIMPLIFY_LEVELS down, the
 * first simplified field that stays inside the span, tangent and `accept`ed replacing the computed one. The pivots
 * stay 1 and the other pivot columns 0, so the simplified generators still form a basis.
 */
export function readableBasis(
  fields: readonly AffineField[], span: AffineSpan, system: TangencySystem, accept: (theta: Theta) => boolean = () => true,
): Generator[] {
  if (!fields.length) return []
  const spreads = span.spreads
  const D = spreads.length
  const shift = span.free.map((f) => span.means[f])
  const scale = span.free.map((f) => span.spreads[f])
  const { rows, pivots } = echelonBasis(fields.map((f) => flatten(f, spreads)))
  const check = (field: AffineField) => {
    const { field: restricted, leak } = restrictField(field, span)
    const theta = fieldToTheta(toStandardised(restricted, shift, scale))
    return { theta, leak, tangency: system.residual(theta) }
  }
  return rows.map((row, k) => {
    const raw = unflatten(row, spreads)
    const pivot = pivots[k]
    const pivotValue = pivot < D * D ? raw.matrix[pivot % D][Math.floor(pivot / D)] : raw.offset[pivot - D * D]
    const normalised: AffineField = {
      matrix: raw.matrix.map((r) => r.map((v) => v / pivotValue)),
      offset: raw.offset.map((v) => v / pivotValue),
    }
    const computed = check(normalised)
    const standardised = flatten(normalised, spreads)
    const largest = Math.max(...standardised.map(Math.abs))
    for (const level of SIMPLIFY_LEVELS) {
      const small = (index: number) => Math.abs(standardised[index]) < level * largest
      const rounding = Math.min(level, SNAP_APPROXIMATE)
      const simplified: AffineField = {
        matrix: normalised.matrix.map((r, i) => r.map((v, j) => (small(j * D + i) ? 0 : snapFraction(v, rounding)))),
        offset: normalised.offset.map((v, i) => (small(D * D + i) ? 0 : snapFraction(v, rounding))),
      }
      const result = check(simplified)
      if (result.leak < 1e-9 && result.tangency < Math.max(system.tolerance, SNAP_GROWTH * computed.tangency) && accept(result.theta)) {
        return { field: simplified, theta: result.theta, tangency: result.tangency }
      }
    }
    return { field: normalised, theta: computed.theta, tangency: computed.tangency }
  })
}
