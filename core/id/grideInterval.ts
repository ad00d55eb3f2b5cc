import { SymscopeError } from '../errors.js'
import { gammaQuantile } from '../stats/gammaQuantile.js'
import type { Pause } from '../stats/pause.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { gride, type GrideResult } from './gride.js'
import { neighbourhoodCovariance, neighbourhoodCovariancePaced } from './neighbourhoodCovariance.js'
import type { Neighbours } from './neighbours.js'
import { GRIDE_INTERVAL_BISECTIONS } from './tolerances.js'

/** One Gride point with its confidence interval. */
export interface GrideInterval {
  k: number
  dimension: number
  lower: number
  upper: number
  level: number
  /** Ratios in the likelihood (points with r_k > 0). */
  n: number
  /**
   * Independent ratios the likelihood is worth, n · Ĵ / V̂: below n because points whose 2k-neighbourhoods overlap
   * share neighbours (0.40–0.75 n on uniform manifolds at k = 4, 0.27–0.70 n at k = 16; bench/intervals.ts).
   */
  effectiveN: number
}

/**
 * One order's ratios: L_i = log(r_2k / r_k) by row (NaN where undefined, r_k = 0 or r_2k = r_k) and the outer
 * radius r_2k of every row (growing with k, as neighbourhoodCovariance needs; a row without a ratio scores 0).
 */
function ratiosAt(neighbours: Neighbours, k: number): { logMu: Float64Array; radius: Float64Array } {
  const { distances, k: found, rows } = neighbours
  const logMu = new Float64Array(rows).fill(Number.NaN)
  const radius = new Float64Array(rows)
  for (let i = 0; i < rows; i++) {
    const rk = distances[i * found + k - 1]
    const r2k = distances[i * found + 2 * k - 1]
    radius[i] = r2k
    if (rk > 0 && r2k > rk) logMu[i] = Math.log(r2k / rk)
  }
  return { logMu, radius }
}

/**
 * Confidence intervals for the Gride dimension at several neighbour orders k (Denti et al., Sci. Rep. 12, 20005
 * (2022)), calibrated for the dependence between the ratios. With L_i = log(r_2k / r_k) the log-likelihood of d is
 * ℓ(d) = n log d + (k − 1) Σ log(e^(d L_i) − 1) − (d(2k − 1) + 1) Σ L_i + const, concave, maximal at the Gride
 * estimate d̂ (`gride`). Treating the ratios as independent, the profile-likelihood interval
 * {d : 2(ℓ(d̂) − ℓ(d)) ≤ χ²₁(level)} (Wilks 1938) covers only 50–80 % at k = 4: points whose 2k-neighbourhoods
 * overlap share neighbours, so ℓ is a composite likelihood whose curvature Ĵ = −ℓ''(d̂) overstates the information.
 * The variance of the score Σψ_i, ψ_i = ∂ℓ_i/∂d at d̂, is therefore measured with the dependence, V̂ by the spatial
 * HAC estimator over pairs whose balls of radius r_2k overlap, Bartlett-weighted by distance
 * (`neighbourhoodCovariance`); the interval is the composite-likelihood one with the magnitude adjustment of
 * R. E. Chandler and S. Bate, Biometrika 94 (2007) 167: {d : 2(ℓ(d̂) − ℓ(d)) · Ĵ/V̂ ≤ χ²₁(level)}. It is the
 * independent interval when V̂ = Ĵ (the information identity), and its width is that of d̂ ± z √V̂/Ĵ, the sandwich
 * standard error, to first order. A non-positive V̂ (only on tiny samples) falls back to Ĵ. log(e^x − 1) is computed
 * as x + log(1 − e^(−x)) so that large d·L stays finite. Runs in O(rows² · cols) for the pairs (one pass for every k)
 * and O(n · GRIDE_INTERVAL_BISECTIONS) per k: for a report's curve (4,000 points, seven k; Node 20, one core) about 0.17 s in 2
 * columns and 0.37 s in 8, beside 0.12 s for its neighbour search.
 *
 * @param data the rows × cols points the neighbours were found for
 * @param neighbours their sorted distances, at least 2k neighbours per point for the largest k
 * @param ks neighbour orders, ascending, each an integer ≥ 1
 * @param level coverage, 0 < level < 1; default 0.9
 * @throws {SymscopeError} as `gride`; invalid_parameter for a level outside (0, 1) or orders not ascending;
 *   invalid_data when the neighbours are not of these rows
 * @example
 * grideIntervals(wasm, circle, 4000, 2, nearestNeighbours(wasm, circle, 4000, 2, 32), [4, 16])
 * // [{ k: 4, dimension: 1.00, lower: 0.98, upper: 1.02, level: 0.9, n: 4000, effectiveN: 1600 }, …]
 */
export function grideIntervals(
  wasm: SymscopeWasm, data: Float32Array, rows: number, cols: number, neighbours: Neighbours, ks: number[], level = 0.9,
): GrideInterval[] {
  const scored = scoredOrders(rows, neighbours, ks, level)
  return intervalsFrom(scored, neighbourhoodCovariance(wasm, data, rows, cols, scored.radii, scored.scores, ks.length), level)
}

/**
 * `grideIntervals` with its pass over the pairs in row blocks, awaiting `pause` between them (core/stats/pause.ts):
 * the same intervals, without holding a single-threaded host for the whole pass. `orders` are the neighbour orders k,
 * or their Gride estimates on these neighbours when the caller has them already (`grideCurve`): the same numbers
 * without solving each likelihood again.
 */
export async function grideIntervalsPaced(
  wasm: SymscopeWasm, data: Float32Array, rows: number, cols: number, neighbours: Neighbours, orders: readonly number[] | readonly GrideResult[],
  level = 0.9, pause?: Pause,
): Promise<GrideInterval[]> {
  const estimated = orders.map((o) => (typeof o === 'number' ? null : o))
  const ks = orders.map((o) => (typeof o === 'number' ? o : o.k))
  const scored = scoredOrders(rows, neighbours, ks, level, estimated)
  await pause?.()
  return intervalsFrom(scored, await neighbourhoodCovariancePaced(wasm, data, rows, cols, scored.radii, scored.scores, ks.length, pause), level)
}

interface ScoredOrders {
  estimates: ReturnType<typeof gride>[]
  perOrder: { logMu: Float64Array; information: number }[]
  /** rows × orders: each point's radius r_2k and score ψ at d̂, the inputs of neighbourhoodCovariance. */
  radii: Float64Array
  scores: Float64Array
}

/** Each order's Gride estimate, its ratios, the information Ĵ, and every point's score ψ_i(d̂) and radius. */
function scoredOrders(rows: number, neighbours: Neighbours, ks: number[], level: number, estimated: (GrideResult | null)[] = []): ScoredOrders {
  if (!(level > 0 && level < 1)) throw new SymscopeError('invalid_parameter', `grideIntervals requires 0 < level < 1 (got ${level})`)
  if (neighbours.rows !== rows) throw new SymscopeError('invalid_data', `grideIntervals requires the neighbours of its ${rows} rows (got ${neighbours.rows})`)
  if (ks.some((k, c) => c > 0 && !(k > ks[c - 1]))) throw new SymscopeError('invalid_parameter', `grideIntervals requires ascending neighbour orders (got ${ks.join(', ')})`)
  const estimates = ks.map((k, c) => estimated[c] ?? gride(neighbours, k))
  const orders = ks.length
  const radii = new Float64Array(rows * orders)
  const scores = new Float64Array(rows * orders)
  const perOrder = estimates.map(({ k, dimension: d }, c) => {
    const { logMu, radius } = ratiosAt(neighbours, k)
    let information = 0
    for (let i = 0; i < rows; i++) {
      const l = logMu[i]
      radii[i * orders + c] = radius[i]
      if (l !== l) continue
      // ψ_i(d) = 1/d + (k − 1) L/(1 − e^(−dL)) − (2k − 1) L; −ψ_i'(d) = 1/d² + (k − 1) L² e^(−dL)/(1 − e^(−dL))².
      const q = -Math.expm1(-d * l)
      scores[i * orders + c] = 1 / d + ((k - 1) * l) / q - (2 * k - 1) * l
      information += 1 / (d * d) + ((k - 1) * l * l * Math.exp(-d * l)) / (q * q)
    }
    return { logMu, information }
  })
  return { estimates, perOrder, radii, scores }
}

/** The adjusted profile-likelihood interval of each order, given the variances V̂ of the score sums. */
function intervalsFrom({ estimates, perOrder }: ScoredOrders, variances: Float64Array, level: number): GrideInterval[] {
  // χ²₁ quantile = 2 · Gamma(½, 1) quantile.
  const drop = gammaQuantile(0.5, level)
  return estimates.map(({ k, dimension, n }, c) => {
    const { logMu, information } = perOrder[c]
    const adjustment = variances[c] > 0 ? information / variances[c] : 1
    const values = logMu.filter((l) => l === l)
    let sumLog = 0
    for (const l of values) sumLog += l
    const logLikelihood = (d: number) => {
      let value = n * Math.log(d) - (d * (2 * k - 1) + 1) * sumLog
      if (k > 1) for (const l of values) value += (k - 1) * (d * l + Math.log(-Math.expm1(-d * l)))
      return adjustment * value
    }
    const floor = logLikelihood(dimension) - drop
    const inside = (d: number) => logLikelihood(d) >= floor
    const bisect = (outside: number, within: number) => {
      for (let i = 0; i < GRIDE_INTERVAL_BISECTIONS; i++) {
        const mid = 0.5 * (outside + within)
        if (inside(mid)) within = mid
        else outside = mid
      }
      return 0.5 * (outside + within)
    }
    // A bracket of four sandwich standard errors √V̂/Ĵ each side (the interval reaches about 1.6), widened if needed.
    const step = 4 * Math.sqrt(information / adjustment) / information
    let near = Math.max(0, dimension - step)
    if (inside(near)) near = 0
    let far = dimension + step
    while (inside(far)) far += 2 * (far - dimension)
    return { k, dimension, lower: bisect(near, dimension), upper: bisect(far, dimension), level, n, effectiveN: n * adjustment }
  })
}
