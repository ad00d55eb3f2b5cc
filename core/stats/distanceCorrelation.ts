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
  options: DistanceCorrelationOptions = {},
): number {
  return distanceDependence(wasm, x, y, options).correlation
}

/** Distance correlation with what its null needs: the sample size and the statistic n·dCov²/S₂ of the test below. */
export interface DistanceDependence {
  /** dCor, as distanceCorrelation returns it. */
  correlation: number
  n: number
  /** T = n · dCov² / S₂ with S₂ = ā·· b̄·· (the mean pairwise distances of x and of y); 0 when either is constant. */
  statistic: number
  /**
   * The largest dCor independent samples of this size reach at level `level` (INDEPENDENCE_LEVEL): the dCor at
   * which T equals (Φ⁻¹(1 − α/2))². Above it independence is rejected at level α; below it the dependence seen is
   * what chance gives. 1 when either sample is constant.
   */
  independenceLevel: number
}

/** α of the independence test behind `independenceLevel` (the asymptotic bound below holds for α ≤ 0.215). */
export const INDEPENDENCE_LEVEL = 0.01

/**
 * (Φ⁻¹(1 − α/2))² for α = INDEPENDENCE_LEVEL = 0.01: 2.5758293035489004². Under independence n·dCov²/S₂ converges to
 * a quadratic form Q = Σ λ_j Z_j² with E Q = 1, and P(Q ≥ (Φ⁻¹(1 − α/2))²) ≤ α for α ≤ 0.215 (Székely, Rizzo and
 * Bakirov 2007, Theorem 6 and the test of §3.2): a conservative calibration at the sample size, with no permutations.
 */
const CHI1_QUANTILE = 2.5758293035489004 ** 2

/**
 * Distance correlation and its calibration against independence at this sample size (see DistanceDependence).
 * Same inputs, limits and cost as distanceCorrelation: the mean distances S₂ needs are the kernel's row means.
 */
export function distanceDependence(
  wasm: SymscopeWasm,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  { xColumns = 1, yColumns = 1 }: DistanceCorrelationOptions = {},
): DistanceDependence {
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
    const correlation = wasm.exports.distanceCorrelation(xPtr, xColumns, yPtr, yColumns, n, rowMeansPtr, outPtr)
    // After the call the scratch holds the row means ā_i· then b̄_i·; their means are ā·· and b̄··.
    const rowMeans = wasm.copyF64(rowMeansPtr, 2 * n)
    const [covariance, varianceX, varianceY] = wasm.copyF64(outPtr, 3)
    let meanA = 0
    let meanB = 0
    for (let i = 0; i < n; i++) (meanA += rowMeans[i]), (meanB += rowMeans[n + i])
    const s2 = (meanA / n) * (meanB / n)
    const scale = Math.sqrt(varianceX * varianceY)
    if (!(s2 > 0 && scale > 0)) return { correlation, n, statistic: 0, independenceLevel: 1 }
    return {
      correlation,
      n,
      statistic: (n * Math.max(0, covariance)) / s2,
      independenceLevel: Math.min(1, Math.sqrt((CHI1_QUANTILE * s2) / (n * scale))),
    }
  })
}
