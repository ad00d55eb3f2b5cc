import { SymscopeError } from '../errors.js'
import type { Neighbours } from './neighbours.js'
import { TWO_NN_DISCARD_FRACTION } from './tolerances.js'

export interface TwoNNOptions {
  /**
   * Fraction of the largest ratios μ left out of the fit, 0 ≤ f < 1. Default 0.1, the heuristic of Facco et al.
   * (the tail of the empirical distribution is noisy and most affected by curvature and density changes).
   */
  discardFraction?: number
}

/** A TwoNN estimate with the points of its fit, so that the report can plot the line. */
export interface TwoNNResult {
  /** Estimated intrinsic dimension d: the slope of the fit. */
  dimension: number
  /** Points with a defined ratio μ = r₂/r₁ (r₁ > 0): the size of the empirical distribution. */
  n: number
  /** Points in the fit: the smallest ⌊n (1 − discardFraction)⌋ ratios (at most n − 1). */
  kept: number
  /** Points left out because their nearest neighbour is at distance 0 (duplicated coordinates). */
  duplicates: number
  /** The fitted points: log μ_(i) (ascending) and −log(1 − i/n), i = 1 … kept. */
  fit: { logMu: number[]; logSurvival: number[] }
}

/**
 * TwoNN intrinsic dimension (E. Facco, M. d'Errico, A. Rodriguez and A. Laio, "Estimating the intrinsic dimension
 * of datasets by a minimal neighborhood information", Sci. Rep. 7, 12140 (2017), doi:10.1038/s41598-017-11873-y).
 * Idea: if the density is locally constant on a d-dimensional manifold, the ratio μ = r₂/r₁ of each point's second to
 * first neighbour distance is Pareto distributed, F(μ) = 1 − μ^(−d), so −log(1 − F(μ)) = d log μ. The estimate is
 * the least-squares slope through the origin, d = Σ log μ · (−log(1 − F)) / Σ (log μ)², of the empirical
 * F(μ_(i)) = i/n over the sorted ratios, after discarding the largest 10 % (a heuristic from the paper; configurable).
 * scikit-dimension's TwoNN uses (i − 1)/n instead of i/n; the difference is O(1/n).
 * Points whose nearest neighbour is at distance 0 (duplicates) have no ratio and are skipped and counted. Runs in
 * O(n log n) (a sort) on distances from `nearestNeighbours` with k ≥ 2. The result is plain JSON.
 *
 * @param neighbours sorted neighbour distances with k ≥ 2
 * @throws {SymscopeError} invalid_data when k < 2, discardFraction is outside [0, 1), fewer than three points have a
 *   ratio, or every kept ratio is 1 (r₂ = r₁ everywhere, as on a regular grid: no scale to read a dimension from)
 * @example
 * twoNN(nearestNeighbours(wasm, circlePoints, 8000, 2, 2)).dimension // ≈ 1
 */
export function twoNN(neighbours: Neighbours, { discardFraction = TWO_NN_DISCARD_FRACTION }: TwoNNOptions = {}): TwoNNResult {
  const { distances, k, rows } = neighbours
  if (!(k >= 2) || distances.length !== rows * k) {
    throw new SymscopeError('invalid_data', `twoNN requires at least two neighbours per point (got k = ${k})`)
  }
  if (!(discardFraction >= 0 && discardFraction < 1)) {
    throw new SymscopeError('invalid_data', `twoNN requires 0 ≤ discardFraction < 1 (got ${discardFraction})`, {
      parameter: 'discardFraction',
    })
  }
  const ratios = new Float64Array(rows)
  let n = 0
  for (let i = 0; i < rows; i++) {
    const first = distances[i * k]
    if (first > 0) ratios[n++] = distances[i * k + 1] / first
  }
  if (n < 3) throw new SymscopeError('invalid_data', `twoNN requires at least three points with distinct neighbours (got ${n})`)
  const sorted = ratios.subarray(0, n).sort()
  // i/n reaches 1 at the largest ratio, where −log(1 − F) is infinite: at most n − 1 points enter the fit.
  const kept = Math.max(2, Math.min(n - 1, Math.floor(n * (1 - discardFraction))))
  const logMu: number[] = new Array(kept)
  const logSurvival: number[] = new Array(kept)
  let sumXY = 0
  let sumXX = 0
  for (let i = 0; i < kept; i++) {
    const x = Math.log(sorted[i])
    const y = -Math.log1p(-(i + 1) / n)
    logMu[i] = x
    logSurvival[i] = y
    sumXY += x * y
    sumXX += x * x
  }
  if (!(sumXX > 0)) {
    throw new SymscopeError('invalid_data', 'twoNN requires neighbour distance ratios above 1 (r2 = r1 for every kept point)')
  }
  return { dimension: sumXY / sumXX, n, kept, duplicates: rows - n, fit: { logMu, logSurvival } }
}
