import type { SymscopeWasm } from '../../wasm/module.js'
import type { MomentAccumulator } from '../kernels/blockMoments.js'
import type { FeatureGroups } from '../featureGroups.js'
import { searchConstraints, type ConstraintSearch } from './constraintSearch.js'
import { demoteRelations, type LinearConstraint, type LinearResult } from './linearConstraints.js'
import { commonUnit, distanceFrame } from './noiseScale.js'
import { MAX_SPAN_DIMENSION } from '../tolerances.js'

const fmt = (v: number) => Number(v.toPrecision(2)).toString()

/**
 * An approximate linear relation's thickness against the noise scale, both in standardised units (issue 16): the
 * events' RMS distance from its plane over √Σ (c_j σ_j)², against τ over the common unit of the coordinates it is
 * measured in (noiseScale.ts). Standardised, because the relation's pivot feature need not share units with the
 * coordinates left (a plane cubic in metres and micrometres): the ratio is what a spread of the data it is.
 */
function thicknessOverNoise(c: LinearConstraint, linear: LinearResult, tau: number): number {
  const { span } = linear
  const sigma = span.free.map((f) => span.spreads[f])
  const frame = distanceFrame(sigma)
  const gradientZ = Math.sqrt(c.coefficients.reduce((s, v, j) => s + (v * span.spreads[j]) ** 2, 0))
  const tauZ = tau / (frame.standardised ? frame.unit : commonUnit(sigma))
  return gradientZ > 0 && tauZ > 0 ? c.rmsAbsolute / gradientZ / tauZ : 0
}

/**
 * The constraint search, with the approximate linear relations that took a coordinate away checked against the noise
 * scale the search measured (issue 16): one whose events lie farther from its plane than that scale is not a
 * constraint at the scales where the dimension is read (a noise-free moment curve (t, t², t³) is within 2 % of a
 * plane, yet a curve at every scale). Removing its coordinate would leave the algebra of a projection, so the search
 * runs again with it kept as a loose relation (which then counts only if thinner than the noise scale), and a note
 * says why. Costs a second search only where such a relation exists and the span stays within MAX_SPAN_DIMENSION.
 */
export function* searchWithThinRelations(
  wasm: SymscopeWasm, accumulator: MomentAccumulator, data: Float64Array, rows: number, cols: number, linear: LinearResult,
  names: readonly string[], groups: FeatureGroups,
): IterableIterator<void, { linear: LinearResult; search: ConstraintSearch }> {
  // A generator, as searchConstraints is: findSymmetries' pause points (core/stats/pause.ts) pass through.
  const loose = (l: LinearResult) => l.constraints.filter((c) => !c.restricts)
  const search = yield* searchConstraints(wasm, accumulator, data, rows, cols, linear.span, loose(linear), names, groups)
  const tau = search.dimension.scale
  const thick = linear.constraints.filter((c) => c.restricts && !c.exact && thicknessOverNoise(c, linear, tau) > 1)
  if (!thick.length || linear.span.free.length + thick.length > MAX_SPAN_DIMENSION) return { linear, search }
  const demoted = demoteRelations(linear, thick)
  const again = yield* searchConstraints(wasm, accumulator, data, rows, cols, demoted.span, loose(demoted), names, groups)
  again.notes.unshift(
    `${thick.map((c) => `${c.formula} (${fmt(thicknessOverNoise(c, linear, tau))}× the noise scale ~${fmt(tau)} of the other coordinates, in standardised units)`).join(', ')}: approximate, and thicker than the noise scale: kept as a coordinate, not a constraint`,
  )
  return { linear: demoted, search: again }
}
