import { Matrix, SingularValueDecomposition } from 'ml-matrix'
import type { FeatureGroups } from '../featureGroups.js'
import { liftField, thetaToField, toPhysical } from './fields.js'
import type { AffineSpan } from '../constraints/linearConstraints.js'
import { readableBasis, type Generator } from './readableBasis.js'
import type { TangencySystem } from './tangency.js'

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

/** The null space's fields lifted to all features, with a readable basis. */
export function readableAlgebra(
  space: TangentNullSpace, system: TangencySystem, span: AffineSpan, groups: FeatureGroups,
): { generators: Generator[]; singularValues: number[]; nearest: number | null } {
  const d = span.free.length
  const shift = span.free.map((f) => span.means[f])
  const scale = span.free.map((f) => span.spreads[f])
  const fields = space.nullVectors.map((theta) => liftField(toPhysical(thetaToField(theta, d), shift, scale), span, groups))
  return { generators: readableBasis(fields, span, system), singularValues: space.singularValues, nearest: space.nearest }
}
