import { Matrix, SingularValueDecomposition } from 'ml-matrix'
import type { FeatureGroups } from '../featureGroups.js'
import { liftField, thetaToField, toPhysical } from './fields.js'
import type { AffineSpan } from '../constraints/linearConstraints.js'
import { readableBasis, type Generator } from './readableBasis.js'
import { structureConstants } from './lieAlgebra.js'
import type { TangencySystem } from './tangency.js'
import { TANGENCY_GAP } from '../tolerances.js'

/**
 * The symmetry algebra of the data manifold: the affine fields on the span tangent to every quadratic constraint at
 * every event (the linear ones hold by construction), as the null space of the tangency system: right singular
 * vectors with singular value below its tolerance (ml-matrix's SVD, Golub–Kahan, accurate to ε‖K‖). With no quadratic
 * constraint every affine field of the span is tangent: aff(d). Each null vector is lifted to all features and the
 * space is given a readable basis. Cost: one SVD of a (Q·N) × (d² + d) matrix.
 */
export function manifoldAlgebra(
  system: TangencySystem, span: AffineSpan, groups: FeatureGroups, constrained: boolean,
): { generators: Generator[]; singularValues: number[]; nearest: number | null } {
  return readableAlgebra(tangentNullSpace(system, span.free.length, constrained), system, span, groups)
}

/** The tangency system's null space (θ vectors of the fields tangent to every constraint), before any basis is made readable. */
export interface TangentNullSpace {
  nullVectors: number[][]
  singularValues: number[]
  nearest: number | null
}

/** The null space of the tangency system: its size m is what the later stages' budget is estimated from (budget.ts). */
export function tangentNullSpace(system: TangencySystem, d: number, constrained: boolean): TangentNullSpace {
  const p = d * d + d
  let nullVectors: number[][]
  let singularValues: number[] = []
  if (!constrained) {
    nullVectors = Array.from({ length: p }, (_, k) => Array.from({ length: p }, (_, j) => (j === k ? 1 : 0)))
  } else {
    const svd = new SingularValueDecomposition(system.matrix, { computeLeftSingularVectors: false, autoTranspose: false })
    singularValues = svd.diagonal
    const v: Matrix = svd.rightSingularVectors
    nullVectors = singularValues.flatMap((sigma, k) => (sigma < system.tolerance ? [v.getColumn(k)] : []))
  }
  const rejected = singularValues.filter((sigma) => sigma >= system.tolerance)
  return { nullVectors, singularValues, nearest: rejected.length ? Math.min(...rejected) : null }
}

/**
 * Where the floating-point floor set the tolerance (tangency.ts), the null space is decided by the gap above it
 * (issue 16): the largest accepted singular value must stand TANGENCY_GAP below the smallest rejected one. A true
 * tangent field reads at the floor and the next field at O(1) of its tolerance's scale; a fitted constraint that is
 * not the manifold's leaves a field just above the floor and another just beyond (a ratio of tens). Null when decided.
 */
export function floorGapReason(space: TangentNullSpace, system: TangencySystem): string | null {
  if (!system.floorActive || !space.nullVectors.length || !space.singularValues.length) return null
  const accepted = Math.max(...space.singularValues.filter((sigma) => sigma < system.tolerance))
  const ratio = space.nearest === null ? Infinity : space.nearest / Math.max(accepted, Number.MIN_VALUE)
  if (ratio >= TANGENCY_GAP) return null
  return `the tangency system's null space is not separated from the next field above its floating-point floor (singular values ${accepted.toPrecision(2)} and ${space.nearest!.toPrecision(2)} in units of the tolerance: a ratio ${ratio.toPrecision(2)}, below ${TANGENCY_GAP})`
}

/** The null space's fields lifted to all features, with a readable basis. */
export function readableAlgebra(
  space: TangentNullSpace, system: TangencySystem, span: AffineSpan, groups: FeatureGroups,
): { generators: Generator[]; singularValues: number[]; nearest: number | null } {
  const d = span.free.length
  const shift = span.free.map((f) => span.means[f])
  const scale = span.free.map((f) => span.spreads[f])
  const fields = space.nullVectors.map((theta) => liftField(toPhysical(thetaToField(theta, d), shift, scale), span, groups))
  const simplified = readableBasis(fields, span, system)
  // Rounding may not change the algebra (issue 16): within an approximate constraint's tolerance each rounded field
  // stays tangent, yet together they need not close (a smeared sphere's three rotations, rounded, left so(3) by 1 %).
  // Where rounding raises the bracket residual past 10× the computed fields' own, the computed fields are kept.
  if (fields.length > 1) {
    const closureOf = (generators: readonly Generator[]) => structureConstants(generators.map((g) => g.theta), d).closure
    const computed = readableBasis(fields, span, system, () => false)
    if (closureOf(simplified) > Math.max(10 * closureOf(computed), 1e-9)) {
      return { generators: computed, singularValues: space.singularValues, nearest: space.nearest }
    }
  }
  return { generators: simplified, singularValues: space.singularValues, nearest: space.nearest }
}
