import type { SymscopeWasm } from '../wasm/module.js'
import { checkPair } from './checkPair.js'
import { withScratch } from './withScratch.js'

/**
 * Pearson's correlation coefficient, r = Σ (x − x̄)(y − ȳ) / √(Σ (x − x̄)² Σ (y − ȳ)²): the linear association of a
 * latent with a truth observable. Two passes in f64 in wasm (assembly/stats/correlation.ts). r is undefined when a
 * sample is constant; symscope returns 0 there (no measurable linear association), as distanceCorrelation does.
 * Runs in O(n).
 *
 * @param x first sample, two or more finite values
 * @param y second sample, same length
 * @throws {SymscopeError} invalid_data when the lengths differ, there are fewer than two values, or one is not finite
 * @example
 * pearson(wasm, [1, 2, 3], [3, 5, 7]) // 1
 */
export function pearson(wasm: SymscopeWasm, x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = checkPair('pearson', x, y)
  return withScratch(wasm, (scratch) => wasm.exports.pearsonCorrelation(scratch.putF64(x), scratch.putF64(y), n))
}
