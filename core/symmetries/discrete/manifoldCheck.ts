import type { LinearConstraint, AffineSpan } from '../constraints/linearConstraints.js'
import { monomialBasis, type MonomialBasis } from '../constraints/monomials.js'
import { derivative, monomialValues, type Polynomial } from '../constraints/polynomial.js'
import type { PolynomialConstraint } from '../constraints/polynomialConstraints.js'
import type { AffineMap } from './maps.js'
import { MANIFOLD_EVENTS, MANIFOLD_EXACT_FLOOR, MANIFOLD_FACTOR, MANIFOLD_GLANCE, MANIFOLD_GLANCE_FACTOR } from './tolerances.js'

/** Does a map send the data's constraints to themselves? The worst ratio of mapped to allowed spread (≤ 1: kept). */
export interface ManifoldCheck {
  ratio: number
  /** The constraint broken worst (its formula), null when every one is kept or there is none. */
  worst: string | null
}

interface PreparedConstraint {
  formula: string
  allowed: number
  /** Distance of a point from the surface: |g| over |∇g| (mean squares over the events); the pair is reused per call. */
  residual(x: Float64Array, u: Float64Array): readonly [number, number]
}

/**
 * The continuous section's constraints, made ready to measure mapped events: the restricting linear ones on all
 * features (they define the span), and the approximate linear and polynomial ones on the span coordinates. Each
 * is allowed MANIFOLD_FACTOR times its own spread (the events' RMS distance from its surface), at least
 * MANIFOLD_EXACT_FLOOR times the coordinates' spread.
 */
export function prepareConstraints(
  linear: readonly LinearConstraint[], polynomial: readonly PolynomialConstraint[], span: AffineSpan,
): PreparedConstraint[] {
  const scale = Math.max(1e-300, ...span.spreads)
  const floor = MANIFOLD_EXACT_FLOOR * scale
  const d = span.free.length
  const out: PreparedConstraint[] = linear.filter((c) => c.restricts).map((c) => {
    const size = Math.hypot(...c.coefficients)
    // One result pair per constraint, rewritten at each event (measure reads it at once): no array per event.
    const result: [number, number] = [0, size]
    return {
      formula: c.formula,
      allowed: Math.max(floor, (MANIFOLD_FACTOR * c.rmsAbsolute) / size),
      residual: (x) => {
        let s = -c.constant
        for (let j = 0; j < x.length; j++) s += c.coefficients[j] * x[j]
        result[0] = s
        return result
      },
    }
  })
  for (const c of polynomial) {
    const basis = basisOf(c.physical, d)
    // Sparse terms of g and of each ∂g/∂u_a (a constraint has a few of the basis' monomials).
    const sparse = (p: Polynomial) => {
      const index = [...p.keys()].filter((m) => p[m] !== 0)
      return { index: Int32Array.from(index), value: Float64Array.from(index, (m) => p[m]) }
    }
    const g = sparse(c.physical)
    const gradients = Array.from({ length: d }, (_, a) => sparse(derivative(c.physical, a, basis)))
    const values = new Float64Array(basis.count)
    const at = (p: { index: Int32Array; value: Float64Array }) => {
      let s = 0
      for (let t = 0; t < p.index.length; t++) s += p.value[t] * values[p.index[t]]
      return s
    }
    const result: [number, number] = [0, 0]
    out.push({
      formula: c.formula,
      allowed: Math.max(floor, MANIFOLD_FACTOR * c.distance),
      residual: (_, u) => {
        monomialValues(u, basis, values)
        let squared = 0
        for (const p of gradients) squared += at(p) ** 2
        result[0] = at(g)
        result[1] = Math.sqrt(squared)
        return result
      },
    })
  }
  return out
}

function basisOf(p: Polynomial, d: number): MonomialBasis {
  for (let k = 1; k <= 8; k++) if (monomialBasis(d, k).count === p.length) return monomialBasis(d, k)
  throw new RangeError(`a constraint of ${p.length} coefficients is on no monomial basis in ${d} variables`)
}

/**
 * The mapped first MANIFOLD_EVENTS events' RMS distance from each surface, RMS(g)/√E|∇g|² (as the constraint's own
 * spread is measured), over what that constraint allows. With no constraint the ratio is 0: an open region has no
 * surface to keep, and the distribution test alone decides.
 */
export function checkManifold(
  map: AffineMap, constraints: readonly PreparedConstraint[], data: Float64Array, rows: number, cols: number, span: AffineSpan,
): ManifoldCheck {
  if (!constraints.length) return { ratio: 0, worst: null }
  // The map's non-zero entries, row by row (a flip or an exchange has one per row), in column order.
  const sparse = map.matrix.map((row) => Int32Array.from(row.flatMap((v, c) => (v !== 0 ? [c] : []))))
  // [Σ g², Σ |∇g|²] of constraint k at 2k, 2k + 1.
  const sums = new Float64Array(2 * constraints.length)
  // A broken map is seen on a few events already (its mapped distance is far above what is allowed): a short first
  // look. The full check goes on from its sums (the same sums, in the same order, as over all events at once).
  const glance = Math.min(rows, MANIFOLD_GLANCE)
  measure(map, sparse, constraints, data, 0, glance, cols, span, sums)
  const first = ratioOf(constraints, sums, glance)
  if (first.ratio > MANIFOLD_GLANCE_FACTOR) return first
  const all = Math.min(rows, MANIFOLD_EVENTS)
  measure(map, sparse, constraints, data, glance, all, cols, span, sums)
  return ratioOf(constraints, sums, all)
}

/** Adds the mapped events from ≤ i < to to each constraint's [Σ g², Σ |∇g|²] (sums[2k], sums[2k + 1]). */
function measure(
  map: AffineMap, sparse: readonly Int32Array[], constraints: readonly PreparedConstraint[], data: Float64Array, from: number, to: number, cols: number,
  span: AffineSpan, sums: Float64Array,
): void {
  const d = span.free.length
  const x = new Float64Array(cols)
  const u = new Float64Array(d)
  for (let i = from; i < to; i++) {
    for (let r = 0; r < cols; r++) {
      let v = map.offset[r]
      const row = map.matrix[r]
      const entries = sparse[r]
      for (let e = 0; e < entries.length; e++) v += row[entries[e]] * data[i * cols + entries[e]]
      x[r] = v
    }
    for (let a = 0; a < d; a++) u[a] = x[span.free[a]]
    for (let k = 0; k < constraints.length; k++) {
      const residual = constraints[k].residual(x, u)
      const g = residual[0]
      const gradient = residual[1]
      sums[2 * k] += g * g
      sums[2 * k + 1] += gradient * gradient
    }
  }
}

function ratioOf(constraints: readonly PreparedConstraint[], sums: Float64Array, n: number): ManifoldCheck {
  let ratio = 0
  let worst: string | null = null
  constraints.forEach((c, k) => {
    const [g2, gradient2] = [sums[2 * k], sums[2 * k + 1]]
    const distance = gradient2 > 0 ? Math.sqrt(g2 / gradient2) : Math.sqrt(g2 / n) > 0 ? Infinity : 0
    const r = distance / c.allowed
    if (r > ratio) [ratio, worst] = [r, r > 1 ? c.formula : worst]
  })
  return { ratio, worst }
}
