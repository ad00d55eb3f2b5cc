import { SymscopeError } from '../errors.js'
import type { Neighbours } from './neighbours.js'
import { GRIDE_BISECTIONS, GRIDE_BRACKET_LOW } from './tolerances.js'

/** One Gride estimate: the dimension seen at neighbour order k, and the scale it looks at. */
export interface GrideResult {
  k: number
  dimension: number
  /** Points whose ratio μ = r_2k / r_k is defined (r_k > 0). */
  n: number
  /** Median distance to the 2k-th neighbour: the outer scale of this estimate, in the data's units. */
  medianDistance: number
}

const MAX_DIMENSION = 1000

/**
 * Gride intrinsic dimension at neighbour order k (F. Denti, D. Doimo, A. Laio and A. Mira, "The generalized ratios
 * intrinsic dimension estimator", Sci. Rep. 12, 20005 (2022), doi:10.1038/s41598-022-20991-1).
 * Idea: on a d-dimensional manifold with locally constant density, μ = r_2k / r_k has the density
 * f(μ) = d (μ^d − 1)^(k−1) / (B(k, k) μ^(d(2k−1)+1)); the estimate maximises the likelihood in d, whose derivative
 * N/d + (k − 1) Σ log μ · μ^d / (μ^d − 1) − (2k − 1) Σ log μ decreases in d, so bisection finds its root.
 * k = 1 is TwoNN's maximum-likelihood form, d = N / Σ log μ. Larger k looks at larger scales, where noise matters
 * less: on a circle with 1 % radial noise it reads about 2 at k = 4 and about 1.2 at k = 64 (docs/method.md).
 * Points with r_k = 0 (duplicates) are skipped. Runs in O(N · iterations).
 *
 * @param neighbours sorted distances with at least 2k neighbours per point
 * @throws {SymscopeError} invalid_data when k < 1, fewer than 2k neighbours were found, or fewer than three ratios
 *   are defined
 * @example gride(nearestNeighbours(wasm, circle, 8000, 2, 128), 64).dimension // ≈ 1
 */
export function gride(neighbours: Neighbours, k: number): GrideResult {
  const { distances, k: found, rows } = neighbours
  if (!Number.isInteger(k) || k < 1 || 2 * k > found) {
    throw new SymscopeError('invalid_data', `gride at k = ${k} requires an integer k ≥ 1 and ${2 * k} neighbours per point (found ${found})`)
  }
  const logMu = new Float64Array(rows)
  const outer = new Float64Array(rows)
  let n = 0
  let sumLog = 0
  for (let i = 0; i < rows; i++) {
    const rk = distances[i * found + k - 1]
    const r2k = distances[i * found + 2 * k - 1]
    outer[i] = r2k
    if (rk > 0 && r2k > rk) {
      logMu[n] = Math.log(r2k / rk)
      sumLog += logMu[n++]
    }
  }
  if (n < 3) throw new SymscopeError('invalid_data', `gride at k = ${k} requires at least three points with distinct neighbours (got ${n})`)
  const score = (d: number) => {
    let s = n / d - (2 * k - 1) * sumLog
    if (k > 1) for (let i = 0; i < n; i++) s += ((k - 1) * logMu[i]) / -Math.expm1(-d * logMu[i])
    return s
  }
  let lo = GRIDE_BRACKET_LOW
  let hi = 1
  while (score(hi) > 0 && hi < MAX_DIMENSION) hi *= 2
  for (let iteration = 0; iteration < GRIDE_BISECTIONS; iteration++) {
    const mid = 0.5 * (lo + hi)
    if (score(mid) > 0) lo = mid
    else hi = mid
  }
  return { k, dimension: 0.5 * (lo + hi), n, medianDistance: median(outer) }
}

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort()
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid])
}

/** Gride over k = 1, 2, 4, … up to half the neighbours found: the dimension as a function of scale. */
export function grideCurve(neighbours: Neighbours, maxK = 64): GrideResult[] {
  const curve: GrideResult[] = []
  for (let k = 1; k <= maxK && 2 * k <= neighbours.k; k *= 2) curve.push(gride(neighbours, k))
  return curve
}

/** One point of the dimension-versus-scale curve: Gride on a subsample of `points` events. */
export interface ScalePoint extends GrideResult {
  /** Events in the subsample (the full-data neighbour order this point stands for is about k · rows / points). */
  points: number
}

/**
 * Gride past k = 64, up to the scale of the whole dataset, by subsampling: on the first `points` rows (callers pass
 * rows in random order), then on 1/4 of them, 1/16, … while at least 256 remain. Each subsample but the last runs
 * Gride at k = 1, 2, 4, … 16 (the first) or 4 … 16 (the others): the next subsample's k = 4 looks at about the
 * scale of this one's k = 16, so larger k would only repeat it at the cost of 8× the neighbours. The last one goes on
 * to k = 64 with 2k at most a quarter of the subsample (so the estimate still sees a neighbourhood, not the whole
 * sample). A subsample of m of n points has its 2k-th neighbour about as far as the full data's (2k · n/m)-th: the
 * same curve, further out. Sorted by medianDistance. Cost O(points² · cols) for the largest subsample, at 32
 * neighbours.
 */
export function subsampledGrideCurve(
  neighboursOf: (rows: number, k: number) => Neighbours, points: number,
): ScalePoint[] {
  const curve: ScalePoint[] = []
  for (let m = points; m >= 256; m = Math.floor(m / 4)) {
    const last = Math.floor(m / 4) < 256
    const maxK = last ? Math.min(64, Math.floor(m / 8)) : 16
    const neighbours = neighboursOf(m, 2 * maxK)
    for (let k = m === points ? 1 : 4; k <= maxK; k *= 2) curve.push({ ...gride(neighbours, k), points: m })
  }
  return curve.sort((a, b) => a.medianDistance - b.medianDistance)
}
