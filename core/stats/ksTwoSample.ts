import { SymscopeError } from '../errors.js'
import { kolmogorovSurvival } from './kolmogorovSurvival.js'
import type { KsResult } from './ksUniform.js'

/**
 * Two-sample Kolmogorov–Smirnov test: D = sup_x |F_a(x) − F_b(x)| over the two empirical distribution functions
 * (ties stepped together), p = Q_KS((√m + 0.12 + 0.11/√m) D) with the effective size m = n_a n_b / (n_a + n_b),
 * Stephens' correction as in Numerical Recipes 3rd ed. §14.3.3 (`kstwo`); asymptotic, good for m ≳ 4. Compares a
 * generator's distribution with a reference sample (real events, another seed). Runs in O(n log n) (two sorts).
 *
 * @param a first sample, at least one finite value
 * @param b second sample, at least one finite value
 * @throws {SymscopeError} invalid_data when either sample is empty or holds a value that is not finite
 * @example
 * ksTwoSample([1, 2, 3, 4], [3.5, 5, 6, 7]).statistic // 0.75
 */
export function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): KsResult {
  const sortedA = Float64Array.from(a).sort()
  const sortedB = Float64Array.from(b).sort()
  const na = sortedA.length
  const nb = sortedB.length
  if (na < 1 || nb < 1) throw new SymscopeError('invalid_data', 'ksTwoSample requires at least one value in each sample')
  for (const sorted of [sortedA, sortedB]) {
    if (!Number.isFinite(sorted[0]) || !Number.isFinite(sorted[sorted.length - 1])) {
      throw new SymscopeError('invalid_data', 'ksTwoSample requires finite values')
    }
  }
  let i = 0
  let j = 0
  let statistic = 0
  while (i < na && j < nb) {
    const x = Math.min(sortedA[i], sortedB[j])
    while (i < na && sortedA[i] === x) i++
    while (j < nb && sortedB[j] === x) j++
    statistic = Math.max(statistic, Math.abs(i / na - j / nb))
  }
  const root = Math.sqrt((na * nb) / (na + nb))
  return { statistic, pValue: kolmogorovSurvival((root + 0.12 + 0.11 / root) * statistic) }
}
