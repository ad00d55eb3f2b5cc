import { SymscopeError } from '../errors.js'
import { regularizedGamma } from './regularizedGamma.js'

/**
 * Survival function of the χ² distribution, P(X ≥ x) for X ~ χ²(dof): the upper regularised incomplete gamma
 * function Q(dof/2, x/2). The p-value of a χ² statistic. Runs in O(√dof) iterations.
 *
 * @param x the statistic, x ≥ 0
 * @param dof degrees of freedom, positive (need not be an integer)
 * @throws {SymscopeError} invalid_data when dof ≤ 0 or x < 0
 * @example
 * chiSquareSurvival(3.84, 1) // 0.05004 (scipy.stats.chi2.sf(3.84, 1) = 0.0500435212...)
 */
export function chiSquareSurvival(x: number, dof: number): number {
  if (!(dof > 0) || !(x >= 0)) {
    throw new SymscopeError('invalid_data', `chiSquareSurvival requires dof > 0 and x ≥ 0 (got x = ${x}, dof = ${dof})`)
  }
  return regularizedGamma(dof / 2, x / 2).upper
}
