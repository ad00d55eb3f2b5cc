import { SymscopeError } from '../errors.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { checkPair } from './checkPair.js'
import { withScratch } from './withScratch.js'

/** Largest number of rows: the cost is quadratic (at this n about 0.35 s for two single columns, 1.2 s for a two-column x). */
const MAX_ROWS = 20_000

export interface DistanceCorrelationOptions {
  /** Values per row of x (x is row-major n × xColumns): "the relevant latents together". Default 1. */
  xColumns?: number
  /** Values per row of y. Default 1. */
  yColumns?: number
}

/**
 * Distance correlation (G. J. Székely, M. L. Rizzo and N. K. Bakirov, Ann. Statist. 35 (2007) 2769,
 * doi:10.1214/009053607000000505): dCor² = dCov²(x, y) / √(dVar²(x) dVar²(y)), where dCov² = (1/n²) Σ_ij A_ij B_ij
 * over the double-centred distance matrices A_ij = a_ij − ā_i· − ā_·j + ā_·· of a_ij = ‖x_i − x_j‖ (B likewise from
 * y). It lies in [0, 1] and is 0 only for independent variables, so it sees a latent that determines cos θ through
 * a non-monotonic map, where Pearson's r is near 0. Returns dCor (the square root), 0 when either sample is constant.
 * x may have several columns (Euclidean distances between rows): do the relevant latents together determine y?
 * Runs in O(n² (xColumns + yColumns)) time and O(n) memory in wasm: two passes over the pairs, the n × n matrices
 * never stored. Hence the limit of 20,000 rows.
 *
 * @param x first sample: n values, or n × xColumns row-major
 * @param y second sample: n values, or n × yColumns row-major
 * @throws {SymscopeError} invalid_data when the row counts differ, there are fewer than two rows or a value is not
 *   finite; too_large above 20,000 rows
 * @example
 * distanceCorrelation(wasm, [-2, -1, 0, 1, 2], [4, 1, 0, 1, 4]) // 0.516 (Pearson's r is 0)
 */
export function distanceCorrelation(
  wasm: SymscopeWasm,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  { xColumns = 1, yColumns = 1 }: DistanceCorrelationOptions = {},
): number {
  const n = checkPair('distanceCorrelation', x, y, xColumns, yColumns)
  if (n > MAX_ROWS) {
    throw new SymscopeError('too_large', `distanceCorrelation accepts at most ${MAX_ROWS} rows (got ${n}); subsample first`, {
      limit: MAX_ROWS,
    })
  }
  return withScratch(wasm, (scratch) => {
    const xPtr = scratch.putF64(x)
    const yPtr = scratch.putF64(y)
    const rowMeansPtr = scratch.allocF64(2 * n)
    const outPtr = scratch.allocF64(4)
    return wasm.exports.distanceCorrelation(xPtr, xColumns, yPtr, yColumns, n, rowMeansPtr, outPtr)
  })
}
