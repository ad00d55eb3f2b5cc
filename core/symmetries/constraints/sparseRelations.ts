import { snapFraction } from './fractions.js'
import { EXACT_TOLERANCE, MAX_DENOMINATOR, MAX_PIVOT_SETS, NUMERICAL_NULL, PIVOT_THRESHOLD, SIMPLIFY_LEVELS, SNAP_GROWTH } from '../tolerances.js'

/**
 * Linear relations written in a sparse, canonical basis (issue 16, item 5): the same space of relations, in reduced
 * row echelon form on the pivots that make it simplest, each row rounded to small rationals only where the rounded
 * relation still holds within the computed one's own measured spread, then scaled to coprime integers. A physicist
 * reads `px1 + px2 ≈ 0`, not `0.0546 E1 + 1.14 px1 + … + px2 ≈ −4.4`.
 */

/** How well Σ_j c_j x_j ≈ constant holds: its RMS relative to √(Σ (c_j σ_j)²), the scale-free measure the search uses. */
export type RelativeRms = (coefficients: readonly number[]) => number

export interface SparseRelationsInput {
  /** A basis of the relation space: rows over `columns`, in standardised units (w_j = c_j σ_j). */
  basis: readonly (readonly number[])[]
  /** The feature index of each basis column, and the number of features. */
  columns: readonly number[]
  features: number
  /** σ_j of every feature. */
  spreads: readonly number[]
  /**
   * Whether a rounded relation holds (`holdsWithin`): exact relations must stay exact, the others within SNAP_GROWTH
   * of the computed row's relative RMS. `estimate` is cheap (from the covariance, to compare pivot choices), `measure`
   * decides (on the events themselves, which see below the covariance's √ε floor).
   */
  holds: (candidate: readonly number[], computed: readonly number[], measure: 'estimate' | 'measure') => boolean
}

/** A rounded row: its coefficients over all features, the number of nonzero ones, and the size of its integers. */
interface Rounded {
  coefficients: number[]
  terms: number
  /** Σ |integer coefficients| once scaled to coprime integers; Infinity when a coefficient is not a simple fraction. */
  size: number
}

/** The denominator q ≤ MAX_DENOMINATOR of a coefficient that snapFraction made p/q, else 0. */
function denominatorOf(value: number): number {
  for (let q = 1; q <= MAX_DENOMINATOR; q++) if (Math.abs(value * q - Math.round(value * q)) <= 1e-9 * Math.max(1, Math.abs(value * q))) return q
  return 0
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

/**
 * The coefficients scaled to coprime integers when every one is a simple fraction of at most MAX_DENOMINATOR in size
 * (x5 − 2/3 x1 → 3 x5 − 2 x1), else unchanged; with the factor applied.
 */
export function integerRelation(coefficients: readonly number[]): { coefficients: number[]; factor: number } {
  const denominators = coefficients.filter((c) => c !== 0).map((c) => (Math.abs(c) <= MAX_DENOMINATOR ? denominatorOf(c) : 0))
  if (!denominators.length || denominators.includes(0)) return { coefficients: [...coefficients], factor: 1 }
  const lcm = denominators.reduce((a, q) => (a * q) / gcd(a, q), 1)
  const integers = coefficients.map((c) => Math.round(c * lcm))
  const common = integers.reduce((a, v) => gcd(a, Math.abs(v)), 0) || 1
  const factor = lcm / common
  return { coefficients: integers.map((v) => v / common || 0), factor }
}

/**
 * How a group is written. `searchPivots`: try every pivot set (the loose relations, which take no coordinate away);
 * else the echelon form's own pivots (the groups that restrict the coordinates keep them, and keep the span's dependent
 * features). `levels`: the simplification levels, coarsest first. `simpleOnly`: round only coefficients of a simple
 * fraction's size (at most MAX_DENOMINATOR), and scale rows of simple fractions to coprime integers.
 */
export interface WritingOptions {
  searchPivots: boolean
  levels: readonly number[]
  simpleOnly: boolean
}

/** The loose relations' writing: every pivot set, every level of SIMPLIFY_LEVELS, integers. */
export const SPARSE_WRITING: WritingOptions = { searchPivots: true, levels: SIMPLIFY_LEVELS, simpleOnly: true }

/**
 * The row simplified at each of `levels`, coarsest first (entries whose standardised size is below that fraction of
 * the largest set to zero, the others snapped to fractions within that relative tolerance), keeping the coarsest that
 * `holds` by `how`; the computed row when none does (level = levels.length).
 */
function roundRow(row: readonly number[], pivot: number, input: SparseRelationsInput, options: WritingOptions, how: 'estimate' | 'measure'): Rounded & { level: number } {
  const { spreads, holds } = input
  const largest = Math.max(...row.map((c, j) => Math.abs(c * spreads[j])))
  for (let l = 0; l < options.levels.length; l++) {
    const level = options.levels[l]
    // The pivot's 1 stays, whatever its size: distinct pivots keep the rows a basis (two rows never round to one).
    // With simpleOnly, 86345.2 stays: a unit conversion, not an integer.
    const snap = (c: number) => (options.simpleOnly && Math.abs(c) > MAX_DENOMINATOR ? c : snapFraction(c, level))
    const candidate = row.map((c, j) => (j === pivot ? 1 : Math.abs(c * spreads[j]) < level * largest ? 0 : snap(c)))
    if (candidate.every((c) => c === 0) || !holds(candidate, row, how)) continue
    const integers = integerRelation(candidate)
    const size = candidate.some((c) => c !== 0 && denominatorOf(c) === 0) ? Infinity : integers.coefficients.reduce((s, c) => s + Math.abs(c), 0)
    return { coefficients: candidate, terms: candidate.filter((c) => c !== 0).length, size, level: l }
  }
  return { coefficients: [...row], terms: row.filter((c) => c !== 0).length, size: Infinity, level: options.levels.length }
}

/**
 * The rows of `basis` solved for the pivot columns `pivots` (B = W_P⁻¹ W by Gauss–Jordan with partial pivoting),
 * in physical units with each pivot's coefficient 1; null when W_P is singular to working precision.
 */
function solveFor(basis: readonly (readonly number[])[], pivots: readonly number[], input: SparseRelationsInput, weighty: boolean): { row: number[]; pivot: number }[] | null {
  const k = basis.length
  const rows = basis.map((r) => [...r])
  const scale = Math.max(...rows.flat().map(Math.abs))
  for (let i = 0; i < k; i++) {
    const column = pivots[i]
    let best = i
    for (let r = i + 1; r < k; r++) if (Math.abs(rows[r][column]) > Math.abs(rows[best][column])) best = r
    if (Math.abs(rows[best][column]) <= 1e-8 * scale) return null
    ;[rows[i], rows[best]] = [rows[best], rows[i]]
    const pivot = rows[i][column]
    rows[i] = rows[i].map((v) => v / pivot)
    for (let r = 0; r < k; r++) {
      if (r === i || rows[r][column] === 0) continue
      const factor = rows[r][column]
      rows[r] = rows[r].map((v, j) => v - factor * rows[i][j])
    }
  }
  // Each pivot must carry its row (threshold pivoting, as in echelon.ts): a pivot far smaller than the row's largest
  // term writes another relation with a negligible term in front, and its relative RMS would not see the difference.
  if (weighty && rows.some((row, i) => Math.abs(row[pivots[i]]) < PIVOT_THRESHOLD * Math.max(...row.map(Math.abs)))) return null
  return rows.map((row, i) => {
    const physical = new Array(input.features).fill(0)
    row.forEach((w, j) => (physical[input.columns[j]] = w / input.spreads[input.columns[j]]))
    const pivot = input.columns[pivots[i]]
    const at = physical[pivot]
    return { row: physical.map((c) => c / at), pivot }
  })
}

/** The k-subsets of 0 … m − 1 in lexicographic order, at most `limit` of them (null past it). */
function subsets(m: number, k: number, limit: number): number[][] | null {
  const out: number[][] = []
  const pick = (start: number, chosen: number[]): boolean => {
    if (chosen.length === k) return out.push([...chosen]) <= limit
    for (let c = start; c <= m - (k - chosen.length); c++) if (!pick(c + 1, [...chosen, c])) return false
    return true
  }
  return pick(0, []) ? out : null
}

/**
 * The sparse canonical basis of one group of relations (all exact, or all approximate). With `searchPivots`, every
 * pivot set is tried when there are at most MAX_PIVOT_SETS, each row rounded by the cheap estimate, and the set with
 * the fewest terms, then the smallest integers, then the latest pivots wins (ties keep the echelon form's reading);
 * a set whose pivot is under PIVOT_THRESHOLD of its row's largest term is skipped. Otherwise (and when no set passes)
 * the echelon form's `defaultPivots` are kept. The chosen rows are then rounded again against the events. Rows come
 * back in pivot order with coefficients over all features, the pivot's at 1, or, with `simpleOnly`, scaled to coprime
 * integers where every one is a simple fraction. Cost: at most MAX_PIVOT_SETS · k · |levels| estimates of O(m²), plus
 * k · |levels| measures over the events.
 */
export function sparseRelations(input: SparseRelationsInput, defaultPivots: readonly number[], options: WritingOptions): number[][] {
  const k = input.basis.length
  const m = input.columns.length
  if (k === 0) return []
  const fallback = [...defaultPivots].sort((a, b) => a - b)
  let best: { rows: { row: number[]; pivot: number }[]; terms: number; size: number; late: number } | null = null
  for (const pivots of (options.searchPivots ? subsets(m, k, MAX_PIVOT_SETS) : null) ?? []) {
    const rows = solveFor(input.basis, pivots, input, true)
    if (!rows) continue
    const rounded = rows.map(({ row, pivot }) => roundRow(row, pivot, input, options, 'estimate'))
    const terms = rounded.reduce((s, r) => s + r.terms, 0)
    const size = rounded.reduce((s, r) => s + r.size, 0)
    const late = pivots.reduce((s, p) => s + p, 0)
    if (!best || terms < best.terms || (terms === best.terms && (size < best.size || (size === best.size && late > best.late)))) {
      best = { rows, terms, size, late }
    }
  }
  const rows = best?.rows ?? solveFor(input.basis, fallback, input, false)
  if (!rows) return []
  // Measured on the events: the coarsest level that holds there (the estimate cannot see below its floor).
  return rows.map(({ row, pivot }) => {
    const rounded = roundRow(row, pivot, input, options, 'measure')
    if (rounded.level === options.levels.length) return row
    return options.simpleOnly ? integerRelation(rounded.coefficients).coefficients : rounded.coefficients
  })
}

/**
 * `holds` for relations measured by a relative RMS: a computed row that is exact (below the floor: the estimate's
 * NUMERICAL_NULL, the events' EXACT_TOLERANCE) must stay exact; any other may grow by at most SNAP_GROWTH.
 */
export function holdsWithin(estimate: RelativeRms, measure: RelativeRms): SparseRelationsInput['holds'] {
  const computedValues = new WeakMap<readonly number[], { estimate?: number; measure?: number }>()
  return (candidate, computed, how) => {
    const relative = how === 'estimate' ? estimate : measure
    const floor = how === 'estimate' ? NUMERICAL_NULL : EXACT_TOLERANCE
    const known = computedValues.get(computed) ?? {}
    const base = (known[how] ??= relative(computed))
    computedValues.set(computed, known)
    const value = relative(candidate)
    return base < floor ? value < floor : value <= SNAP_GROWTH * base
  }
}
