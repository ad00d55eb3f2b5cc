import { SymscopeError } from '../errors.js'
import { gammaQuantile } from '../stats/gammaQuantile.js'
import type { NearestTwo } from './nearestTwo.js'

/** A TwoNN maximum-likelihood estimate with its confidence interval. */
export interface TwoNNInterval {
  /** d̂ = n / Σ log μ_i over every point with a defined ratio (no discard). */
  mle: number
  lower: number
  upper: number
  /** Coverage the interval was built for. */
  level: number
  /** Ratios in the likelihood. */
  n: number
  /**
   * Effective number of independent ratios, (Σ log μ)² / Var̂(Σ log μ): below n because neighbouring points share
   * neighbours (about 0.7 n on uniform manifolds).
   */
  effectiveN: number
}

/**
 * Confidence interval for the TwoNN dimension (Facco et al., Sci. Rep. 7, 12140 (2017)). If the density is locally
 * constant on a d-dimensional manifold, each μ_i = r₂/r₁ is Pareto, P(μ > m) = m^(−d), so log μ_i is exponential
 * with rate d; for n independent ratios S = Σ log μ_i is Gamma(n, rate d), d·S ~ Gamma(n, 1) is a pivot, and
 * [g_{(1−level)/2}/S, g_{(1+level)/2}/S] (g_p the Gamma(n, 1) quantile) covers d exactly; d̂ = n/S is the MLE.
 * The ratios are not independent: mutual nearest neighbours share r₁, and the Gamma(n) interval covers only about
 * 80 % at level 0.9 (bench/intervals.ts). So S is taken as Gamma with the mean n/d and the variance measured with
 * the dependence, Var̂(S) = Σ_i δ_i² + 2 Σ_{i~j} δ_i δ_j over the pairs where one point is among the other's two
 * nearest neighbours (δ_i = log μ_i − mean; a spatial HAC estimator, T. G. Conley, J. Econometrics 92 (1999) 1):
 * shape a = S²/Var̂(S), and d ∈ [g_{(1−level)/2}(a)·n/(a S), g_{(1+level)/2}(a)·n/(a S)], which is the exact interval
 * when Var̂(S) = n/d̂². Points with r₁ = 0 (duplicates) are skipped. The report's point estimate is `twoNN`'s
 * least-squares fit, which discards the largest 10 % of ratios, so it need not sit at the centre of this interval.
 * Runs in O(n log n).
 *
 * @param neighbours each point's two nearest neighbours with indices (`nearestTwo`)
 * @param level coverage, 0 < level < 1; default 0.9
 * @throws {SymscopeError} invalid_data when fewer than three points have a ratio or every ratio is 1;
 *   invalid_parameter for a level outside (0, 1)
 * @example
 * twoNNInterval(nearestTwo(wasm, circlePoints, 1000, 2)) // { mle: 1.01, lower: 0.95, upper: 1.07, level: 0.9, n: 1000, … }
 */
export function twoNNInterval(neighbours: NearestTwo, level = 0.9): TwoNNInterval {
  const { distances, indices, rows } = neighbours
  if (!(level > 0 && level < 1)) throw new SymscopeError('invalid_parameter', `twoNNInterval requires 0 < level < 1 (got ${level})`)
  const logMu = new Float64Array(rows).fill(Number.NaN)
  let n = 0
  let sumLog = 0
  for (let i = 0; i < rows; i++) {
    const first = distances[2 * i]
    if (first > 0) {
      logMu[i] = Math.log(distances[2 * i + 1] / first)
      sumLog += logMu[i]
      n++
    }
  }
  if (n < 3) throw new SymscopeError('invalid_data', `twoNNInterval requires at least three points with distinct neighbours (got ${n})`)
  if (!(sumLog > 0)) throw new SymscopeError('invalid_data', 'twoNNInterval requires neighbour distance ratios above 1 (r2 = r1 for every point)')
  const mean = sumLog / n
  let variance = 0
  for (let i = 0; i < rows; i++) if (logMu[i] === logMu[i]) variance += (logMu[i] - mean) ** 2
  // Each unordered neighbour pair once: keys i·rows + j with i < j, sorted so duplicates sit together.
  const pairs = new Float64Array(2 * rows)
  for (let i = 0; i < rows; i++) {
    for (let m = 0; m < 2; m++) {
      const j = indices[2 * i + m]
      pairs[2 * i + m] = Math.min(i, j) * rows + Math.max(i, j)
    }
  }
  pairs.sort()
  for (let p = 0; p < pairs.length; p++) {
    if (p > 0 && pairs[p] === pairs[p - 1]) continue
    const i = Math.floor(pairs[p] / rows)
    const j = pairs[p] - i * rows
    if (logMu[i] === logMu[i] && logMu[j] === logMu[j]) variance += 2 * (logMu[i] - mean) * (logMu[j] - mean)
  }
  const mle = n / sumLog
  // A non-positive estimate (possible only for tiny n) falls back to the independent-ratio variance.
  const shape = variance > 0 ? (sumLog * sumLog) / variance : n
  const scale = n / (shape * sumLog)
  return {
    mle,
    lower: gammaQuantile(shape, (1 - level) / 2) * scale,
    upper: gammaQuantile(shape, (1 + level) / 2) * scale,
    level,
    n,
    effectiveN: shape,
  }
}
