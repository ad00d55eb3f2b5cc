import type { SymscopeWasm } from '../wasm/module.js'
import { nearestNeighbours } from './neighbours.js'
import { twoNN, type TwoNNOptions, type TwoNNResult } from './twoNN.js'

/**
 * Intrinsic dimension of a point cloud by TwoNN (Facco et al., Sci. Rep. 7, 12140 (2017)): the two nearest
 * neighbours of every point (`nearestNeighbours`, k = 2) and the fit of `twoNN`. Runs in O(rows² · cols), dominated
 * by the neighbour search (about 0.2 s for 10,000 points × 8 columns).
 *
 * @param data row-major rows × cols coordinates, all finite (standardised features or relevant-latent means)
 * @param rows three or more points
 * @param cols one or more coordinates
 * @throws {SymscopeError} invalid_data as `nearestNeighbours` and `twoNN` do
 * @example
 * intrinsicDimension(wasm, diskPoints, 8000, 2).dimension // ≈ 2
 */
export function intrinsicDimension(
  wasm: SymscopeWasm,
  data: Float32Array,
  rows: number,
  cols: number,
  options: TwoNNOptions = {},
): TwoNNResult {
  return twoNN(nearestNeighbours(wasm, data, rows, cols, 2), options)
}
