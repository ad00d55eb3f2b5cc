import { Matrix, SingularValueDecomposition } from 'ml-matrix'
import { householderR } from '../../linalg/householderR.js'
import type { MonomialBasis } from './monomials.js'
import { monomialValues } from './polynomial.js'
import { EXACT_GAP, REFINE_ANGLE } from '../tolerances.js'

/** The standardised span coordinates z = (u − μ)/σ of the first events (the search's random order), row-major. */
export interface ExactSample {
  z: Float64Array
  rows: number
  /** max_a |μ_a| / σ_a: the data's own rounding, ε|u|, is ε times this in z. */
  offset: number
}

export interface ExactNullSpace {
  /** Orthonormal null vectors in the complement's coordinates (polynomials that vanish on every event to rounding). */
  vectors: number[][]
  /** The singular values (RMS over the events, standardised), ascending; the floating-point floor; the threshold. */
  values: number[]
  floor: number
  note: string | null
}

const fmt = (v: number) => Number(v.toPrecision(2)).toString()

/**
 * The exact polynomial constraints of degree k among the `complement` (orthonormal vectors on the non-constant
 * monomials, the lower-degree ideal taken out), read from the events' design matrix rather than from its Gram matrix
 * (issue 16, item 2): A_ij = (m(z_i) − m̄) · b_j / √rows for the sample's events, R from Householder QR, and the SVD
 * of R (N × N). The singular values are the RMS of each polynomial over the events in standardised units, computed
 * with a backward error of ~ε‖A‖ (Golub and Van Loan §5.3), where the Gram matrix's eigenvalues carry ε‖A‖² and so
 * cannot tell a residual under ~√ε‖A‖ ≈ 1e-8 from zero. The floor is that error, ε (√(rows · N) + k · offset) σ_max:
 * the QR's rounding plus the data's own (ε|u| in each coordinate, times k through a monomial of degree k). A value
 * below EXACT_GAP times the floor is a relation that holds to rounding; the note reports the largest such value and
 * the next one, both in units of the floor, so that the gap that decided is in the report. O(rows · N²).
 */
export function exactNullSpace(sample: ExactSample, basis: MonomialBasis, complement: readonly number[][], k: number): ExactNullSpace {
  const n = basis.count - 1
  const width = complement.length
  const { rows, z } = sample
  const d = basis.variables
  const values = new Float64Array(basis.count)
  const monomials = new Float64Array(rows * n)
  const means = new Float64Array(n)
  for (let i = 0; i < rows; i++) {
    monomialValues(z.subarray(i * d, i * d + d), basis, values)
    for (let p = 0; p < n; p++) {
      monomials[i * n + p] = values[p + 1]
      means[p] += values[p + 1]
    }
  }
  for (let p = 0; p < n; p++) means[p] /= rows
  const scale = 1 / Math.sqrt(rows)
  const a = new Float64Array(rows * width)
  for (let j = 0; j < width; j++) {
    const b = complement[j]
    for (let i = 0; i < rows; i++) {
      let s = 0
      for (let p = 0; p < n; p++) s += (monomials[i * n + p] - means[p]) * b[p]
      a[j * rows + i] = s * scale
    }
  }
  const r = householderR(a, rows, width)
  const svd = new SingularValueDecomposition(new Matrix(r), { autoTranspose: false })
  const diagonal = svd.diagonal
  const v = svd.rightSingularVectors
  const order = diagonal.map((_, i) => i).sort((x, y) => diagonal[x] - diagonal[y])
  const largest = Math.max(0, ...diagonal)
  const floor = Number.EPSILON * (Math.sqrt(rows * width) + k * sample.offset) * largest
  const vectors: number[][] = []
  const sorted = order.map((i) => diagonal[i])
  for (const i of order) {
    if (!(diagonal[i] <= EXACT_GAP * floor)) break
    vectors.push(v.getColumn(i))
  }
  const next = sorted[vectors.length]
  const count = vectors.length
  const note = count && floor > 0
    ? `degree ${k}: ${count} ${count > 1 ? 'polynomials vanish' : 'polynomial vanishes'} on the events to rounding (at ≤ ${fmt(sorted[count - 1] / floor)}× the floating-point floor ${fmt(floor / largest)} of their design matrix, relative)${next !== undefined ? `, the next at ${fmt(next / floor)}× it` : ''}`
    : null
  return { vectors, values: sorted, floor, note }
}

/**
 * The directions of `exact` (orthonormal) outside span(`taken`), orthonormal: the exact polynomials that the taken
 * ones do not already give. A direction counts when its part outside the span is more than half its length.
 */
export function missedDirections(exact: readonly number[][], taken: readonly number[][]): number[][] {
  if (!taken.length) return exact.map((v) => [...v])
  const width = exact[0].length
  const q = new SingularValueDecomposition(new Matrix(taken.map((v) => [...v])).transpose(), { autoTranspose: true })
  const largest = Math.max(...q.diagonal)
  const basis = q.diagonal.flatMap((s, i) => (s > 1e-9 * largest ? [q.leftSingularVectors.getColumn(i)] : []))
  const outside = exact.map((v) => {
    const out = [...v]
    for (const b of basis) {
      const dot = b.reduce((s, x, i) => s + x * v[i], 0)
      for (let i = 0; i < width; i++) out[i] -= dot * b[i]
    }
    return out
  })
  const svd = new SingularValueDecomposition(new Matrix(outside).transpose(), { autoTranspose: true })
  return svd.diagonal.flatMap((s, i) => (s > 0.5 ? [svd.leftSingularVectors.getColumn(i)] : []))
}

/**
 * Whether the standardised polynomial `cz` vanishes on the sample's events to rounding: its RMS about its mean
 * (exact constant or not) at most EXACT_GAP times the floor ε (√N + k · offset) of evaluating it, in units of the RMS
 * of Σ_m |c_m z^m| (the terms' own size, which rounding is relative to). O(rows · N).
 */
export function holdsToRounding(cz: Float64Array, basis: MonomialBasis, sample: ExactSample, k: number): boolean {
  const d = basis.variables
  const values = new Float64Array(basis.count)
  let sum = 0
  let squares = 0
  let size = 0
  let terms = 0
  for (let m = 1; m < basis.count; m++) if (cz[m] !== 0) terms++
  // Shifted by the first event's value (the shifted-data algorithm: no cancellation between E g² and (E g)²).
  let shift = 0
  for (let i = 0; i < sample.rows; i++) {
    monomialValues(sample.z.subarray(i * d, i * d + d), basis, values)
    let g = 0
    let magnitude = 0
    for (let m = 1; m < basis.count; m++) {
      g += cz[m] * values[m]
      magnitude += Math.abs(cz[m] * values[m])
    }
    if (i === 0) shift = g
    g -= shift
    sum += g
    squares += g * g
    size += magnitude * magnitude
  }
  const mean = sum / sample.rows
  const rms = Math.sqrt(Math.max(squares / sample.rows - mean * mean, 0))
  const floor = Number.EPSILON * (Math.sqrt(Math.max(terms, 1)) + k * sample.offset) * Math.sqrt(size / sample.rows)
  return rms <= EXACT_GAP * floor
}

/**
 * `vector` replaced by its orthogonal projection onto span(`exact`) (orthonormal), the same length, where it lies
 * within REFINE_ANGLE of that span: an exact polynomial the moments computed to their own precision (~√ε), cleaned
 * to the events'. Otherwise null (an approximate polynomial, or one the events do not make exact).
 */
export function refineOnto(vector: readonly number[], exact: readonly number[][]): number[] | null {
  const length = Math.hypot(...vector)
  if (!exact.length || length === 0) return null
  const projection = new Array(vector.length).fill(0)
  for (const e of exact) {
    const dot = e.reduce((s, x, i) => s + x * vector[i], 0)
    for (let i = 0; i < vector.length; i++) projection[i] += dot * e[i]
  }
  const kept = Math.hypot(...projection)
  const outside = Math.hypot(...vector.map((v, i) => v - projection[i]))
  return outside <= REFINE_ANGLE * length && kept > 0 ? projection.map((v) => (v * length) / kept) : null
}
