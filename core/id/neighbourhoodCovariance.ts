import { SymscopeError } from '../errors.js'
import { checkMatrix } from '../stats/checkMatrix.js'
import { withScratch } from '../stats/withScratch.js'
import { inRowBlocks, type Pause } from '../stats/pause.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { COVARIANCE_SECONDS_PER_PAIR_TERM } from './tolerances.js'

/**
 * The variance of Σ_i ψ_i when the scores of points with overlapping neighbourhoods are correlated: the spatial HAC
 * estimator V = Σ_i ψ_i² + 2 Σ_{i<j} w_ij ψ_i ψ_j with the Bartlett weight w_ij = max(0, 1 − ‖x_i − x_j‖/(ρ_i + ρ_j))
 * (T. G. Conley, J. Econometrics 92 (1999) 1), for several neighbour orders in one pass over the pairs (in wasm,
 * assembly/stats/neighbourhoodCovariance.ts). Runs in O(rows² · (cols + orders)): for 4,000 points and seven orders about
 * 0.04 s in 2 columns and 0.27 s in 8, where most pairs overlap at most orders (Node 20, one core).
 *
 * @param data row-major rows × cols coordinates, all finite
 * @param radii rows × orders, row-major: ρ of point i at order c (≥ 0, the neighbourhood's radius; nondecreasing
 *   in c, as r_2k is in k, which lets the kernel stop at a pair's first order without overlap)
 * @param scores rows × orders, same layout: ψ of point i at order c (0 where the point has none)
 * @returns one variance per order
 * @throws {SymscopeError} invalid_data when the matrix is malformed, or radii and scores are not rows × orders finite
 *   values with radii ≥ 0 growing along each row
 * @example neighbourhoodCovariance(wasm, Float32Array.of(0, 1, 5), 3, 1, [1, 1, 1], [1, 1, 1], 1) // [3 + 2 · ½]
 */
export function neighbourhoodCovariance(
  wasm: SymscopeWasm, data: Float32Array, rows: number, cols: number,
  radii: ArrayLike<number>, scores: ArrayLike<number>, orders: number,
): Float64Array {
  checkCovariance(data, rows, cols, radii, scores, orders)
  return covarianceRows(wasm, data, rows, cols, radii, scores, orders, 0, rows, new Float64Array(orders))
}

/**
 * `neighbourhoodCovariance` in row blocks of about PAUSE_BLOCK_SECONDS, awaiting `pause` between them
 * (core/stats/pause.ts): the blocks add their terms to the same sums in the same order, so the variances are the
 * same to the bit.
 */
export async function neighbourhoodCovariancePaced(
  wasm: SymscopeWasm, data: Float32Array, rows: number, cols: number,
  radii: ArrayLike<number>, scores: ArrayLike<number>, orders: number, pause?: Pause,
): Promise<Float64Array> {
  checkCovariance(data, rows, cols, radii, scores, orders)
  let sums: Float64Array = new Float64Array(orders)
  // A block is sized by its first row's pairs (every later row has fewer).
  await inRowBlocks(rows, rows * (cols + orders) * COVARIANCE_SECONDS_PER_PAIR_TERM, pause, (from, to) => {
    sums = covarianceRows(wasm, data, rows, cols, radii, scores, orders, from, to, sums)
  })
  return sums
}

/** Seconds the pass over the pairs of `rows` points is estimated to take (COVARIANCE_SECONDS_PER_PAIR_TERM). */
export function covarianceSeconds(rows: number, cols: number, orders: number): number {
  return ((rows * (rows - 1)) / 2) * (cols + orders) * COVARIANCE_SECONDS_PER_PAIR_TERM
}

function checkCovariance(data: Float32Array, rows: number, cols: number, radii: ArrayLike<number>, scores: ArrayLike<number>, orders: number): void {
  checkMatrix('neighbourhoodCovariance', data, rows, cols)
  if (!Number.isInteger(orders) || orders < 1 || radii.length !== rows * orders || scores.length !== rows * orders) {
    throw new SymscopeError('invalid_data', `neighbourhoodCovariance requires radii and scores of ${rows} rows × ${orders} orders`)
  }
  for (let i = 0; i < radii.length; i++) {
    if (!(radii[i] >= 0 && radii[i] < Infinity) || !Number.isFinite(scores[i])) {
      throw new SymscopeError('invalid_data', `neighbourhoodCovariance requires finite scores and radii ≥ 0 (row ${Math.floor(i / orders)})`)
    }
    if (i % orders > 0 && radii[i] < radii[i - 1]) {
      throw new SymscopeError('invalid_data', `neighbourhoodCovariance requires radii that grow with the order (row ${Math.floor(i / orders)})`)
    }
  }
}

/** `sums` with the terms of the points in [from, to) added (a new array). */
function covarianceRows(
  wasm: SymscopeWasm, data: Float32Array, rows: number, cols: number, radii: ArrayLike<number>, scores: ArrayLike<number>, orders: number,
  from: number, to: number, sums: Float64Array,
): Float64Array {
  return withScratch(wasm, (scratch) => {
    const dataPtr = scratch.putF32(data)
    const radiiPtr = scratch.putF64(radii)
    const scoresPtr = scratch.putF64(scores)
    const outPtr = scratch.putF64(sums)
    const workPtr = scratch.allocF64(rows)
    wasm.exports.neighbourhoodCovariance(dataPtr, rows, cols, radiiPtr, scoresPtr, orders, from, to, outPtr, workPtr)
    return wasm.copyF64(outPtr, orders)
  })
}
