import { SymscopeError } from '../errors.js'

/**
 * Survival function of the Kolmogorov distribution, Q_KS(λ) = P(K > λ) = 2 Σ_{j≥1} (−1)^(j−1) e^(−2 j² λ²), the
 * limit of P(√n D_n > λ) (A. Kolmogorov, G. Ist. Ital. Attuari 4 (1933) 83); scipy.special.kolmogorov(λ).
 * For λ < 1.18 the alternating series converges slowly, so the equivalent Jacobi-theta form
 * 1 − (√(2π)/λ) Σ_{j≥1} e^(−(2j − 1)² π² / (8λ²)) is used there, as in Numerical Recipes 3rd ed. §6.14.
 * Runs in O(1) (a handful of terms).
 *
 * @param lambda λ ≥ 0
 * @throws {SymscopeError} invalid_data when λ is negative or NaN
 * @example
 * kolmogorovSurvival(1) // 0.2699996716773546 (scipy.special.kolmogorov(1.0))
 */
export function kolmogorovSurvival(lambda: number): number {
  if (!(lambda >= 0)) throw new SymscopeError('invalid_data', `kolmogorovSurvival requires λ ≥ 0 (got ${lambda})`)
  if (lambda < 0.04) return 1 // 1 − Q < 1e-300 here
  if (lambda < 1.18) {
    const y = Math.exp((-Math.PI * Math.PI) / (8 * lambda * lambda))
    let sum = 0
    for (let j = 1; j <= 12; j++) sum += y ** ((2 * j - 1) ** 2)
    return Math.max(0, Math.min(1, 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum))
  }
  const x = Math.exp(-2 * lambda * lambda)
  let sum = 0
  for (let j = 1; j <= 12; j++) sum += (j % 2 ? 1 : -1) * x ** (j * j)
  return Math.max(0, Math.min(1, 2 * sum))
}
