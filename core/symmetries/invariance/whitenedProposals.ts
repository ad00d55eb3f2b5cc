import { symmetricEigen } from '../../linalg/symmetricEigen.js'
import type { FeatureGroups } from '../featureGroups.js'
import { liftField, thetaToField, toPhysical } from '../tangentFields/fields.js'
import type { AffineSpan } from '../constraints/linearConstraints.js'
import type { Generator } from '../tangentFields/readableBasis.js'
import type { SpanMoments } from '../kernels/spanMoments.js'
import type { TangencySystem } from '../tangentFields/tangency.js'

/**
 * Rotations of the whitened frame, mapped back (issue 16, item 4): with Σ and μ the covariance and mean of the
 * standardised coordinates (of the proposal half), W = Σ^(−½), every v(z) = W⁻¹ K W (z − μ) with K antisymmetric
 * keeps the first two moments exactly, and the distribution whenever it is elliptical about μ (a correlated Gaussian,
 * a uniform ellipsoid: the conjugated rotations Σ^½ K Σ^(−½)). The basis K_ij (i < j) of so(d), each kept when
 * tangent to the constraints (system.residual below its tolerance). They are exact conjugated rotations, so their
 * flows are periodic and the Monte Carlo test applies; a field estimated from the moments instead carries a small
 * dilatation that the χ² test on the other half rightly rejects. Cost O(d⁵) (d² candidates, d³ each).
 */
export function whitenedRotations(moments: SpanMoments, span: AffineSpan, system: TangencySystem, groups: FeatureGroups): Generator[] {
  const d = span.free.length
  if (d < 2) return []
  const unitVector = (a: number, b = -1) => Array.from({ length: d }, (_, c) => (c === a ? 1 : 0) + (c === b ? 1 : 0))
  const mu = Array.from({ length: d }, (_, a) => moments.moment(unitVector(a)))
  const sigma = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => moments.moment(a === b ? unitVector(a).map((v) => 2 * v) : unitVector(a, b)) - mu[a] * mu[b]))
  const { values, vectors } = symmetricEigen(sigma.map((row, i) => row.map((v, j) => 0.5 * (v + sigma[j][i]))))
  if (values.some((v) => !(v > 0))) return []
  // W = V Λ^(−½) Vᵀ, W⁻¹ = V Λ^(½) Vᵀ.
  const power = (p: number) => Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => values.reduce((s, l, k) => s + vectors[i][k] * l ** p * vectors[j][k], 0)))
  const w = power(-0.5)
  const wInverse = power(0.5)
  const shift = span.free.map((f) => span.means[f])
  const scale = span.free.map((f) => span.spreads[f])
  const out: Generator[] = []
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) {
      // A = W⁻¹ K W with K = E_ji − E_ij: A_ac = W⁻¹_aj W_ic − W⁻¹_ai W_jc.
      const theta = new Float64Array(d * d + d)
      for (let a = 0; a < d; a++) for (let c = 0; c < d; c++) theta[a * d + c] = wInverse[a][j] * w[i][c] - wInverse[a][i] * w[j][c]
      for (let a = 0; a < d; a++) theta[d * d + a] = -Array.from({ length: d }, (_, c) => theta[a * d + c] * mu[c]).reduce((s, v) => s + v, 0)
      const size = Math.hypot(...theta)
      for (let k = 0; k < theta.length; k++) theta[k] /= size
      const tangency = system.residual(theta)
      if (!(tangency < system.tolerance)) continue
      out.push({ field: liftField(toPhysical(thetaToField(theta, d), shift, scale), span, groups), theta, tangency })
    }
  }
  return out
}
