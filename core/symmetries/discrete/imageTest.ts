import { symmetricEigen } from '../../linalg/symmetricEigen.js'
import type { JacobiRotations } from '../../linalg/jacobiRotations.js'
import { chiSquareSurvival } from '../../stats/chiSquareSurvival.js'
import type { SymscopeWasm } from '../../wasm/module.js'
import { monomialBasis, monomialCount, type MonomialBasis } from '../constraints/monomials.js'
import { monomial, multiply } from '../constraints/polynomial.js'
import type { ImageKernels } from './imageKernels.js'
import type { SpanMap } from './maps.js'
import { MAX_ASYMMETRY_EVENTS, MAX_DISCRETE_TEST_FUNCTIONS, PAIR_EVENTS, PAIR_RANK_TOLERANCE, Z_95_ONE_SIDED, Z_95_TWO_SIDED } from './tolerances.js'

/** The two halves of the events as standardised span coordinates (the first proposes, the second tests). */
export interface Halves {
  first: Float64Array
  firstRows: number
  second: Float64Array
  secondRows: number
  d: number
}

/** The asymmetry along the most odd direction, measured on the half that did not choose it (both ways, pooled). */
export interface Asymmetry {
  /** (N₊ − N₋)/(N₊ + N₋) of the sign of the odd function o(x) = w·(m(x) − m(Tx)). */
  value: number
  standardError: number
  /** 95 % interval. */
  low: number
  high: number
  /** One-sided 95 % upper limit on |A|: the largest asymmetry these events could hide. */
  upperLimit: number
  /** Events with o ≠ 0. */
  events: number
  /** The odd function's leading terms, in the standardised span coordinates ("z(pz1)"). */
  direction: string
}

export interface ImageTest {
  statistic: number
  degreesOfFreedom: number
  /** Events of the second half whose pair sums the statistic reads. */
  events: number
  testFunctions: number
  pValue: number
  /** The same test on the first half (used only to choose which compositions to test). */
  proposalPValue: number
  asymmetry: Asymmetry | null
}

/**
 * The test functions' degree: the largest k ≤ 4 with at most MAX_DISCRETE_TEST_FUNCTIONS non-constant monomials, at
 * least 2 (4 for d ≤ 4, 3 for d = 5, 2 beyond). Degree 4 matters: for a distribution invariant under a common
 * rotation of two planes, the moments of degree ≤ 3 reduce to the planes' 2 × 2 cross-covariance, which some
 * reflection always keeps; a chirality shows first at degree 4.
 */
export function discreteTestDegree(d: number): number {
  for (let k = 4; k > 2; k--) if (monomialCount(d, k) - 1 <= MAX_DISCRETE_TEST_FUNCTIONS) return k
  return 2
}

/** V = Σ h hᵀ of the test half, diagonalised once: Sᵀ V⁺ S and the most odd direction V⁺ S for any sums S. */
function whitening(sums: Float64Array, count: number, rotations: JacobiRotations) {
  const v = Array.from({ length: count }, (_, p) => Array.from(sums.subarray(count + p * count, count + (p + 1) * count)))
  const { values, vectors } = symmetricEigen(v, rotations)
  const largest = Math.max(0, values[0] ?? 0)
  const kept = values.flatMap((lambda, k) => (largest > 0 && lambda > PAIR_RANK_TOLERANCE * largest ? [k] : []))
  return {
    rank: kept.length,
    /** Sᵀ V⁺ S · scale and V⁺ S. */
    apply(s: ArrayLike<number>, scale = 1) {
      const direction = new Float64Array(count)
      let statistic = 0
      for (const k of kept) {
        let proj = 0
        for (let p = 0; p < count; p++) proj += vectors[p][k] * s[p]
        statistic += (proj * proj) / values[k]
        for (let p = 0; p < count; p++) direction[p] += (vectors[p][k] * proj) / values[k]
      }
      return { statistic: statistic * scale, direction }
    },
  }
}

/**
 * Orients a direction by its own half only (so the other half measures it honestly): its largest degree-1 entry
 * positive (the linear term names the asymmetry: "along +pz1"), the largest entry when it has no linear part.
 */
function orient(w: Float64Array, basis: MonomialBasis): Float64Array {
  const largest = Math.max(0, ...Array.from(w, Math.abs))
  let pick = -1
  for (let m = 0; m < basis.count; m++) if (basis.degrees[m] === 1 && Math.abs(w[m]) > 1e-9 * largest && (pick < 0 || Math.abs(w[m]) > Math.abs(w[pick]))) pick = m
  if (pick < 0) for (let m = 0; m < basis.count; m++) if (pick < 0 || Math.abs(w[m]) > Math.abs(w[pick])) pick = m
  return w[pick] < 0 ? w.map((v) => -v) : w
}

/**
 * o = w·m − (w·m)∘T as one polynomial on the basis, so each event costs one monomial fill: the image of each monomial
 * under the affine map is its parent's image times one linear form (T's row), as polynomial.ts substitutes.
 */
export function oddPolynomial(w: Float64Array, basis: MonomialBasis, map: SpanMap): Float64Array {
  const d = basis.variables
  const linear = Array.from({ length: d }, (_, a) => {
    const f = new Float64Array(basis.count)
    f[0] = map[a * (d + 1) + d]
    for (let c = 0; c < d; c++) f[1 + c] = map[a * (d + 1) + c]
    return f
  })
  const out = Float64Array.from(w)
  const images: Float64Array[] = [monomial(0, basis)]
  out[0] -= w[0]
  for (let m = 1; m < basis.count; m++) {
    images[m] = multiply(images[basis.parents[m]], linear[basis.factors[m]], basis)
    if (w[m] !== 0) for (let k = 0; k < basis.count; k++) out[k] -= w[m] * images[m][k]
  }
  return out
}

function directionText(w: Float64Array, basis: MonomialBasis, names: readonly string[]): string {
  const largest = Math.max(0, ...Array.from(w, Math.abs))
  if (largest === 0) return ''
  const terms = [...w.keys()].filter((m) => Math.abs(w[m]) > 0.2 * largest).sort((a, b) => Math.abs(w[b]) - Math.abs(w[a])).slice(0, 4)
  return terms.map((m, i) => {
    const name = basis.exponents[m].reduce<string[]>((out, e, a) => (e ? [...out, `z(${names[a]})${['', '', '²', '³', '⁴'][e] ?? ''}`] : out), []).join('·')
    const c = Number((w[m] / largest).toPrecision(2))
    return `${i === 0 ? (c < 0 ? '−' : '') : c < 0 ? ' − ' : ' + '}${Math.abs(c) === 1 ? '' : `${Math.abs(c)} `}${name}`
  }).join('')
}

/**
 * The distribution test of an involution T (issue 20, item 3). Under H0 (T x has the law of x) each event and its
 * image are exchangeable, so the odd parts h(x) = m(x) − m(Tx) of the test functions have a law symmetric about 0
 * given their sizes, and S = Σ h over the second half has mean 0 and, conditionally on |h|, covariance exactly
 * V = Σ h hᵀ (the sign-flip randomisation of the orbit pairs {x, Tx}, the conditional test of Chiu and
 * Bloem-Reddy 2023 for the group {1, T}). T = Sᵀ V⁺ S is χ² with rank(V) degrees of freedom (central limit theorem
 * for the signs). It is the squared MMD between the events and their images with the polynomial kernel of the
 * whitened test functions, compared through the exchangeability of each pair rather than a permutation of halves.
 * The asymmetry: the direction w = V⁺ S maximises the standardised odd mean; chosen on one half and measured on the
 * other as (N₊ − N₋)/(N₊ + N₋) of sign(w·h), both ways, pooled (each count is measured on events the direction did
 * not see). For e⁺e⁻ → μ⁺μ⁻ and the exchange of the muons, w·h is nearly a multiple of cos θ, and A is A_FB.
 * One map at a time; the section tests its maps with `pendingImageTest` and counts every map's signs in one pass
 * (`measureAsymmetries`), which gives the same numbers.
 */
export function imageTest(
  wasm: SymscopeWasm, kernels: ImageKernels, halves: Halves, map: SpanMap, names: readonly string[],
): ImageTest {
  return measureAsymmetries(wasm, kernels, halves, [pendingImageTest(wasm, kernels, halves, map, names)])[0]
}

/** An image test whose asymmetry is still to be counted: the odd polynomials whose signs measure it on each half. */
export interface PendingImageTest {
  /** The test, its asymmetry null until `measureAsymmetries`. */
  test: ImageTest
  /** o = w·m − (w·m)∘T with w chosen on the first half (counted on the second), and with w from the second half. */
  odd: { onSecond: Float64Array; onFirst: Float64Array; direction: string } | null
}

/** The statistic, its p-values and the two most odd directions of one map (imageTest without the sign counts). */
export function pendingImageTest(
  wasm: SymscopeWasm, kernels: ImageKernels, halves: Halves, map: SpanMap, names: readonly string[],
): PendingImageTest {
  const { d } = halves
  const basis = monomialBasis(d, discreteTestDegree(d))
  const count = basis.count
  const pairRows = (rows: number) => Math.min(rows, PAIR_EVENTS)
  const second = { z: halves.second.subarray(0, pairRows(halves.secondRows) * d), rows: pairRows(halves.secondRows), d, map, basis }
  const first = { z: halves.first.subarray(0, pairRows(halves.firstRows) * d), rows: pairRows(halves.firstRows), d, map, basis }
  const sums = kernels.moments(wasm, second, true)
  const whiten = whitening(sums, count, kernels.rotations(wasm))
  const rank = whiten.rank
  const tested = whiten.apply(sums.subarray(0, count))
  const pValue = rank ? chiSquareSurvival(tested.statistic, rank) : 1
  // The first half's sums, whitened by the second half's V: V is even in each event's sign (h h ᵀ = (−h)(−h)ᵀ), so
  // a direction V⁺ S₁ depends on the second half only through what the sign-flip null conditions on, and the
  // second half measures it honestly. Its χ² (scaled by the halves' sizes) only chooses the compositions to test.
  const proposed = whiten.apply(kernels.moments(wasm, first, false), second.rows / first.rows)
  const proposalPValue = rank ? chiSquareSurvival(proposed.statistic, rank) : 1
  const test = { statistic: tested.statistic, degreesOfFreedom: rank, events: second.rows, testFunctions: count - 1, pValue, proposalPValue, asymmetry: null }
  if (!rank) return { test, odd: null }
  const fromFirst = orient(proposed.direction, basis)
  const fromSecond = orient(tested.direction, basis)
  return {
    test,
    odd: { onSecond: oddPolynomial(fromFirst, basis, map), onFirst: oddPolynomial(fromSecond, basis, map), direction: directionText(fromFirst, basis, names) },
  }
}

/**
 * The asymmetries of pending tests (all on the same halves): every map's odd polynomials counted in one sign pass per
 * half (the monomials of an event are filled once for all of them), pooled over both halves as imageTest describes.
 */
export function measureAsymmetries(wasm: SymscopeWasm, kernels: ImageKernels, halves: Halves, pending: readonly PendingImageTest[]): ImageTest[] {
  const { d } = halves
  const basis = monomialBasis(d, discreteTestDegree(d))
  const counted = pending.filter((p) => p.odd)
  const counts = { first: [] as [number, number][], second: [] as [number, number][] }
  if (counted.length) {
    const [rows1, rows2] = [Math.min(halves.firstRows, MAX_ASYMMETRY_EVENTS), Math.min(halves.secondRows, MAX_ASYMMETRY_EVENTS)]
    const join = (pick: (o: NonNullable<PendingImageTest['odd']>) => Float64Array) => {
      const out = new Float64Array(counted.length * basis.count)
      counted.forEach((p, t) => out.set(pick(p.odd!), t * basis.count))
      return out
    }
    const map = new Float64Array((d + 1) ** 2) // not read by the sign pass
    counts.second = kernels.signs(wasm, { z: halves.second.subarray(0, rows2 * d), rows: rows2, d, map, basis }, join((o) => o.onSecond))
    counts.first = kernels.signs(wasm, { z: halves.first.subarray(0, rows1 * d), rows: rows1, d, map, basis }, join((o) => o.onFirst))
  }
  let t = 0
  return pending.map((p) => {
    if (!p.odd) return p.test
    const [[p2, n2], [p1, n1]] = [counts.second[t], counts.first[t]]
    t++
    const events = p1 + n1 + p2 + n2
    if (events === 0) return p.test
    const value = (p1 + p2 - n1 - n2) / events
    const standardError = Math.sqrt(Math.max(1 - value * value, 1 / events) / events)
    const asymmetry = {
      value, standardError,
      low: value - Z_95_TWO_SIDED * standardError,
      high: value + Z_95_TWO_SIDED * standardError,
      upperLimit: Math.min(1, Math.abs(value) + Z_95_ONE_SIDED * standardError),
      events,
      direction: p.odd.direction,
    }
    return { ...p.test, asymmetry }
  })
}
