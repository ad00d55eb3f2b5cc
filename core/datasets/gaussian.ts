import { SymscopeError } from '../errors.js'
import type { DatasetSpec } from './types.js'

export interface GaussianParameters {
  v1: number
  v2: number
  v3: number
  [key: string]: number | boolean | null
}

/** A correlation matrix of known spectrum: C = Q Λ Qᵀ, unit diagonal, and its factor L = Q Λ^½ (C = L Lᵀ). */
export interface GaussianCorrelation {
  /** λ_k in decreasing order, summing to D = 3 (the trace of a correlation matrix). */
  eigenvalues: number[]
  /** Q, orthogonal: `eigenvectors[r][k]` is component r of the unit eigenvector of `eigenvalues[k]` (columns). */
  eigenvectors: number[][]
  /** C = Q Λ Qᵀ, row-major, diagonal 1 to rounding. */
  matrix: number[][]
  /** L = Q Λ^½: x = L z with z ~ N(0, I) has covariance C, and z_k = q_kᵀ x / √λ_k. */
  factor: number[][]
}

/** Diagonal entries within this of 1 count as 1 (the rotations leave them within a few ulps). */
const UNIT_DIAGONAL_TOLERANCE = 1e-14

const multiply = (a: number[][], b: number[][]): number[][] =>
  a.map((row) => b[0].map((_, j) => row.reduce((sum, aik, k) => sum + aik * b[k][j], 0)))
const transpose = (a: number[][]): number[][] => a[0].map((_, j) => a.map((row) => row[j]))
const diagonal = (values: readonly number[]): number[][] => values.map((v, i) => values.map((_, j) => (i === j ? v : 0)))

/**
 * A correlation matrix with prescribed eigenvalues, by the Bendel–Mickey algorithm (R. B. Bendel and M. R. Mickey,
 * Commun. Statist. Simul. Comput. B7 (1978) 35; in the stable form of P. I. Davies and N. J. Higham, BIT 40 (2000)
 * 640). Start from A = Λ = diag(λ) and, while some a_ii ≠ 1, take the first i with a_ii < 1 and the first j with
 * a_jj > 1 and rotate in the plane (i, j), A ← Gᵀ A G, by the angle that makes the new a_ii exactly 1:
 * with t = tan of it, t²(a_jj − 1) + 2t·a_ij + (a_ii − 1) = 0, whose roots are real because (a_ii − 1)(a_jj − 1) < 0;
 * t is the smaller root, (1 − a_ii)/(a_ij + sign(a_ij)·√(a_ij² − (a_ii − 1)(a_jj − 1))), free of cancellation.
 * Rotations keep the eigenvalues and each fixes one more diagonal entry, so at most D − 1 are needed; the trace
 * stays Σλ = D, so the last entry comes out 1 too (Schur–Horn: a unit diagonal is majorised by any such λ).
 * Runs in O(D⁴); meant for a few features. Deterministic: the same λ give the same matrix.
 *
 * @param eigenvalues λ_k ≥ 0 with Σλ = D (to 1e-12 relative)
 * @returns C = Q Λ Qᵀ and Q (columns: eigenvectors, in the order of `eigenvalues`)
 * @throws {SymscopeError} invalid_parameter when a λ is negative or not finite, or Σλ ≠ D
 * @example
 * bendelMickey([1.5, 0.5]).matrix // [[1, 0.5], [0.5, 1]]  (eigenvalues 1 ± 0.5)
 */
export function bendelMickey(eigenvalues: readonly number[]): { matrix: number[][]; eigenvectors: number[][] } {
  const size = eigenvalues.length
  const trace = eigenvalues.reduce((sum, l) => sum + l, 0)
  if (size === 0 || eigenvalues.some((l) => !(Number.isFinite(l) && l >= 0)) || Math.abs(trace - size) > 1e-12 * size) {
    throw new SymscopeError(
      'invalid_parameter',
      `bendelMickey requires D ≥ 1 finite eigenvalues ≥ 0 summing to D (got ${JSON.stringify(eigenvalues)})`,
    )
  }
  let a = diagonal(eigenvalues)
  let p = diagonal(eigenvalues.map(() => 1)) // A = Pᵀ Λ P throughout
  for (let rotation = 0; rotation < size; rotation++) {
    const i = a.findIndex((row, k) => row[k] < 1 - UNIT_DIAGONAL_TOLERANCE)
    const j = a.findIndex((row, k) => row[k] > 1 + UNIT_DIAGONAL_TOLERANCE)
    if (i < 0 || j < 0) break
    const aij = a[i][j]
    const root = Math.sqrt(aij * aij - (a[i][i] - 1) * (a[j][j] - 1))
    const t = (1 - a[i][i]) / (aij + (aij < 0 ? -root : root))
    const c = 1 / Math.sqrt(1 + t * t)
    const s = t * c
    // G: column i = c e_i + s e_j, column j = −s e_i + c e_j; the new a_ii = c²a_ii + 2cs·a_ij + s²a_jj = 1.
    const g = diagonal(eigenvalues.map(() => 1))
    g[i][i] = c
    g[j][i] = s
    g[i][j] = -s
    g[j][j] = c
    a = multiply(multiply(transpose(g), a), g)
    a[i][i] = 1
    p = multiply(p, g)
  }
  const q = transpose(p)
  const product = multiply(multiply(q, diagonal(eigenvalues)), p)
  // Exactly symmetric: the two triangles of the product differ in the last bit.
  const matrix = product.map((row, i) => row.map((value, j) => 0.5 * (value + product[j][i])))
  return { matrix, eigenvectors: q }
}

/**
 * The correlation matrix of the `gaussian` dataset, its spectrum and its factor: λ = 3·(v1, v2, v3)/(v1 + v2 + v3)
 * sorted into decreasing order (a correlation matrix has trace D = 3, so only the ratios of the v are free),
 * C from `bendelMickey`, L = Q Λ^½. The known answer of the linear toy model (core/analysis/linearToy.ts).
 *
 * @throws {SymscopeError} invalid_parameter when a v is not a finite number > 0
 * @example
 * gaussianCorrelation({ v1: 2, v2: 0.9, v3: 0.1 }).eigenvalues // [2, 0.9, 0.1] (to rounding)
 */
export function gaussianCorrelation(params: { v1: number; v2: number; v3: number }): GaussianCorrelation {
  const relative = [params.v1, params.v2, params.v3]
  relative.forEach((v, k) => {
    if (!(typeof v === 'number' && Number.isFinite(v) && v > 0)) {
      throw new SymscopeError('invalid_parameter', `gaussian: parameter 'v${k + 1}' must be a number > 0; got ${JSON.stringify(v)}`, {
        parameter: `v${k + 1}`,
      })
    }
  })
  const total = relative.reduce((sum, v) => sum + v, 0)
  const scaled = relative.map((v) => (3 * v) / total).sort((x, y) => y - x)
  // Rounding can leave Σλ a few ulps off 3; put the remainder on the largest, which it changes least.
  scaled[0] += 3 - (scaled[0] + scaled[1] + scaled[2])
  const { matrix, eigenvectors } = bendelMickey(scaled)
  const factor = eigenvectors.map((row) => row.map((q, k) => q * Math.sqrt(scaled[k])))
  return { eigenvalues: scaled, eigenvectors, matrix, factor }
}

/** The last parameter set's factor L, row-major: `fill` runs once per chunk, the 3 × 3 set-up once per parameter set. */
let cachedFactor: { key: string; factor: Float64Array } | undefined

function factorOf(params: GaussianParameters): Float64Array {
  const key = `${params.v1},${params.v2},${params.v3}`
  if (cachedFactor?.key !== key) cachedFactor = { key, factor: Float64Array.from(gaussianCorrelation(params).factor.flat()) }
  return cachedFactor.factor
}

const relativeVariance = (k: number, value: number) => ({
  name: `v${k}`,
  type: 'number' as const,
  default: value,
  minimum: 0,
  exclusiveMinimum: true,
  maximum: 1e6,
  description:
    `Relative variance of principal direction ${k}: the eigenvalues of the correlation matrix are ` +
    '3·(v1, v2, v3)/(v1 + v2 + v3), normalised to sum to D = 3 (its trace), in decreasing order.',
})

/**
 * The linear toy model's data (docs/method.md): x ~ N(0, C) in three features, C a correlation
 * matrix of eigenvalues λ = 3·v/Σv built by Bendel–Mickey. A linear VAE should keep one latent per λ_k > βD/2, with
 * relevance 1 − βD/(2λ_k), and collapse the rest. Defaults λ = (2, 0.9, 0.1): two directions above the threshold
 * for β = 0.1 and 0.2 (0.15, 0.3) and one below, all three features correlated.
 */
export const gaussian: DatasetSpec<GaussianParameters> = {
  name: 'gaussian',
  title: 'Correlated Gaussian (linear toy model)',
  description:
    'x ~ N(0, C) in three features, C a correlation matrix (unit diagonal) with eigenvalues 3·(v1, v2, v3)/(v1 + v2 + v3), ' +
    'built by the Bendel–Mickey algorithm. Truth: the principal coordinates z1, z2, z3 (unit variance, in order of ' +
    'decreasing eigenvalue). The linear toy model of Sanz (arXiv:2504.05174): a linear VAE keeps latent k with ' +
    'relevance 1 − 3β/(2λ_k) when λ_k > 3β/2 and collapses the others.',
  features: ['x1', 'x2', 'x3'],
  truth: ['truth_z1', 'truth_z2', 'truth_z3'],
  angularTruth: [],
  degreesOfFreedom: 3,
  parameters: [relativeVariance(1, 2), relativeVariance(2, 0.9), relativeVariance(3, 0.1)],
  fill: (wasm, r) => {
    const lPtr = wasm.putF64(factorOf(r.params))
    try {
      wasm.exports.generateGaussian(r.seed, r.first, r.n, lPtr, r.featuresPtr, r.truthPtr)
    } finally {
      wasm.free(lPtr)
    }
  },
}
