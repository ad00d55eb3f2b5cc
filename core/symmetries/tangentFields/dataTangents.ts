import { CholeskyDecomposition, Matrix, inverse } from 'ml-matrix'
import { symmetricEigen } from '../../linalg/symmetricEigen.js'
import type { Theta } from './fields.js'
import type { AffineSpan } from '../constraints/linearConstraints.js'
import { commonUnit } from '../constraints/noiseScale.js'
import {
  DATA_TANGENT_BASES, DATA_TANGENT_EVENTS, DATA_TANGENT_NEIGHBOURS, DATA_TANGENT_ACCEPT, DATA_TANGENT_RADIUS,
} from '../tolerances.js'

/**
 * Tangent spaces from the data (issue 16, item 1), a check on the fields the polynomial constraints give that does not
 * rest on those constraints: a curve no low-degree polynomial cuts out, a fitted constraint that is not the
 * manifold's, or a system solved below its floating-point floor all show here as a field that leaves the events.
 *
 * At each of B base events (the first DATA_TANGENT_BASES of the search's random order) the events within
 * DATA_TANGENT_RADIUS noise scales (at least DATA_TANGENT_NEIGHBOURS(q) of them, q the dimension of the top plateau)
 * give a local covariance in the standardised coordinates; its q leading eigenvectors are the tangent space, the
 * others the normal space N_i (local PCA at the plateau scale). The noise of that estimate is measured, not assumed:
 * the neighbourhood is split in two (alternate distance ranks), and the squared sines between one half's tangent and
 * the other's normal, ‖N_Bᵀ T_A‖², estimate 4 q (d − q) η_i², η_i the angular error of the whole neighbourhood's
 * normal per tangent–normal pair. For an affine field v(z) = A z + b (θ = (A, b)),
 *
 *   χ²(θ) = Σ_i |N_iᵀ v(z_i)|² / (η_i² · mean_i |v(z_i)|²),
 *
 * about χ² with B (d − q) degrees of freedom for a field tangent to the manifold (each normal component of a tangent
 * field is its size times the normal's angular error). It is a ratio of quadratic forms θᵀPθ / θᵀQθ, so the fields
 * the data accept are the generalised eigenvectors of (P, Q) below the acceptance, and the largest χ² over a space of
 * fields is its largest generalised eigenvalue. Accepted when χ² < DATA_TANGENT_ACCEPT · dof (tolerances.ts: why). z_i is the neighbourhood's mean, where the local PCA plane is tangent to
 * second order.
 * Cost: O(B · M · d) for the neighbours (M = DATA_TANGENT_EVENTS), O(B · d² · p) for P, O(p³) for the eigenproblem,
 * p = d² + d.
 */
export interface DataTangents {
  /** Base events, normal directions per event, and the degrees of freedom B (d − q). */
  points: number
  normals: number
  degreesOfFreedom: number
  /** Fields with χ² below this are tangent to the data. */
  threshold: number
  /** The generalised eigenvalues χ² of every affine field direction, ascending: how many fall below `threshold`. */
  spectrum: number[]
  /** The generalised eigenvectors θ of the fields below `threshold` (unit norm), in the order of `spectrum`. */
  acceptedFields: Theta[]
  /** χ² of one field. */
  statistic(theta: ArrayLike<number>): number
  /** The largest χ² over the span of the given fields (0 for none). */
  worst(thetas: readonly Theta[]): number
  /**
   * The spectrum restricted to the span of the given (independent) fields: the generalised eigenvalues χ² ascending and
   * the fields θ (unit norm) below `threshold`, as `spectrum` and `acceptedFields` are over every affine field.
   */
  within(thetas: readonly Theta[]): { spectrum: number[]; acceptedFields: Theta[] }
}

function sortedEigen(matrix: number[][]): { values: number[]; vectors: number[][] } {
  const symmetric = matrix.map((row, i) => row.map((v, j) => 0.5 * (v + matrix[j][i])))
  const { values, vectors } = symmetricEigen(symmetric)
  const order = values.map((_, k) => k).sort((a, b) => values[b] - values[a])
  return { values: order.map((k) => values[k]), vectors: order.map((k) => vectors.map((row) => row[k])) }
}

/** The k-th smallest of `values` (0-based; what `values` sorted ascending holds at k), by Hoare's selection on a copy in `scratch`: O(n) expected. */
function orderStatistic(values: Float64Array, k: number, scratch: Float64Array): number {
  scratch.set(values)
  let low = 0
  let high = values.length - 1
  while (low < high) {
    const pivot = scratch[(low + high) >> 1]
    let i = low
    let j = high
    while (i <= j) {
      while (scratch[i] < pivot) i++
      while (scratch[j] > pivot) j--
      if (i <= j) {
        const t = scratch[i]
        scratch[i++] = scratch[j]
        scratch[j--] = t
      }
    }
    if (k <= j) high = j
    else if (k >= i) low = i
    else return scratch[k]
  }
  return scratch[k]
}

/**
 * The neighbourhood of event i: every event within the radius (squared: radius2), at least `minimum` and at most
 * `cap` of them, nearest first (ties by index). Two order statistics of the squared distances find the cut
 * (selection, O(m), not a sort); only the events inside it are ordered. A function of its own, called once per base
 * event, so that V8 optimises it within the first call (inlined in dataTangents' body, it ran unoptimised for the
 * first calls of a process: 3–8× slower, measured).
 */
function neighbourhoodOf(
  flat: Float64Array, m: number, d: number, i: number, minimum: number, cap: number, radius2: number, distances: Float64Array, scratch: Float64Array,
): number[] {
  for (let j = 0; j < m; j++) {
    let s = 0
    for (let a = 0; a < d; a++) {
      const v = flat[j * d + a] - flat[i * d + a]
      s += v * v
    }
    distances[j] = s
  }
  const limit = Math.max(orderStatistic(distances, minimum - 1, scratch), Math.min(radius2, orderStatistic(distances, cap - 1, scratch)))
  const inside: number[] = []
  for (let j = 0; j < m; j++) if (distances[j] <= limit) inside.push(j)
  inside.sort((x, y) => distances[x] - distances[y] || x - y)
  if (inside.length > cap) inside.length = cap
  return inside
}

/** P += weight · row rowᵀ (the rows are sparse in no useful way; a function of its own for the same reason as neighbourhoodOf). */
function addOuter(P: Float64Array[], row: Float64Array, weight: number): void {
  const p = row.length
  for (let x = 0; x < p; x++) {
    if (row[x] === 0) continue
    const rx = row[x] * weight
    const target = P[x]
    for (let y = 0; y < p; y++) target[y] += rx * row[y]
  }
}

function covariance(points: readonly Float64Array[], d: number): number[][] {
  const mean = new Float64Array(d)
  for (const p of points) for (let a = 0; a < d; a++) mean[a] += p[a] / points.length
  const out = Array.from({ length: d }, () => new Array<number>(d).fill(0))
  for (const p of points) {
    for (let a = 0; a < d; a++) for (let b = a; b < d; b++) out[a][b] += ((p[a] - mean[a]) * (p[b] - mean[b])) / points.length
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) out[a][b] = out[b][a]
  return out
}

/**
 * The data's tangent-space check on the standardised span coordinates, or null when it cannot be posed (an open
 * region, q = d, has no normal space; too few events).
 */
export function dataTangents(data: Float64Array, rows: number, cols: number, span: AffineSpan, intrinsic: number, noiseScale: number): DataTangents | null {
  const d = span.free.length
  const q = intrinsic
  if (q >= d || q < 1) return null
  const m = Math.min(rows, DATA_TANGENT_EVENTS)
  const bases = Math.min(m, DATA_TANGENT_BASES)
  const minimum = DATA_TANGENT_NEIGHBOURS(q)
  if (m < 2 * minimum) return null
  const sigma = span.free.map((f) => span.spreads[f])
  const mu = span.free.map((f) => span.means[f])
  // One flat buffer (the distance pass reads it in order), each event a view of it.
  const flat = new Float64Array(m * d)
  for (let i = 0; i < m; i++) for (let a = 0; a < d; a++) flat[i * d + a] = (data[i * cols + span.free[a]] - mu[a]) / sigma[a]
  const z = Array.from({ length: m }, (_, i) => flat.subarray(i * d, (i + 1) * d))
  // The noise scale is in the common unit (noiseScale.ts): in standardised units it is τ / unit.
  const radius = (DATA_TANGENT_RADIUS * noiseScale) / commonUnit(sigma)
  const p = d * d + d
  const P = Array.from({ length: p }, () => new Float64Array(p))
  const Q = Array.from({ length: p }, () => new Float64Array(p))
  const normalsAt: { z: Float64Array; normals: number[][]; eta2: number }[] = []
  const distances = new Float64Array(m)
  const scratch = new Float64Array(m)
  const cap = Math.max(minimum, Math.floor(m / 4))
  for (let i = 0; i < bases; i++) {
    const inside = neighbourhoodOf(flat, m, d, i, minimum, cap, radius * radius, distances, scratch)
    const count = inside.length
    const neighbourhood = inside.map((j) => z[j])
    const whole = sortedEigen(covariance(neighbourhood, d))
    const halfA = sortedEigen(covariance(neighbourhood.filter((_, k) => k % 2 === 0), d))
    const halfB = sortedEigen(covariance(neighbourhood.filter((_, k) => k % 2 === 1), d))
    let sines = 0
    for (let t = 0; t < q; t++) {
      for (let r = q; r < d; r++) sines += halfA.vectors[t].reduce((s, v, a) => s + v * halfB.vectors[r][a], 0) ** 2
    }
    // The field is read at the neighbourhood's mean, where the PCA plane is the tangent plane to second order (a chord's
    // direction is the tangent at its midpoint): read at the base event, an uneven neighbourhood tilts it at first order.
    const centre = new Float64Array(d)
    for (const x of neighbourhood) for (let a = 0; a < d; a++) centre[a] += x[a] / count
    normalsAt.push({ z: centre, normals: whole.vectors.slice(q), eta2: sines / (4 * q * (d - q)) })
  }
  // A floor on η² (a hundredth of the median) so that no single event, where the halves happen to agree, decides.
  const sorted = normalsAt.map((x) => x.eta2).sort((a, b) => a - b)
  const floor = Math.max(0.01 * sorted[sorted.length >> 1], 1e-28)
  const row = new Float64Array(p)
  for (const { z: point, normals, eta2 } of normalsAt) {
    const weight = 1 / Math.max(eta2, floor)
    for (const n of normals) {
      // N_rᵀ v(z) = Σ_a n_a (Σ_c A_ac z_c + b_a): coefficient n_a z_c at A_ac, n_a at b_a.
      for (let a = 0; a < d; a++) {
        for (let c = 0; c < d; c++) row[a * d + c] = n[a] * point[c]
        row[d * d + a] = n[a]
      }
      addOuter(P, row, weight)
    }
    // |v(z)|² = Σ_a (Σ_c A_ac z_c + b_a)²: the block of each a is (z, 1)(z, 1)ᵀ.
    for (let a = 0; a < d; a++) {
      for (let c = 0; c <= d; c++) {
        const zc = c < d ? point[c] : 1
        const x = c < d ? a * d + c : d * d + a
        for (let e = 0; e <= d; e++) {
          const ze = e < d ? point[e] : 1
          const y = e < d ? a * d + e : d * d + a
          Q[x][y] += (zc * ze) / bases
        }
      }
    }
  }
  const dof = bases * (d - q)
  const threshold = DATA_TANGENT_ACCEPT * dof
  // Generalised eigenvalues of (P, Q): Q = L Lᵀ (a ridge of 1e-12 of its trace keeps it definite), L⁻¹ P L⁻ᵀ.
  const generalised = (p2: number[][], q2: number[][], withVectors = false): { values: number[]; vectors: number[][] } => {
    const k = p2.length
    if (!k) return { values: [], vectors: [] }
    const trace = q2.reduce((s, r, i) => s + r[i], 0)
    const ridged = q2.map((r, i) => r.map((v, j) => 0.5 * (v + q2[j][i]) + (i === j ? 1e-12 * trace : 0)))
    const cholesky = new CholeskyDecomposition(new Matrix(ridged))
    if (!cholesky.isPositiveDefinite()) return { values: new Array(k).fill(Number.POSITIVE_INFINITY), vectors: [] }
    const lower = inverse(cholesky.lowerTriangularMatrix)
    const w = lower.mmul(new Matrix(p2)).mmul(lower.transpose()).to2DArray()
    const eigen = sortedEigen(w)
    const values = eigen.values.reverse()
    // θ = L⁻ᵀ y for each eigenvector y, ascending like the values.
    const vectors = withVectors ? eigen.vectors.reverse().map((y) => lower.transpose().mmul(Matrix.columnVector(y)).to1DArray()) : []
    return { values, vectors }
  }
  const full = (x: Float64Array[]) => x.map((r) => Array.from(r))
  const { values: spectrum, vectors } = generalised(full(P), full(Q), true)
  const quadratic = (M: Float64Array[], x: ArrayLike<number>) => {
    let s = 0
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) s += x[a] * M[a][b] * x[b]
    return s
  }
  // The Gram matrix of a quadratic form over a set of fields: (θ_iᵀ M θ_j).
  const form = (M: Float64Array[], thetas: readonly ArrayLike<number>[]) => thetas.map((x) => thetas.map((y) => {
    let s = 0
    for (let a = 0; a < p; a++) {
      if (x[a] === 0) continue
      let t = 0
      for (let b = 0; b < p; b++) t += M[a][b] * y[b]
      s += x[a] * t
    }
    return s
  }))
  return {
    points: bases,
    normals: d - q,
    degreesOfFreedom: dof,
    threshold,
    spectrum,
    acceptedFields: vectors.filter((_, k) => spectrum[k] < threshold).map((v) => {
      const size = Math.hypot(...v)
      return Float64Array.from(v, (x) => x / size)
    }),
    statistic(theta) {
      const q2 = quadratic(Q, theta)
      return q2 > 0 ? quadratic(P, theta) / q2 : Number.POSITIVE_INFINITY
    },
    worst(thetas) {
      if (!thetas.length) return 0
      return Math.max(0, ...generalised(form(P, thetas), form(Q, thetas)).values)
    },
    within(thetas) {
      if (!thetas.length) return { spectrum: [], acceptedFields: [] }
      const { values, vectors: ys } = generalised(form(P, thetas), form(Q, thetas), true)
      const accepted = ys.flatMap((y, k) => {
        if (!(values[k] < threshold)) return []
        const theta = new Float64Array(p)
        y.forEach((c, j) => thetas[j].forEach((v, a) => (theta[a] += c * v)))
        const size = Math.hypot(...theta)
        return [theta.map((x) => x / size)]
      })
      return { spectrum: values, acceptedFields: accepted }
    },
  }
}
