import { SymscopeError } from '../errors.js'
import { gammaQuantile } from '../stats/gammaQuantile.js'
import { gride } from './gride.js'
import type { Neighbours } from './neighbours.js'

/** One Gride point with its profile-likelihood interval. */
export interface GrideInterval {
  k: number
  dimension: number
  lower: number
  upper: number
  level: number
}

/** Bisection halvings for each end of the interval. */
const ITERATIONS = 80

/**
 * Likelihood-ratio (profile-likelihood) interval for the Gride dimension at neighbour order k (Denti et al., Sci. Rep.
 * 12, 20005 (2022), §"Uncertainty"; S. S. Wilks, Ann. Math. Statist. 9 (1938) 60). With L_i = log(r_2k / r_k), the
 * log-likelihood of d is ℓ(d) = n log d + (k − 1) Σ log(e^(d L_i) − 1) − (d(2k − 1) + 1) Σ L_i + const, concave, with
 * its maximum at the Gride estimate d̂ (`gride`); the interval is {d : 2(ℓ(d̂) − ℓ(d)) ≤ χ²₁(level)}, found by bisection
 * on either side of d̂. For k = 1 it is the likelihood-ratio interval of TwoNN's Pareto model. Like the estimate it
 * treats the ratios as independent. log(e^x − 1) is computed as x + log(1 − e^(−x)) so that large d·L stays finite.
 * Runs in O(n · ITERATIONS).
 *
 * @param neighbours sorted distances with at least 2k neighbours per point
 * @param level coverage, 0 < level < 1; default 0.9
 * @throws {SymscopeError} as `gride`; invalid_parameter for a level outside (0, 1)
 * @example
 * grideInterval(nearestNeighbours(wasm, circle, 4000, 2, 128), 16) // { k: 16, dimension: 1.0, lower: 0.98, upper: 1.03, level: 0.9 }
 */
export function grideInterval(neighbours: Neighbours, k: number, level = 0.9): GrideInterval {
  if (!(level > 0 && level < 1)) throw new SymscopeError('invalid_parameter', `grideInterval requires 0 < level < 1 (got ${level})`)
  const { dimension } = gride(neighbours, k)
  const { distances, k: found, rows } = neighbours
  const logMu: number[] = []
  let sumLog = 0
  for (let i = 0; i < rows; i++) {
    const rk = distances[i * found + k - 1]
    const r2k = distances[i * found + 2 * k - 1]
    if (rk > 0 && r2k > rk) {
      const value = Math.log(r2k / rk)
      logMu.push(value)
      sumLog += value
    }
  }
  const n = logMu.length
  const logLikelihood = (d: number) => {
    let value = n * Math.log(d) - (d * (2 * k - 1) + 1) * sumLog
    if (k > 1) for (const l of logMu) value += (k - 1) * (d * l + Math.log(-Math.expm1(-d * l)))
    return value
  }
  // χ²₁ quantile = 2 · Gamma(½, 1) quantile.
  const floor = logLikelihood(dimension) - gammaQuantile(0.5, level)
  const inside = (d: number) => logLikelihood(d) >= floor
  const bisect = (outside: number, within: number) => {
    for (let i = 0; i < ITERATIONS; i++) {
      const mid = 0.5 * (outside + within)
      if (inside(mid)) within = mid
      else outside = mid
    }
    return 0.5 * (outside + within)
  }
  let far = 2 * dimension
  while (inside(far)) far *= 2
  return { k, dimension, lower: bisect(0, dimension), upper: bisect(far, dimension), level }
}
