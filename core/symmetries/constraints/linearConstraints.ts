import { symmetricEigen } from '../../linalg/symmetricEigen.js'
import type { MomentAccumulator } from '../kernels/blockMoments.js'
import { echelonBasis } from './echelon.js'
import { formatFormula } from './formula.js'
import { snapFraction } from './fractions.js'
import { monomialBasis } from './monomials.js'
import { holdsWithin, integerRelation, SPARSE_WRITING, sparseRelations } from './sparseRelations.js'
import { EXACT_TOLERANCE, LOOSE_LINEAR_TOLERANCE, NUMERICAL_NULL, SNAP_APPROXIMATE, SNAP_EXACT, SPAN_TOLERANCE } from '../tolerances.js'

/** A linear constraint Σ_j c_j x_j = constant, coefficients on all features, physical units. */
export interface LinearConstraint {
  coefficients: number[]
  constant: number
  /** Residual RMS in the units of the formula, and relative to √(Σ (c_j σ_j)²). */
  rmsAbsolute: number
  rms: number
  exact: boolean
  /** Tight enough (relative RMS < SPAN_TOLERANCE) to take a coordinate away from the later steps. */
  restricts: boolean
  formula: string
}

/**
 * The affine span the later steps work in: x = offset + basis · u, with u the `free` features (a subset of the
 * original ones, so formulas stay in feature names). basis is D × d row-major; a free feature's row is a unit vector.
 */
export interface AffineSpan {
  free: number[]
  offset: number[]
  basis: number[][]
  /** Mean and standard deviation of every feature over the events. */
  means: number[]
  spreads: number[]
  /**
   * Dependent features that equal ± one free feature exactly (px2 = −px1): feature → [free feature, sign]. Formulas
   * may use either, whichever keeps them within one group of features.
   */
  aliases: Map<number, [number, number]>
}

export interface LinearResult {
  constraints: LinearConstraint[]
  span: AffineSpan
}

/**
 * Mean, and RMS about it, of Σ_j c_j x_j over the rows, in f64, in one pass over values shifted by the first row's
 * (the shifted-data algorithm: no cancellation, so an exact constraint reads ~1e-16).
 */
function residual(data: Float64Array, rows: number, cols: number, coefficients: readonly number[]): { mean: number; rms: number } {
  const support = Int32Array.from(coefficients.flatMap((c, j) => (c !== 0 ? [j] : [])))
  const weights = Float64Array.from(support, (j) => coefficients[j])
  const k = support.length
  let first = 0
  for (let t = 0; t < k; t++) first += weights[t] * data[support[t]]
  let sum = 0
  let squares = 0
  for (let i = 0; i < rows; i++) {
    const row = i * cols
    let value = -first
    for (let t = 0; t < k; t++) value += weights[t] * data[row + support[t]]
    sum += value
    squares += value * value
  }
  const shifted = sum / rows
  return { mean: first + shifted, rms: Math.sqrt(Math.max(squares / rows - shifted * shifted, 0)) }
}

/**
 * Linear constraints: a feature whose spread is below EXACT_TOLERANCE of its RMS value is a constant (E1 = 5); among
 * the others, the eigenvectors of the correlation matrix with √λ (the relative RMS of that combination) below
 * LOOSE_LINEAR_TOLERANCE are near-null directions. Each group (numerically null, tight, loose) is reduced to echelon
 * form with later features as pivots, rounded to simple fractions where that keeps the RMS, and measured again on
 * the events themselves (the eigenvalue alone cannot see below √ε ≈ 1e-8). Then the coordinates: the pivots of the
 * restricting constraints become dependent features, the rest are the span's coordinates u.
 * Covariance from the moment accumulator: O(n · D²).
 */
export function linearConstraints(
  moments: MomentAccumulator, data: Float64Array, rows: number, cols: number, names: readonly string[],
): LinearResult {
  const means = new Array(cols).fill(0)
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) means[j] += data[i * cols + j]
  for (let j = 0; j < cols; j++) means[j] /= rows
  const basis2 = monomialBasis(cols, 2)
  const sums = moments.sums(
    { columns: Int32Array.from({ length: cols }, (_, j) => j), shift: Float64Array.from(means), scale: new Float64Array(cols).fill(1) },
    basis2,
    1,
  )
  const first = (j: number) => sums[1 + j] / rows
  const pair = (a: number, b: number) => {
    const alpha = new Uint8Array(cols)
    alpha[a]++
    alpha[b]++
    return sums[basis2.indexOf(alpha)] / rows - first(a) * first(b)
  }
  const spreads = means.map((_, j) => Math.sqrt(Math.max(pair(j, j), 0)))
  const constraints: LinearConstraint[] = []

  // Constant features.
  const varying: number[] = []
  for (let j = 0; j < cols; j++) {
    const size = Math.hypot(means[j], spreads[j])
    const relative = size === 0 ? 0 : spreads[j] / size
    if (relative < EXACT_TOLERANCE) {
      const coefficients = new Array(cols).fill(0)
      coefficients[j] = 1
      constraints.push({
        coefficients, constant: means[j], rmsAbsolute: spreads[j], rms: relative, exact: true, restricts: true,
        formula: formatFormula([{ coefficient: 1, factors: [j] }], names, means[j]),
      })
    } else varying.push(j)
  }

  // Near-null directions of the correlation matrix of the varying features, by group.
  const m = varying.length
  const candidates: { rows: number[][]; pivots: number[]; group: 'null' | 'tight' | 'loose' }[] = []
  if (m > 0) {
    const correlation = varying.map((a) => varying.map((b) => pair(a, b) / (spreads[a] * spreads[b])))
    const { values, vectors } = symmetricEigen(correlation)
    const groups = { null: [] as number[][], tight: [] as number[][], loose: [] as number[][] }
    values.forEach((lambda, k) => {
      const size = Math.sqrt(Math.max(lambda, 0))
      if (size >= LOOSE_LINEAR_TOLERANCE) return
      const row = vectors.map((r) => r[k])
      ;(size < NUMERICAL_NULL ? groups.null : size < SPAN_TOLERANCE ? groups.tight : groups.loose).push(row)
    })
    for (const group of ['null', 'tight', 'loose'] as const) {
      if (groups[group].length) candidates.push({ ...echelonBasis(groups[group], (c) => c), group })
    }
  }
  const measure = (coefficients: number[]) => {
    const { mean, rms } = residual(data, rows, cols, coefficients)
    const scale = Math.sqrt(coefficients.reduce((s, c, j) => s + (c * spreads[j]) ** 2, 0))
    return { mean, rms, relative: scale > 0 ? rms / scale : 0 }
  }
  // The relative RMS from the covariance, cheap enough to compare every way of writing a group (sparseRelations.ts).
  const estimate = (coefficients: readonly number[]) => {
    const support = coefficients.flatMap((c, j) => (c !== 0 ? [j] : []))
    let variance = 0
    let scale = 0
    for (const a of support) {
      scale += (coefficients[a] * spreads[a]) ** 2
      for (const b of support) variance += coefficients[a] * coefficients[b] * pair(a, b)
    }
    return scale > 0 ? Math.sqrt(Math.max(variance, 0) / scale) : 0
  }
  const holds = holdsWithin(estimate, (coefficients) => measure([...coefficients]).relative)
  for (const { rows: reduced, pivots, group } of candidates) {
    // Each group in its sparse canonical basis: the fewest terms, small integers where they hold (issue 16, item 5).
    // The groups that restrict the coordinates keep the echelon form's pivots and rounding (their coefficients are the
    // span's), and are scaled to integers only as written; loose relations, which take no coordinate away, get all.
    const restricting = group !== 'loose'
    const options = restricting ? { searchPivots: false, levels: [group === 'null' ? SNAP_EXACT : SNAP_APPROXIMATE], simpleOnly: false } : SPARSE_WRITING
    const written = sparseRelations({ basis: reduced, columns: varying, features: cols, spreads, holds }, pivots, options)
    for (const chosen of written) {
      // Written with a positive first term (x1 − x3 rather than −x1 + x3).
      const fit = measure(chosen)
      const sign = chosen.find((c) => c !== 0)! < 0 ? -1 : 1
      const coefficients = chosen.map((c) => sign * c || 0)
      fit.mean *= sign
      if (fit.relative >= LOOSE_LINEAR_TOLERANCE) continue
      const exact = fit.relative < EXACT_TOLERANCE
      // An exact constant that is zero up to rounding is written 0.
      const size = Math.sqrt(coefficients.reduce((s, c, j) => s + c * c * (spreads[j] ** 2 + means[j] ** 2), 0))
      const constant = exact && Math.abs(fit.mean) <= EXACT_TOLERANCE * size ? 0 : fit.mean
      // An approximate relation's constant within two standard errors (spread / √n) of zero is written 0: the events
      // cannot tell it from 0 (px1 + px2 ≈ 0 for a recoil), though `constant` keeps the measured mean.
      const written = !exact && Math.abs(constant) <= (2 * fit.rms) / Math.sqrt(rows) ? 0 : constant
      // Written in coprime integers where the coefficients are simple fractions (3 x5 − 2 x1, not x5 − 0.666667 x1).
      const shown = restricting ? integerRelation(coefficients) : { coefficients, factor: 1 }
      constraints.push({
        coefficients, constant, rmsAbsolute: fit.rms, rms: fit.relative, exact, restricts: group !== 'loose' && fit.relative < SPAN_TOLERANCE,
        formula: formatFormula(shown.coefficients.map((c, j) => ({ coefficient: c, factors: [j] })), names, written * shown.factor, exact),
      })
    }
  }
  return { constraints, span: affineSpan(constraints, means, spreads) }
}

/**
 * The same linear constraints with `demoted` (approximate restricting ones) kept as loose relations instead: they no
 * longer take a coordinate away, and the span is rebuilt from the rest.
 */
export function demoteRelations(linear: LinearResult, demoted: readonly LinearConstraint[]): LinearResult {
  const constraints = linear.constraints.map((c) => (demoted.includes(c) ? { ...c, restricts: false } : c))
  return { constraints, span: affineSpan(constraints, linear.span.means, linear.span.spreads) }
}

/** The restricting constraints solved for their pivots (later features first): x = offset + basis · u. */
function affineSpan(constraints: readonly LinearConstraint[], means: number[], spreads: number[]): AffineSpan {
  const cols = means.length
  const restricting = constraints.filter((c) => c.restricts)
  // Reduce jointly in standardised units (a constant feature's own row is a unit vector already).
  const scaled = restricting.map((c) => c.coefficients.map((v, j) => v * (spreads[j] || 1)))
  const { rows: reduced, pivots } = scaled.length ? echelonBasis(scaled, (c) => c) : { rows: [], pivots: [] }
  const free = Array.from({ length: cols }, (_, j) => j).filter((j) => !pivots.includes(j))
  const offset = new Array(cols).fill(0)
  const basis = Array.from({ length: cols }, () => new Array(free.length).fill(0))
  free.forEach((f, k) => (basis[f][k] = 1))
  reduced.forEach((row, r) => {
    const p = pivots[r]
    // Σ_j c_j x_j = Σ_j c_j μ_j with c_p = 1 (a linear relation holds at the mean): x_p = Σ c_j μ_j − Σ_free c_f x_f.
    const physical = row.map((w, j) => w / (spreads[j] || 1))
    const scale = physical[p]
    // Undo the rounding of the standardise–unstandardise round trip (a 1 must stay 1), and a zero offset zero.
    const value = physical.reduce((s, c, j) => s + (c / scale) * means[j], 0)
    const size = Math.sqrt(physical.reduce((s, c, j) => s + (c / scale) ** 2 * (means[j] ** 2 + spreads[j] ** 2), 0))
    offset[p] = Math.abs(value) <= EXACT_TOLERANCE * size ? 0 : value
    free.forEach((f, k) => (basis[p][k] = snapFraction(-physical[f] / scale, 1e-12)))
  })
  const aliases = new Map<number, [number, number]>()
  if (restricting.every((c) => c.exact)) {
    for (const p of pivots) {
      const entries = basis[p].flatMap((b, k) => (b !== 0 ? [[k, b]] : []))
      if (offset[p] === 0 && entries.length === 1 && Math.abs(entries[0][1]) === 1) aliases.set(p, [free[entries[0][0]], entries[0][1]])
    }
  }
  return { free, offset, basis, means, spreads, aliases }
}
