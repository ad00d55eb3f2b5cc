import { SymscopeError } from '../errors.js'
import { logGamma } from './logGamma.js'
import { BETA_FRACTION_TERMS, LENTZ_TINY } from './tolerances.js'

/**
 * Continued fraction of the regularised incomplete beta function (modified Lentz), valid for x < (a + 1)/(a + b + 2)
 * (Numerical Recipes, 3rd ed., §6.4, betacf; DLMF 8.17.22). Converges in O(√max(a, b)) terms.
 */
function continuedFraction(a: number, b: number, x: number): number {
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  if (Math.abs(d) < LENTZ_TINY) d = LENTZ_TINY
  d = 1 / d
  let h = d
  for (let m = 1; m <= BETA_FRACTION_TERMS; m++) {
    const m2 = 2 * m
    for (const numerator of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + numerator * d
      if (Math.abs(d) < LENTZ_TINY) d = LENTZ_TINY
      c = 1 + numerator / c
      if (Math.abs(c) < LENTZ_TINY) c = LENTZ_TINY
      d = 1 / d
      h *= d * c
    }
    if (Math.abs(d * c - 1) < 1e-15) break
  }
  return h
}

/**
 * Survival function of the beta distribution, P(X ≥ x) for X ~ Beta(a, b): 1 − I_x(a, b), the upper regularised
 * incomplete beta function, computed directly in the tail (I_x(a, b) = 1 − I_{1−x}(b, a)) so that small p-values keep
 * their relative accuracy. Runs in O(√max(a, b)) iterations.
 *
 * @param x in [0, 1]
 * @param a, b shape parameters, positive
 * @throws {SymscopeError} invalid_data when a or b ≤ 0 or x is outside [0, 1]
 * @example
 * betaSurvival(0.25, 0.5, 0.5) // 2/3 (I_x(½, ½) = (2/π) arcsin √x)
 */
export function betaSurvival(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || !(x >= 0 && x <= 1)) {
    throw new SymscopeError('invalid_data', `betaSurvival requires a, b > 0 and 0 ≤ x ≤ 1 (got x = ${x}, a = ${a}, b = ${b})`)
  }
  if (x === 0) return 1
  if (x === 1) return 0
  // x^a (1 − x)^b / (a B(a, b)), the prefactor of both continued fractions.
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x))
  if (x < (a + 1) / (a + b + 2)) return 1 - (front * continuedFraction(a, b, x)) / a
  return (front * continuedFraction(b, a, 1 - x)) / b
}
