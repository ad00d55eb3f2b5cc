import { EigenvalueDecomposition, Matrix } from 'ml-matrix'
import { thetaToField, type Theta } from './fields.js'
import { PERIOD_TOLERANCE } from '../tolerances.js'

/**
 * The flow of the affine field v(z) = A z + b for time t as one (d + 1) × (d + 1) matrix exp(t Ã), Ã = [[A, b], [0, 0]]
 * (homogeneous coordinates: z(t) = exp(t Ã) [z; 1]). Scaling and squaring with a Taylor series of 20 terms: the
 * scaled matrix has norm ≤ 1/2, where the remainder is below 1e-20. Row-major, length (d + 1)².
 */
export function flowMatrix(theta: Theta, d: number, t: number): Float64Array {
  const size = d + 1
  const { matrix, offset } = thetaToField(theta, d)
  const generator = new Float64Array(size * size)
  for (let a = 0; a < d; a++) {
    for (let c = 0; c < d; c++) generator[a * size + c] = t * matrix[a][c]
    generator[a * size + d] = t * offset[a]
  }
  const norm = Math.max(...Array.from({ length: size }, (_, r) => generator.slice(r * size, r * size + size).reduce((s, v) => s + Math.abs(v), 0)))
  const squarings = Math.max(0, Math.ceil(Math.log2(norm / 0.5)))
  const scale = 2 ** -squarings
  for (let k = 0; k < generator.length; k++) generator[k] *= scale
  let result = identity(size)
  let term = identity(size)
  for (let k = 1; k <= 20; k++) {
    term = multiply(term, generator, size).map((v) => v / k)
    result = result.map((v, i) => v + term[i])
  }
  for (let s = 0; s < squarings; s++) result = multiply(result, result, size)
  return result
}

/**
 * The cyclic subgroup {exp(g T/count Ã) : g = 0 … count − 1} of a periodic flow of period T, as count matrices of
 * (d + 1)² f64 (homogeneous coordinates, row-major): one exponential, then powers of it (count products of
 * (d + 1) × (d + 1) matrices; rounding grows by ~count · ε, far below anything the moments resolve).
 */
export function flowGrid(theta: Theta, d: number, period: number, count: number): Float64Array {
  const size = (d + 1) * (d + 1)
  const step = flowMatrix(theta, d, period / count)
  const out = new Float64Array(count * size)
  let power = identity(d + 1)
  for (let g = 0; g < count; g++) {
    out.set(power, g * size)
    power = multiply(power, step, d + 1)
  }
  return out
}

/**
 * x moved by the flow grid's element g (flowGrid's layout: (d + 1) × (d + 1) homogeneous matrices, row-major), written
 * to `out`: out_a = Σ_b M_ab x_b + M_a,d.
 */
export function moveByGridElement(grid: Float64Array, g: number, d: number, x: ArrayLike<number>, out: Float64Array): void {
  const size = d + 1
  const offset = g * size * size
  for (let a = 0; a < d; a++) {
    let s = grid[offset + a * size + d]
    for (let b = 0; b < d; b++) s += grid[offset + a * size + b] * x[b]
    out[a] = s
  }
}

/**
 * The period of the flow when it is periodic (a compact one-parameter group: a rotation, possibly about a point,
 * with commensurate frequencies): A's eigenvalues are 0 or ±iω_k with every ω_k an integer multiple of the smallest,
 * T = 2π/ω_min, and exp(T Ã) = 1 to PERIOD_TOLERANCE (which also rules out a translation along a fixed direction).
 * Null for a non-compact flow (boosts, dilatations, translations, shears).
 */
export function flowPeriod(theta: Theta, d: number): number | null {
  const multiples = flowMultiples(theta, d)
  if (!multiples) return null
  const period = multiples.period
  const full = flowMatrix(theta, d, period)
  const back = identity(d + 1)
  const scale = 1 + Math.max(...thetaToField(theta, d).offset.map(Math.abs)) * period
  return full.every((v, i) => Math.abs(v - back[i]) <= 1e3 * PERIOD_TOLERANCE * scale) ? period : null
}

/**
 * The frequencies of a flow whose A has eigenvalues 0 or ±iω_k with every ω_k an integer multiple of the smallest:
 * T = 2π/ω_min and the distinct multiples ω_k/ω_min (1 first); null otherwise. Periodicity itself (exp(T Ã) = 1) is
 * flowPeriod's check.
 */
export function flowMultiples(theta: Theta, d: number): { period: number; multiples: number[] } | null {
  const { matrix } = thetaToField(theta, d)
  const size = Math.max(0, ...matrix.flat().map(Math.abs))
  if (size === 0) return null
  // A's eigenvalues from D A D⁻¹ with a fixed uneven diagonal D (the same eigenvalues): ml-matrix 6.15.1's
  // non-symmetric solver (hqr2) never returns on some exactly skew-symmetric matrices, e.g. the rotation
  // [[0, −0.3, 0.5], [0.3, 0, −0.8], [−0.5, 0.8, 0]] (measured; a rotation about a generic axis in orthonormal
  // coordinates), and the similarity takes A off that set.
  const spread = (i: number) => 1 + 0.37 * i
  const eigen = new EigenvalueDecomposition(new Matrix(matrix.map((row, i) => row.map((v, j) => (v * spread(i)) / spread(j)))))
  if (eigen.realEigenvalues.some((r) => Math.abs(r) > PERIOD_TOLERANCE * size)) return null
  const frequencies = eigen.imaginaryEigenvalues.map(Math.abs).filter((w) => w > PERIOD_TOLERANCE * size)
  if (!frequencies.length) return null
  const smallest = Math.min(...frequencies)
  if (frequencies.some((w) => Math.abs(w / smallest - Math.round(w / smallest)) > 1e3 * PERIOD_TOLERANCE)) return null
  const multiples = [...new Set(frequencies.map((w) => Math.round(w / smallest)))].sort((a, b) => a - b)
  return { period: (2 * Math.PI) / smallest, multiples }
}

function identity(size: number): Float64Array {
  const out = new Float64Array(size * size)
  for (let i = 0; i < size; i++) out[i * size + i] = 1
  return out
}

function multiply(x: Float64Array, y: Float64Array, size: number): Float64Array {
  const out = new Float64Array(size * size)
  for (let r = 0; r < size; r++) for (let k = 0; k < size; k++) {
    const v = x[r * size + k]
    if (v !== 0) for (let c = 0; c < size; c++) out[r * size + c] += v * y[k * size + c]
  }
  return out
}
