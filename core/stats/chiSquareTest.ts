import { SymscopeError } from '../errors.js'
import { chiSquareSurvival } from './chiSquareSurvival.js'

export interface ChiSquareOptions {
  /**
   * Number of constraints the expected counts satisfy: 1 when they are normalised to the observed total (the
   * default), plus one per parameter fitted to these data. dof = bins (after merging) − constraints.
   */
  constraints?: number
  /** Smallest expected count a bin may have; sparser neighbours are merged first. Default 5 (Cochran's rule). */
  minExpected?: number
}

export interface ChiSquareResult {
  /** Pearson's statistic Σ (O − E)² / E over the merged bins. */
  chi2: number
  dof: number
  /** P(χ²(dof) ≥ chi2). */
  pValue: number
  /** Number of bins after merging. */
  bins: number
}

/**
 * Pearson's χ² goodness-of-fit test: χ² = Σ_b (O_b − E_b)² / E_b, p = P(χ²(dof) ≥ χ²) with dof = bins − constraints.
 * The χ² approximation needs populated bins, so adjacent bins are merged left to right until each expects at least
 * `minExpected` (5, W. G. Cochran, Ann. Math. Statist. 23 (1952) 315); a sparse remainder at the right end joins the
 * last merged bin. Bins where nothing is expected are thereby absorbed, never divided by. Runs in O(bins).
 *
 * @param observed counts per bin, finite and ≥ 0
 * @param expected expected counts per bin, same length, finite and ≥ 0, not all zero
 * @throws {SymscopeError} invalid_data when the lengths differ, a count is negative or not finite, or fewer than
 *   constraints + 1 bins remain after merging
 * @example
 * chiSquareTest([18, 22, 20, 40], [25, 25, 25, 25]) // { chi2: 12.32, dof: 3, pValue: 0.00636, bins: 4 }
 */
export function chiSquareTest(
  observed: ArrayLike<number>,
  expected: ArrayLike<number>,
  { constraints = 1, minExpected = 5 }: ChiSquareOptions = {},
): ChiSquareResult {
  if (observed.length !== expected.length) {
    throw new SymscopeError(
      'invalid_data',
      `chiSquareTest requires observed and expected of the same length (got ${observed.length} and ${expected.length})`,
    )
  }
  if (!Number.isInteger(constraints) || constraints < 0) {
    throw new SymscopeError('invalid_data', `chiSquareTest requires an integer number of constraints ≥ 0 (got ${constraints})`)
  }
  for (let b = 0; b < observed.length; b++) {
    if (!(observed[b] >= 0 && expected[b] >= 0 && Number.isFinite(observed[b]) && Number.isFinite(expected[b]))) {
      throw new SymscopeError('invalid_data', `chiSquareTest requires finite counts ≥ 0 (bin ${b}: ${observed[b]}, ${expected[b]})`)
    }
  }
  // Merge left to right into bins expecting at least minExpected.
  const mergedObserved: number[] = []
  const mergedExpected: number[] = []
  let o = 0
  let e = 0
  for (let b = 0; b < observed.length; b++) {
    o += observed[b]
    e += expected[b]
    if (e >= minExpected) {
      mergedObserved.push(o)
      mergedExpected.push(e)
      o = 0
      e = 0
    }
  }
  if (e > 0 || o > 0) {
    if (mergedExpected.length) {
      mergedObserved[mergedObserved.length - 1] += o
      mergedExpected[mergedExpected.length - 1] += e
    } else {
      mergedObserved.push(o)
      mergedExpected.push(e)
    }
  }
  const bins = mergedExpected.length
  const dof = bins - constraints
  if (dof < 1 || !(mergedExpected[0] > 0)) {
    throw new SymscopeError(
      'invalid_data',
      `chiSquareTest requires at least ${constraints + 1} bins expecting ${minExpected} or more (got ${bins} after merging)`,
    )
  }
  let chi2 = 0
  for (let b = 0; b < bins; b++) chi2 += (mergedObserved[b] - mergedExpected[b]) ** 2 / mergedExpected[b]
  return { chi2, dof, pValue: chiSquareSurvival(chi2, dof), bins }
}
