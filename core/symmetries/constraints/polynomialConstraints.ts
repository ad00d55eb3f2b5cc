import { CholeskyDecomposition, Matrix, inverse } from 'ml-matrix'
import { SymscopeError } from '../../errors.js'
import { symmetricEigen } from '../../linalg/symmetricEigen.js'
import { exactNullSpace, holdsToRounding, missedDirections, refineOnto, type ExactSample } from './exactNullSpace.js'
import type { MomentAccumulator } from '../kernels/blockMoments.js'
import { constraintMetric, type ConstraintMetric } from './constraintMetric.js'
import { bilinear, complementBasis, covariance, degreeProblem, idealVectors, type DegreeProblem } from './degreeProblem.js'
import { echelonBasis } from './echelon.js'
import type { FeatureGroups } from '../featureGroups.js'
import { formatFormula, localiseTerms, type Term } from './formula.js'
import { snapFraction } from './fractions.js'
import type { AffineSpan } from './linearConstraints.js'
import { commonUnit, distanceFrame } from './noiseScale.js'
import { simplifyBudgetNote } from '../budget.js'
import { monomialBasis, type MonomialBasis } from './monomials.js'
import { derivative, substitute, type Polynomial } from './polynomial.js'
import { EXACT_CANDIDATE, EXACT_TOLERANCE, MAX_PAIR_TERMS, SIMPLIFY_LEVELS, SNAP_EXACT, SNAP_GROWTH } from '../tolerances.js'

/** A polynomial constraint g = 0 of degree 2 … 4 in the span coordinates. */
export interface PolynomialConstraint {
  /** g in the physical span coordinates u (the formula's left side minus its right side), on the search's basis. */
  physical: Polynomial
  /** g in the standardised coordinates z = (u − μ)/σ. */
  standardised: Polynomial
  degree: number
  /** The formula's right-hand side. */
  constant: number
  /** RMS of g over the spread of its terms, √(Σ (c_t σ_t)²): 0 exact … 1 no relation. */
  rms: number
  /** RMS of g in the formula's units. */
  rmsAbsolute: number
  /** Gradient-normalised RMS, RMS(g) / √E|∇_u g|²: the distance of the events from the surface, in feature units. */
  distance: number
  /** The same in standardised units (the generalised eigenvalue's root): what is compared with the noise scale. */
  distanceStandardised: number
  exact: boolean
  formula: string
}

/** The largest degree searched: 4 while the monomials of degree 1 … k number at most MAX_CONSTRAINT_MONOMIALS. */
export function constraintDegree(d: number, maxMonomials: number): number {
  for (let k = 4; k > 2; k--) if (monomialBasis(d, k).count - 1 <= maxMonomials) return k
  return 2
}

/**
 * Polynomial constraints of degree 2 … maxDegree in the span coordinates, degree by degree, after the approximate
 * vanishing ideal methods (VCA, Livni et al. 2013; OAVI, Wirth and Pokutta 2022) with gradient normalisation (Kera and
 * Hasegawa 2021). At degree k, over the non-constant monomials m_p of degree ≤ k in z (covariance C, gradient Gram
 * G_pq = E[∇_u m_p · ∇_u m_q] with the gradient in the physical coordinates, both from moments of degree ≤ 2k), the
 * generalised eigenproblem C w = λ G w gives polynomials with E[g²] / E|∇_u g|² = λ: √λ is the events' RMS distance
 * from the surface g = 0 in feature units (a circle of radius r with relative radial noise s reads s·r).
 * The products of the lower-degree constraints with monomials (their ideal, which vanishes on the data too) are
 * removed first (the problem is solved on the G-orthogonal complement of their span), so a degree-k candidate counts
 * only if the lower-degree constraints do not generate it. A candidate is a constraint when √λ < `scale`, the data's
 * noise scale in feature units (noiseScale.ts), the thinnest first, and only as many as the dimension needs (`need`
 * = d − the plateau's dimension, when known): beyond them a candidate below the noise scale is a fluctuation of the
 * noise, not a constraint. `initial` constraints (approximate linear ones) join the ideal and the count. Each is given a readable form (echelon, pivot 1, simple fractions where the RMS keeps)
 * and measured on the events in f64. Cost per degree O(N³) (N ≤ MAX_CONSTRAINT_MONOMIALS), plus O(n · N · d) per
 * constraint.
 *
 * @throws {SymscopeError} invalid_data when the gradient Gram matrix is singular (a design with too few distinct
 *   events for the degree)
 */
export function polynomialConstraints(
  moment: (alpha: ArrayLike<number>) => number, events: MomentAccumulator, rows: number, span: AffineSpan,
  names: readonly string[], groups: FeatureGroups, scale: number, maxDegree: number, initial: readonly PolynomialConstraint[] = [],
  need: number | null = null, sample: ExactSample | null = null,
): { constraints: PolynomialConstraint[]; metric: ConstraintMetric | null; searched: number; notes: string[] } {
  const d = span.free.length
  const notes: string[] = []
  const basis = monomialBasis(d, maxDegree)
  const mu = span.free.map((f) => span.means[f])
  const sigma = span.free.map((f) => span.spreads[f])
  const constraints: PolynomialConstraint[] = [...initial]
  // Distances in the frame of the noise scale (noiseScale.ts): ∂/∂(ℓ_a u_a) = ∂/∂u_a / ℓ_a.
  const frame = distanceFrame(sigma)
  const problems: DegreeProblem[] = []
  // Degrees whose gradient Gram matrix, from the moments, is singular to rounding: their metric reads E|∇h|² on the sample.
  const singularGradients = new Set<number>()
  // Past what the dimension needs, only exact constraints are taken (issue 16): a candidate at the floating-point
  // floor is no fluctuation of the noise, and an approximate linear relation that met the need (a thin ellipse reads
  // as a line at large scales) must not hide the exact quadric the events lie on. Its ideal then holds only the exact
  // constraints: an approximate one in it would take part of the exact one out of the complement.
  const exactFloor = EXACT_CANDIDATE * commonUnit(sigma.map((s, a) => s * frame.lengths[a]))
  for (let k = 2; k <= maxDegree; k++) {
    const exactOnly = need !== null && constraints.length >= need
    const problem = degreeProblem(moment, d, k, sigma.map((s, a) => s * frame.lengths[a]))
    problems[k] = problem
    const { n } = problem
    // The complement of the lower-degree constraints' ideal (their products vanish on the data, and so do their
    // gradients where a square appears: G is singular on the ideal, so the problem is posed on its complement).
    const complement = complementBasis(idealVectors(exactOnly ? constraints.filter((c) => c.exact) : constraints, problem, k), n)
    if (!complement.length) continue
    const restrictedC = complement.map((x) => complement.map((y) => bilinear(problem.covariance, x, y)))
    const restrictedG = complement.map((x) => complement.map((y) => bilinear(problem.gradient, x, y)))
    // The events' own null space at this degree (exactNullSpace.ts: QR of the design matrix, decided against its
    // floating-point floor): the eigenproblem of the moments below cannot see under ~√ε of its scale, and needs the
    // gradients' Gram matrix, which rounding takes away at degree 4 in correlated coordinates.
    const exactSpace = sample ? exactNullSpace(sample, problem.basis, complement, k) : null
    const cholesky = new CholeskyDecomposition(new Matrix(restrictedG.map((row, i) => row.map((v, j) => 0.5 * (v + restrictedG[j][i])))))
    const positive = cholesky.isPositiveDefinite()
    if (!positive) singularGradients.add(k)
    if (!positive && !exactSpace?.vectors.length) {
      // Past what the dimension needs, the exact search only looks further: a design too thin for it ends it.
      if (exactOnly) break
      throw new SymscopeError('invalid_data', `polynomial constraints of degree ${k}: the events do not determine the ${n} monomials' gradients (singular design; too few distinct events)`)
    }
    const inMonomials = (inComplement: readonly number[]) => {
      const c = new Array(n).fill(0)
      complement.forEach((basisVector, j) => basisVector.forEach((v, p) => (c[p] += inComplement[j] * v)))
      return c.map((v, p) => v * Math.sqrt(Math.max(covariance(problem, p, p), 0)))
    }
    const accepted: number[][] = []
    // Whether each accepted polynomial lies in the events' exact null space (refined onto it, or taken from it).
    const exactFlags: boolean[] = []
    const acceptedComplement: number[][] = []
    if (positive) {
      const lowerInverse = inverse(cholesky.lowerTriangularMatrix)
      const whitened = lowerInverse.mmul(new Matrix(restrictedC)).mmul(lowerInverse.transpose()).to2DArray()
      const { values, vectors } = symmetricEigen(whitened.map((row, i) => row.map((v, j) => 0.5 * (v + whitened[j][i]))))
      const order = values.map((_, i) => i).sort((x, y) => values[x] - values[y])
      for (const i of order) {
        if (Math.sqrt(Math.max(values[i], 0)) >= (exactOnly ? Math.min(scale, exactFloor) : scale)) break
        // Generalised eigenvector in the complement's coordinates, then in the monomials: c = B L⁻ᵀ y.
        const computed = lowerInverse.transpose().mmul(Matrix.columnVector(vectors.map((row) => row[i]))).to1DArray()
        // An exact polynomial computed to the moments' precision: refined to its projection on the events' null space.
        const refined = exactSpace ? refineOnto(computed, exactSpace.vectors) : null
        if (refined) acceptedComplement.push(refined)
        // Past the need, only exact ones: a polynomial the events' null space does not hold is no candidate.
        if (!exactOnly || !exactSpace || refined) {
          accepted.push(inMonomials(refined ?? computed))
          exactFlags.push(refined !== null)
        }
        if (!exactOnly && need !== null && constraints.length + accepted.length >= need) break
      }
    }
    // The exact polynomials the moments missed (below their floor, or without a gradient Gram matrix): the part of the
    // events' null space outside the span of the exact ones taken, as many as the need leaves room for (all past it).
    if (exactSpace?.vectors.length && (exactOnly || !positive || need === null || constraints.length + accepted.length < need)) {
      const room = !exactOnly && need !== null ? need - constraints.length - accepted.length : Infinity
      for (const v of missedDirections(exactSpace.vectors, acceptedComplement).slice(0, room)) {
        accepted.push(inMonomials(v))
        exactFlags.push(true)
      }
    }
    if (!accepted.length) continue
    if (exactSpace?.note) notes.push(exactSpace.note)
    // Readable: echelon form in standardised coefficients, degree-k monomials (earlier first) as pivots; the exact
    // polynomials reduced among themselves (an approximate part mixed in would make them approximate), then listed
    // with the approximate ones in the order of their pivots.
    const preference = (p: number) => basis.degrees[p + 1] * 10_000 - p
    const listed: { pivot: number; constraint: PolynomialConstraint }[] = []
    for (const exactGroup of exactSpace ? [true, false] : [false]) {
      const group = accepted.filter((_, i) => !exactSpace || exactFlags[i] === exactGroup)
      if (!group.length) continue
      const { rows: reduced, pivots } = echelonBasis(group, preference)
      reduced.forEach((w, r) => {
        if (basis.degrees[pivots[r] + 1] !== k) return
        const cz = new Float64Array(basis.count)
        w.forEach((v, p) => {
          const spread = Math.sqrt(Math.max(covariance(problem, p, p), 0))
          cz[p + 1] = spread > 0 ? v / spread : 0
        })
        for (let p = 1; p <= n; p++) cz[0] -= cz[p] * problem.means[p]
        // Simplifying an approximate constraint measures up to ~n trials on every event, each over its n monomials and
        // their d gradients: estimated first (budget.ts), and past the budget the computed coefficients are kept, noted.
        const simplifyNote = simplifyBudgetNote(rows, n, d, k)
        // Exact only where it vanishes on the events to their floating-point floor (exactNullSpace.ts): a fitted
        // polynomial whose events lie within 1e-10 of it is a thin approximate one, not a relation that holds to rounding.
        const exactAllowed = !sample || (exactGroup && holdsToRounding(cz, basis, sample, k))
        const constraint = readable(cz, pivots[r] + 1, basis, mu, sigma, events, rows, span, names, groups, scale, simplifyNote === null, exactAllowed)
        if (constraint && (!exactOnly || constraint.exact)) {
          listed.push({ pivot: pivots[r], constraint })
          if (simplifyNote && !constraint.exact && !notes.includes(simplifyNote)) notes.push(simplifyNote)
        }
      })
    }
    constraints.push(...listed.sort((x, y) => x.pivot - y.pivot).map((l) => l.constraint))
  }
  const top = Math.max(0, ...constraints.map((c) => c.degree))
  const metricDegree = Math.max(top, 2)
  return { constraints, metric: constraints.length ? constraintMetric(constraints, problems[metricDegree], metricDegree, singularGradients.has(metricDegree) ? sample : null) : null, searched: maxDegree, notes }
}

/**
 * The constraint as written: in physical coordinates with the pivot monomial's coefficient 1, rounded to simple
 * fractions when that keeps its RMS within SNAP_GROWTH, measured on the events (RMS, relative RMS, gradient-normalised
 * distance), with a positive first term and, where exact aliases allow, in the features of one group.
 */
function readable(
  cz: Polynomial, pivot: number, basis: MonomialBasis, mu: readonly number[], sigma: readonly number[], events: MomentAccumulator, rows: number,
  span: AffineSpan, names: readonly string[], groups: FeatureGroups, scale: number, simplifyApproximately = true, exactAllowed = true,
): PolynomialConstraint {
  const toPhysical = (p: Polynomial) => substitute(p, basis, mu.map((m, a) => -m / sigma[a]), sigma.map((s) => 1 / s))
  const cu = toPhysical(cz)
  const pivotValue = cu[pivot]
  for (let m = 0; m < basis.count; m++) cu[m] /= pivotValue
  cu[0] = 0
  const size = (m: number) => Math.abs(cu[m]) * basis.exponents[m].reduce((s, e, a) => s * sigma[a] ** e, 1)
  const largest = Math.max(...Array.from({ length: basis.count }, (_, m) => size(m)))
  const raw = measure(cu, basis, events, rows, span.free, sigma)
  // Exact only where the events' null space says so (exactNullSpace.ts): a fitted polynomial whose events lie within
  // 1e-10 of it is a thin approximate one, not a relation that holds to rounding.
  const exactRaw = exactAllowed && raw.relative < EXACT_TOLERANCE
  const simplify = (tolerance: number) => cu.map((c, m) => (m === 0 || size(m) < tolerance * largest ? 0 : snapFraction(c, tolerance)))
  let coefficients: Polynomial = cu
  let fit = raw
  if (exactRaw) {
    const snapped = simplify(SNAP_EXACT)
    const rounded = measure(snapped, basis, events, rows, span.free, sigma)
    if (rounded.relative < EXACT_TOLERANCE) [coefficients, fit] = [snapped, rounded]
  } else if (simplifyApproximately) {
    ;[coefficients, fit] = simplifyApproximate(cu, pivot, raw, size, (c) => measure(c, basis, events, rows, span.free, sigma))
  }
  const exact = exactAllowed && fit.relative < EXACT_TOLERANCE
  let constant = exact && Math.abs(fit.mean) <= EXACT_TOLERANCE * fit.magnitude ? 0 : fit.mean
  const physical = Float64Array.from(coefficients)
  physical[0] = -constant
  const standardised = substitute(physical, basis, mu, sigma)
  const degree = Math.max(...Array.from({ length: basis.count }, (_, m) => (coefficients[m] !== 0 ? basis.degrees[m] : 0)))
  const factorsOf = (m: number) => [...basis.exponents[m]].flatMap((e, a) => Array.from({ length: e }, () => span.free[a]))
  const terms: Term[] = []
  for (let m = 1; m < basis.count; m++) if (coefficients[m] !== 0) terms.push({ coefficient: coefficients[m], factors: factorsOf(m) })
  let display = localiseTerms(terms, groups.groupOf[factorsOf(pivot)[0]], span.aliases, groups.groupOf)
  if (display[0]?.coefficient < 0) {
    display = display.map((t) => ({ ...t, coefficient: -t.coefficient }))
    constant = -constant || 0
  }
  return {
    physical, standardised, degree, constant, rms: fit.relative, rmsAbsolute: fit.rms, distance: fit.distance,
    distanceStandardised: fit.distanceStandardised, exact, formula: formatFormula(display, names, constant, exact),
  }
}

/**
 * An approximate constraint's coefficients carry the noise: the simplest polynomial whose events lie as close to its
 * surface as to the computed one's (distance within SNAP_GROWTH) is as much a constraint, and the one to read
 * (issue 9: the dimuon mass reads E1·E2 + px1² + py1² − pz1·pz2 ≈ M²/2, not a mixture with coefficients 0.79 and
 * 0.79). Terms are dropped one at a time, the smallest first, then each coefficient but the pivot's is rounded to the
 * simplest fraction within the coarsest tolerance of SIMPLIFY_LEVELS that keeps the distance. Greedy term by term,
 * because a term's size in standardised units says little of what it does to the distance: the transverse squares
 * of a boosted dimuon are small beside E1·E2 and pz1·pz2, and without them the surface is half as thick again, a
 * different constraint, yet still far inside the noise scale. One pass over the events per trial (wasm).
 */
function simplifyApproximate(
  cu: Polynomial, pivot: number, raw: Fit, size: (m: number) => number, measureOf: (c: Polynomial) => Fit,
): [Polynomial, Fit] {
  const limit = SNAP_GROWTH * raw.distance
  let best: Polynomial = Float64Array.from(cu)
  let fit = raw
  const tryTrial = (trial: Polynomial): boolean => {
    const trialFit = measureOf(trial)
    if (!(trialFit.distance <= limit)) return false
    ;[best, fit] = [trial, trialFit]
    return true
  }
  const terms = Array.from({ length: cu.length - 1 }, (_, i) => i + 1).filter((m) => cu[m] !== 0 && m !== pivot)
  const without = (...dropped: number[]) => best.map((c, m) => (dropped.includes(m) ? 0 : c))
  for (const m of [...terms].sort((a, b) => size(a) - size(b))) tryTrial(without(m))
  // Pairs that only cancel together (E1·pz2 and pz1·E2 with opposite small coefficients), where few terms are left.
  const left = () => terms.filter((t) => best[t] !== 0)
  if (left().length <= MAX_PAIR_TERMS) {
    for (const a of left()) for (const b of left()) if (a < b && best[a] !== 0 && best[b] !== 0) tryTrial(without(a, b))
  }
  for (const m of left().sort((a, b) => size(b) - size(a))) {
    for (const level of SIMPLIFY_LEVELS) {
      const rounded = snapFraction(best[m], level)
      if (rounded === best[m]) continue
      const trial = Float64Array.from(best) as Polynomial
      trial[m] = rounded
      if (tryTrial(trial)) break
    }
  }
  return [best, fit]
}

type Fit = ReturnType<typeof measure>

/**
 * g on the events (f64, one pass over the monomials of each event, in the moment kernels: assembly/symmetries/
 * polynomialSums.ts): mean, RMS about it, relative RMS (over √Σ_t (c_t σ_t)², σ_t the spread of term t's monomial),
 * the gradient-normalised distance RMS(g)/√E|∇_u g|², and the terms' RMS magnitude (to tell a zero constant).
 */
function measure(c: Polynomial, basis: MonomialBasis, events: MomentAccumulator, rows: number, free: readonly number[], sigma: readonly number[]) {
  const d = free.length
  const sums = events.polynomial({
    columns: Int32Array.from(free), basis, coefficients: c, gradients: Array.from({ length: d }, (_, a) => derivative(c, a, basis)), sigma: Float64Array.from(sigma),
  })
  const mean = sums.sum / rows
  const rms = Math.sqrt(sums.squares / rows)
  let spread = 0
  for (let m = 1; m < basis.count; m++) {
    if (c[m] !== 0) spread += c[m] ** 2 * Math.max(sums.termSquares[m] / rows - (sums.termSum[m] / rows) ** 2, 0)
  }
  const scale = Math.sqrt(spread)
  const gradientRms = Math.sqrt(sums.gradientSquares / rows)
  const gradientRmsZ = Math.sqrt(sums.gradientSquaresZ / rows)
  return {
    mean, rms, relative: scale > 0 ? rms / scale : 0, magnitude: Math.sqrt(sums.magnitude / rows),
    // In feature units, or in the standardised frame times the common unit when the coordinates do not share units.
    distance: distanceFrame(sigma).standardised ? (gradientRmsZ > 0 ? (rms / gradientRmsZ) * commonUnit(sigma) : 0) : gradientRms > 0 ? rms / gradientRms : 0,
    // ∇_z g = σ ∘ ∇_u g: the same distance in standardised units.
    distanceStandardised: gradientRmsZ > 0 ? rms / gradientRmsZ : 0,
  }
}
