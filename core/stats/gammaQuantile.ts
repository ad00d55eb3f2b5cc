import { SymscopeError } from '../errors.js'
import { regularizedGamma } from './regularizedGamma.js'
import { GAMMA_QUANTILE_BISECTIONS } from './tolerances.js'

/**
 * Quantile of the gamma distribution with shape a and unit scale: the x with P(a, x) = p, P the regularised lower
 * incomplete gamma function (`regularizedGamma`). Bisection on x, bracketed by doubling from a, until the bracket
 * stops shrinking in floating point; P is monotone in x, so the root is unique. The χ² quantile with ν degrees of
 * freedom is 2 · gammaQuantile(ν/2, p). Runs in O(GAMMA_QUANTILE_BISECTIONS · √a).
 *
 * @param a shape, positive
 * @param p probability, 0 < p < 1
 * @throws {SymscopeError} invalid_data when a ≤ 0 or p is outside (0, 1) (or either is NaN)
 * @example
 * gammaQuantile(1, 0.5) // 0.6931 (ln 2: the median of the unit exponential)
 * 2 * gammaQuantile(0.5, 0.9) // 2.7055 (the 90 % quantile of χ² with one degree of freedom)
 */
export function gammaQuantile(a: number, p: number): number {
  if (!(a > 0) || !(p > 0 && p < 1)) {
    throw new SymscopeError('invalid_data', `gammaQuantile requires a > 0 and 0 < p < 1 (got a = ${a}, p = ${p})`)
  }
  let lo = 0
  let hi = Math.max(a, 1)
  while (regularizedGamma(a, hi).lower < p) {
    lo = hi
    hi *= 2
  }
  for (let i = 0; i < GAMMA_QUANTILE_BISECTIONS; i++) {
    const mid = 0.5 * (lo + hi)
    if (mid <= lo || mid >= hi) break
    if (regularizedGamma(a, mid).lower < p) lo = mid
    else hi = mid
  }
  return 0.5 * (lo + hi)
}
