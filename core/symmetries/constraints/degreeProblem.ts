// The degree-k problem of the constraint search (polynomialConstraints.ts): the monomials' covariance C and gradient Gram G
// from the events' moments, and the products of lower-degree constraints with monomials (their ideal), whose span the
// search and the tangency metric take out.
import { Matrix, SingularValueDecomposition } from 'ml-matrix'
import { monomialBasis, type MonomialBasis } from './monomials.js'
import { monomial, multiply, type Polynomial } from './polynomial.js'
import { IDEAL_RANK_TOLERANCE } from '../tolerances.js'

/** One degree's problem: monomials 1 … N of the degree-k basis, their means, covariance C and gradient Gram G. */
export interface DegreeProblem {
  basis: MonomialBasis
  /** Monomials 1 … N of the degree-k basis (its graded prefix). */
  n: number
  means: Float64Array
  covariance: number[][]
  gradient: number[][]
  /** The frame's spread of each coordinate, by which the gradient is divided (∂/∂u_a = σ_a⁻¹ ∂/∂z_a). */
  lengths: readonly number[]
}

/** What the ideal's products need of a constraint: its degree and its coefficients in the standardised coordinates z. */
export interface IdealMember {
  degree: number
  standardised: Polynomial
}

/** Covariance C_pq of monomials p, q (0-based among the non-constant ones). */
export const covariance = (problem: DegreeProblem, p: number, q: number) => problem.covariance[p][q]

/** The degree-k problem from moments in z; the gradient Gram in physical units (∂/∂u_a = σ_a⁻¹ ∂/∂z_a). */
export function degreeProblem(moment: (alpha: ArrayLike<number>) => number, d: number, k: number, sigma: readonly number[]): DegreeProblem {
  const basis = monomialBasis(d, k)
  const n = basis.count - 1
  const means = Float64Array.from(basis.exponents, (alpha, m) => (m === 0 ? 1 : moment(alpha)))
  const sum = (a: Uint8Array, b: Uint8Array, lower = -1) => {
    const alpha = a.map((e, i) => e + b[i] - (i === lower ? 2 : 0))
    return moment(alpha)
  }
  const c: number[][] = []
  const g: number[][] = []
  for (let p = 0; p < n; p++) {
    c.push([])
    g.push([])
    for (let q = 0; q < n; q++) {
      const a = basis.exponents[p + 1]
      const b = basis.exponents[q + 1]
      c[p][q] = sum(a, b) - means[p + 1] * means[q + 1]
      let gradient = 0
      for (let v = 0; v < d; v++) if (a[v] && b[v]) gradient += (a[v] * b[v] * sum(a, b, v)) / sigma[v] ** 2
      g[p][q] = gradient
    }
  }
  return { basis, n, means, covariance: c, gradient: g, lengths: sigma }
}

/** Coefficient vectors (non-constant part, degree-k prefix) of g · m for each constraint g and monomial m of degree ≤ k − deg g. */
export function idealVectors(constraints: readonly IdealMember[], problem: DegreeProblem, k: number, includeDegree = false): number[][] {
  const basis = problem.basis
  const out: number[][] = []
  for (const g of constraints) {
    if (g.degree > k || (!includeDegree && g.degree === k)) continue
    const gz = g.standardised.subarray(0, basis.count)
    for (let m = 0; m < basis.count; m++) {
      if (basis.degrees[m] > k - g.degree) break
      const product = multiply(gz, monomial(m, basis), basis)
      out.push(Array.from(product.subarray(1)))
    }
  }
  return out
}

/** Orthonormal basis of the orthogonal complement of span(vectors) in ℝⁿ (SVD; rank at IDEAL_RANK_TOLERANCE). */
export function complementBasis(vectors: readonly number[][], n: number): number[][] {
  const identity = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)))
  if (!vectors.length) return identity
  const svd = new SingularValueDecomposition(new Matrix(vectors.map((v) => [...v])).transpose(), { autoTranspose: true })
  const largest = Math.max(...svd.diagonal)
  const u = svd.leftSingularVectors
  const q = svd.diagonal.flatMap((s, k) => (s > IDEAL_RANK_TOLERANCE * largest ? [u.getColumn(k)] : []))
  const projector = identity.map((row, i) => row.map((v, j) => v - q.reduce((s, col) => s + col[i] * col[j], 0)))
  const complement = new SingularValueDecomposition(new Matrix(projector), { autoTranspose: true })
  const uc = complement.leftSingularVectors
  return complement.diagonal.flatMap((s, k) => (s > 0.5 ? [uc.getColumn(k)] : []))
}

/** xᵀ A y. */
export const bilinear = (a: readonly number[][], x: readonly number[], y: readonly number[]) => x.reduce((s, xi, i) => s + xi * a[i].reduce((t, v, j) => t + v * y[j], 0), 0)
