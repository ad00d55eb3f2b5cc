import { Matrix, SingularValueDecomposition } from 'ml-matrix'
import { householderR } from '../../linalg/householderR.js'
import type { MonomialBasis } from './monomials.js'
import { monomialValues } from './polynomial.js'
import { EXACT_GAP } from '../tolerances.js'

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
  const note = vectors.length && floor > 0
    ? `degree ${k}: ${vectors.length} exact constraint${vectors.length > 1 ? 's' : ''} at ≤ ${fmt(sorted[vectors.length - 1] / floor)}× the floating-point floor ${fmt(floor / largest)} (relative)${next !== undefined ? `, the next polynomial at ${fmt(next / floor)}×` : ''}`
    : null
  return { vectors, values: sorted, floor, note }
}
