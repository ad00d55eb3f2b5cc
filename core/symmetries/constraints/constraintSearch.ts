import type { SymscopeWasm } from '../../wasm/module.js'
import type { MomentAccumulator } from '../kernels/blockMoments.js'
import { jacobianRank } from './consistency.js'
import type { FeatureGroups } from '../featureGroups.js'
import type { AffineSpan, LinearConstraint } from './linearConstraints.js'
import { monomialBasis } from './monomials.js'
import { commonUnit, dimensionScale, distanceFrame, type DimensionScale } from './noiseScale.js'
import { substitute } from './polynomial.js'
import type { ConstraintMetric } from './constraintMetric.js'
import { constraintDegree, polynomialConstraints, type PolynomialConstraint } from './polynomialConstraints.js'
import { EXACT_SYSTEM_EVENTS, MAX_CONSTRAINT_MONOMIALS } from '../tolerances.js'

/** 'determined': the constraints explain the dimension; 'open': no constraint and none needed; else 'undetermined'. */
export type ConstraintStatus = 'determined' | 'undetermined' | 'open'

export interface ConstraintSearch {
  /** The polynomial constraints of degree 2 … 4. */
  constraints: PolynomialConstraint[]
  /** Approximate linear relations thin enough to count (degree 1): in the rank, not in the tangency system. */
  linear: PolynomialConstraint[]
  /** The loose linear relations that were candidates, with whether each was thin enough to be a constraint. */
  linearKept: boolean[]
  /** The loose linear relations left out because exact polynomial constraints explain the dimension without them. */
  superseded: boolean[]
  /** Each loose linear relation's distance RMS / |c| in the noise scale's frame (noiseScale.ts), compared with τ. */
  linearDistances: number[]
  metric: ConstraintMetric | null
  dimension: DimensionScale
  degree: number
  rank: number
  status: ConstraintStatus
  reason: string | null
  /** What the search left out for its cost (budget.ts), for the section's notes. */
  notes: string[]
}

const fmt = (v: number) => Number(v.toPrecision(2)).toString()

/**
 * The constraints of degree ≥ 1 that the restricting linear ones leave, judged against the data's own noise scale
 * and checked against the intrinsic dimension (issue 9, items 1–3):
 * 1. the dimension against scale on the span coordinates and its plateaus; the noise scale τ where the top plateau
 *    begins (noiseScale.ts);
 * 2. the loose linear relations count as (approximate) constraints only when their events lie within τ of the plane;
 * 3. polynomial constraints of degree 2 … k(d) whose normalised RMS is below τ (polynomialConstraints.ts);
 * 4. consistency: d − rank(Jacobian of the constraints on the data) must equal the dimension of the top plateau.
 *    When it does not, or there is no plateau, the status is 'undetermined' with the reason; no constraint and a
 *    full-dimensional plateau is 'open' (an open region: nothing to constrain).
 */
export function* searchConstraints(
  wasm: SymscopeWasm, accumulator: MomentAccumulator, data: Float64Array, rows: number, cols: number, span: AffineSpan,
  loose: readonly LinearConstraint[], names: readonly string[], groups: FeatureGroups,
): IterableIterator<void, ConstraintSearch> {
  // A generator: findSymmetries' pause points between the steps (core/stats/pause.ts), nothing else.
  const d = span.free.length
  const dimension = dimensionScale(wasm, data, rows, cols, span)
  yield
  const tau = dimension.scale
  const mu = span.free.map((f) => span.means[f])
  const sigma = span.free.map((f) => span.spreads[f])
  const degree = constraintDegree(d, MAX_CONSTRAINT_MONOMIALS)
  const basis = monomialBasis(d, degree)
  // c·x = constant on x = x0 + B u: (cᵀB)·u + c·x0 − constant; its distance (RMS / |c|, in the noise scale's frame) against τ.
  const frame = distanceFrame(sigma)
  const linearForms = loose.map((c) => {
    const physical = new Float64Array(basis.count)
    physical[0] = c.coefficients.reduce((s, v, j) => s + v * span.offset[j], 0) - c.constant
    for (let k = 0; k < d; k++) physical[1 + k] = c.coefficients.reduce((s, v, j) => s + v * span.basis[j][k], 0)
    const gradientZ = Math.hypot(...Array.from({ length: d }, (_, k) => physical[1 + k] * sigma[k]))
    const distance = frame.standardised ? (gradientZ > 0 ? (c.rmsAbsolute / gradientZ) * commonUnit(sigma) : 0) : c.rmsAbsolute / Math.hypot(...c.coefficients)
    return { physical, gradientZ, distance }
  })
  const linearKept = linearForms.map((f) => f.distance < tau)
  let initial: PolynomialConstraint[] = loose.flatMap((c, i) => {
    if (!linearKept[i]) return []
    const { physical, gradientZ, distance } = linearForms[i]
    return [{
      physical, standardised: substitute(physical, basis, mu, sigma), degree: 1, constant: c.constant, rms: c.rms, rmsAbsolute: c.rmsAbsolute,
      distance, distanceStandardised: gradientZ > 0 ? c.rmsAbsolute / gradientZ : 0, exact: c.exact, formula: c.formula,
    }]
  })
  const sums = accumulator.sums(
    { columns: Int32Array.from(span.free), shift: Float64Array.from(mu), scale: Float64Array.from(sigma, (s) => 1 / s) }, monomialBasis(d, 2 * degree), 1,
  )
  yield
  const momentBasis = monomialBasis(d, 2 * degree)
  const moment = (alpha: ArrayLike<number>) => sums[momentBasis.indexOf(alpha)] / rows
  // The approximate linear relations count towards the dimension but stay out of the polynomial ideal: left in the
  // coordinates, a relation of spread δ makes every product with it look like a constraint of spread δ. (The thin ones
  // join the tangency system with their own tolerance, 3δ: findSymmetries.ts.)
  const need = dimension.top ? Math.max(0, d - dimension.top.dimension - initial.length) : null
  // The exact constraints are read from the events themselves (exactNullSpace.ts), on the first EXACT_SYSTEM_EVENTS.
  const sampleRows = Math.min(rows, EXACT_SYSTEM_EVENTS)
  const sample = new Float64Array(sampleRows * d)
  for (let i = 0; i < sampleRows; i++) for (let a = 0; a < d; a++) sample[i * d + a] = (data[i * cols + span.free[a]] - mu[a]) / sigma[a]
  const offset = Math.max(...mu.map((m, a) => Math.abs(m) / sigma[a]))
  const exactSample = { z: sample, rows: sampleRows, offset }
  let found = polynomialConstraints(moment, accumulator, rows, span, names, groups, tau, degree, [], need, exactSample)
  yield
  const z = new Float64Array(Math.min(rows, 1000) * d)
  for (let i = 0; i < z.length / d; i++) for (let a = 0; a < d; a++) z[i * d + a] = (data[i * cols + span.free[a]] - mu[a]) / sigma[a]
  // An approximate polynomial constraint taken before an exact one of higher degree met the dimension's need (a
  // quartic curve reads as a thick conic at large scales) is a large-scale view of it when the exact constraints
  // explain the dimension alone (issue 16): the search is posed again for the exact ones only (need 0), and a note
  // says why.
  const approximateFound = found.constraints.filter((c) => !c.exact)
  if (dimension.top && approximateFound.length && found.constraints.some((c) => c.exact)) {
    const exactOnly = polynomialConstraints(moment, accumulator, rows, span, names, groups, tau, degree, [], 0, exactSample)
    const exactInitial = initial.filter((c) => c.exact)
    if (exactOnly.constraints.length && d - jacobianRank([...exactInitial, ...exactOnly.constraints], z, z.length / d, d) === dimension.top.dimension) {
      exactOnly.notes.push(`${approximateFound.map((c) => c.formula).join(', ')}: approximate, and the exact constraints explain the dimension without ${approximateFound.length > 1 ? 'them' : 'it'} (a thin shape seen at scales above its width): not a constraint`)
      found = exactOnly
    }
  }
  // An approximate linear relation beside exact polynomial constraints that explain the dimension without it is a
  // large-scale view of them (a thin noise-free ellipse reads as a line above its width), not a constraint of its own
  // (issue 16): it leaves the count, and a note says why.
  const superseded = loose.map(() => false)
  const notes = [...found.notes]
  if (dimension.top && found.constraints.length && found.constraints.every((c) => c.exact) && initial.some((c) => !c.exact)) {
    const exactInitial = initial.filter((c) => c.exact)
    if (d - jacobianRank([...exactInitial, ...found.constraints], z, z.length / d, d) === dimension.top.dimension) {
      const dropped = initial.filter((c) => !c.exact)
      loose.forEach((c, i) => (superseded[i] = dropped.some((p) => p.formula === c.formula)))
      initial = exactInitial
      notes.push(`${dropped.map((c) => c.formula).join(', ')}: approximate, and the exact constraints explain the dimension without ${dropped.length > 1 ? 'them' : 'it'} (a thin shape seen at scales above its width): not a constraint`)
    }
  }
  const rank = jacobianRank([...initial, ...found.constraints], z, z.length / d, d)
  const free = d - rank
  const top = dimension.top
  let status: ConstraintStatus
  let reason: string | null = null
  if (!top) {
    status = 'undetermined'
    reason = 'the intrinsic dimension has no plateau over the scales measured, so there is no dimension for the constraints to explain'
  } else if (free === top.dimension) {
    status = found.constraints.length || initial.length ? 'determined' : 'open'
    if (status === 'open') reason = `the events fill an open region of the ${d} coordinates (dimension ${top.dimension} at scales above ~${fmt(tau)}): there is nothing to constrain, and every affine field is tangent, which is no symmetry of the data`
  } else if (free > top.dimension) {
    status = 'undetermined'
    reason = `the constraints up to degree ${degree} leave ${free} free coordinates, but the events are ${top.dimension}-dimensional at scales above ~${fmt(tau)}: ${free - top.dimension} constraint${free - top.dimension > 1 ? 's are' : ' is'} of higher degree or not polynomial`
  } else {
    status = 'undetermined'
    reason = `the constraints found cut the ${d} coordinates down to ${free}, fewer than the dimension ${top.dimension} measured at scales above ~${fmt(tau)}`
  }
  return {
    constraints: found.constraints, linear: initial, linearKept: linearKept.map((kept, i) => kept && !superseded[i]), superseded,
    linearDistances: linearForms.map((f) => f.distance), metric: found.metric, dimension, degree, rank, status, reason, notes,
  }
}
