import { symmetricEigen } from '../linalg/symmetricEigen.js'
import { echelonBasis } from './echelon.js'
import { formatFormula, localiseTerms, type Term } from './formula.js'
import type { FeatureGroups } from './featureGroups.js'
import type { AffineSpan } from './linearConstraints.js'
import { snapFraction } from './fractions.js'
import { monomialBasis, productIndex, type MonomialBasis } from './monomials.js'
import { fromMonomials, substitute, toMonomials, type Quadratic } from './polynomial.js'
import type { SpanMoments } from './spanMoments.js'
import { EXACT_TOLERANCE, NUMERICAL_NULL, QUADRATIC_TOLERANCE, SNAP_APPROXIMATE, SNAP_EXACT, SNAP_GROWTH } from './tolerances.js'

/**
 * The data's metric on polynomials of degree ≤ 2 in the standardised coordinates z: means and standard deviations of
 * the non-constant monomials m_p (p = 1 … N of the degree-2 basis) and the eigen-decomposition of their correlation
 * matrix, with the directions found to be constraints marked. E[g²] for g = c_0 + Σ c_p m_p is
 * (c_0 + Σ c_p E m_p)² + Σ_i λ_i (v_i · (c_p σ_p))²: the tangency system uses it in this factored form.
 */
export interface MonomialMetric {
  basis: MonomialBasis
  means: number[]
  spreads: number[]
  values: number[]
  vectors: number[][]
  constraintDirections: boolean[]
}

export interface QuadraticConstraint {
  /** g(u) = lhs(u) − constant, zero on the data, in the span coordinates u (physical units). */
  polynomial: Quadratic
  constant: number
  rmsAbsolute: number
  rms: number
  exact: boolean
  formula: string
}

/** Relative RMS of g on the events: RMS of g over √(Σ_p (c_p σ_p)²), c_p its coefficients on the z-monomials. */
function spreadScale(gu: Quadratic, moments: SpanMoments, metric: MonomialMetric): number {
  const gz = substitute(gu, moments.shift, moments.scale)
  const c = toMonomials(gz, metric.basis)
  let sum = 0
  for (let p = 1; p < metric.basis.count; p++) sum += (c[p] * metric.spreads[p - 1]) ** 2
  return Math.sqrt(sum)
}

/**
 * Quadratic constraints in the span coordinates: the near-null space (relative RMS < QUADRATIC_TOLERANCE) of the
 * correlation matrix of the monomials z_a and z_a z_b, from the moments. Null and approximate directions are reduced
 * separately to echelon form with squares and products as pivots (earlier ones first), rewritten in physical units
 * with the pivot's coefficient 1, rounded to simple fractions where that keeps the RMS, and measured on the events
 * (two passes in f64). A direction with no quadratic part would be a linear constraint, already found: it is skipped.
 * Cost O(N³) for N = d + d(d+1)/2 monomials, plus O(n · d²) per constraint.
 */
export function quadraticConstraints(
  moments: SpanMoments, data: Float64Array, rows: number, cols: number, span: AffineSpan, names: readonly string[], groups: FeatureGroups,
): { constraints: QuadraticConstraint[]; metric: MonomialMetric } {
  const { free } = span
  const d = free.length
  const basis = monomialBasis(d, 2)
  const n = basis.count - 1
  const at = (p: number) => moments.mean[moments.basis.indexOf(basis.exponents[p])]
  const means = Array.from({ length: n }, (_, k) => at(k + 1))
  const covariance = (p: number, q: number) => moments.mean[productIndex(basis, p, q, moments.basis)] - at(p) * at(q)
  const rawSpreads = means.map((_, k) => Math.sqrt(Math.max(covariance(k + 1, k + 1), 0)))
  // A monomial constant on the data (z² ≡ 1 for two-valued data) is itself a constraint: spread 1, correlations 0.
  const degenerate = rawSpreads.map((s) => s < 1e-12)
  const spreads = rawSpreads.map((s, k) => (degenerate[k] ? 1 : s))
  const correlation = Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) => (degenerate[a] || degenerate[b] ? 0 : covariance(a + 1, b + 1) / (spreads[a] * spreads[b]))),
  )
  const { values, vectors } = symmetricEigen(correlation)
  const constraintDirections = values.map(() => false)
  const directions = { null: [] as number[][], approximate: [] as number[][] }
  values.forEach((lambda, k) => {
    const size = Math.sqrt(Math.max(lambda, 0))
    if (size >= QUADRATIC_TOLERANCE) return
    constraintDirections[k] = true
    ;(size < NUMERICAL_NULL ? directions.null : directions.approximate).push(vectors.map((r) => r[k]))
  })
  const metric: MonomialMetric = { basis, means, spreads, values, vectors, constraintDirections }

  const isQuadratic = (k: number) => basis.degrees[k + 1] === 2
  const preference = (k: number) => (isQuadratic(k) ? n - k : -1 - k)
  const measure = (g: Quadratic) => {
    // Sparse terms c · u_a · u_b (b = −1 for a linear term); the RMS of each term's value sizes a zero constant.
    const coefficients: number[] = []
    const first: number[] = []
    const second: number[] = []
    for (let a = 0; a < d; a++) {
      if (g.linear[a] !== 0) (coefficients.push(g.linear[a]), first.push(a), second.push(-1))
      for (let b = a; b < d; b++) {
        const c = a === b ? g.quadratic[a][a] : 2 * g.quadratic[a][b]
        if (c !== 0) (coefficients.push(c), first.push(a), second.push(b))
      }
    }
    const k = coefficients.length
    const u = new Float64Array(d)
    const values = new Float64Array(rows)
    let sum = 0
    let magnitude = 0
    for (let i = 0; i < rows; i++) {
      for (let a = 0; a < d; a++) u[a] = data[i * cols + free[a]]
      let value = 0
      for (let t = 0; t < k; t++) {
        const term = coefficients[t] * u[first[t]] * (second[t] < 0 ? 1 : u[second[t]])
        value += term
        magnitude += term * term
      }
      values[i] = value
      sum += value
    }
    const mean = sum / rows
    let squares = 0
    for (let i = 0; i < rows; i++) squares += (values[i] - mean) ** 2
    const rms = Math.sqrt(squares / rows)
    const scale = spreadScale({ ...g, constant: 0 }, moments, metric)
    return { mean, rms, relative: scale > 0 ? rms / scale : 0, magnitude: Math.sqrt(magnitude / rows) }
  }

  const constraints: QuadraticConstraint[] = []
  for (const group of ['null', 'approximate'] as const) {
    if (!directions[group].length) continue
    const { rows: reduced, pivots } = echelonBasis(directions[group], preference)
    reduced.forEach((w, r) => {
      const quadraticPart = w.reduce((s, v, k) => s + (isQuadratic(k) ? v * v : 0), 0)
      if (quadraticPart < 1e-6 * w.reduce((s, v) => s + v * v, 0) || !isQuadratic(pivots[r])) return
      // Standardised monomial coefficients → polynomial in z → polynomial in u, pivot monomial's coefficient 1.
      const cz = new Float64Array(basis.count)
      w.forEach((v, k) => {
        cz[k + 1] = v / spreads[k]
        cz[0] -= cz[k + 1] * means[k]
      })
      const gu = substitute(fromMonomials(cz, basis), moments.shift.map((m, a) => -m / moments.scale[a]), moments.scale.map((s) => 1 / s))
      const cu = toMonomials(gu, basis)
      const pivotValue = cu[pivots[r] + 1]
      for (let p = 0; p < basis.count; p++) cu[p] /= pivotValue
      cu[0] = 0
      const tolerance = group === 'null' ? SNAP_EXACT : SNAP_APPROXIMATE
      const size = (p: number) => Math.abs(cu[p]) * basis.exponents[p].reduce((s, e, a) => s * moments.scale[a] ** e, 1)
      const largest = Math.max(...Array.from({ length: basis.count }, (_, p) => size(p)))
      const snapped = cu.map((c, p) => (size(p) < tolerance * largest ? 0 : snapFraction(c, tolerance)))
      const raw = fromMonomials(cu, basis)
      const rounded = fromMonomials(snapped, basis)
      const rawFit = measure(raw)
      const roundedFit = measure(rounded)
      const keepRounded =
        rawFit.relative < EXACT_TOLERANCE ? roundedFit.relative < EXACT_TOLERANCE : roundedFit.relative <= SNAP_GROWTH * rawFit.relative
      const [coefficients, polynomial, fit] = keepRounded ? [snapped, rounded, roundedFit] : [cu, raw, rawFit]
      if (fit.relative >= QUADRATIC_TOLERANCE) return
      const exact = fit.relative < EXACT_TOLERANCE
      let constant = exact && Math.abs(fit.mean) <= EXACT_TOLERANCE * fit.magnitude ? 0 : fit.mean
      const factorsOf = (p: number) => [...basis.exponents[p]].flatMap((e, a) => Array.from({ length: e }, () => free[a]))
      const terms: Term[] = []
      for (let p = 1; p < basis.count; p++) if (coefficients[p] !== 0) terms.push({ coefficient: coefficients[p], factors: factorsOf(p) })
      const pivotGroup = groups.groupOf[factorsOf(pivots[r] + 1)[0]]
      const polynomialConstant = -constant
      // Written with a positive first term: −E1² + px1² + … = −m² reads E1² − px1² − … = m².
      let display = localiseTerms(terms, pivotGroup, span.aliases, groups.groupOf)
      if (display[0]?.coefficient < 0) {
        display = display.map((t) => ({ ...t, coefficient: -t.coefficient }))
        constant = -constant || 0
      }
      constraints.push({
        polynomial: { ...polynomial, constant: polynomialConstant },
        constant, rmsAbsolute: fit.rms, rms: fit.relative, exact,
        formula: formatFormula(display, names, constant, exact),
      })
    })
  }
  return { constraints, metric }
}
