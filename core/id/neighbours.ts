import { SymscopeError } from '../errors.js'
import { checkMatrix } from '../stats/checkMatrix.js'
import { withScratch } from '../stats/withScratch.js'
import { inRowBlocks, type Pause } from '../stats/pause.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { NEIGHBOURS_SECONDS_PER_PAIR_COLUMN, NEIGHBOURS_SECONDS_PER_PAIR_COLUMN_PER_NEIGHBOUR } from './tolerances.js'

/** Largest k: Gride at k = 64 reads the 128th neighbour. */
const MAX_NEIGHBOURS = 128

/** Sorted nearest-neighbour distances of every point, as every intrinsic-dimension estimator consumes them. */
export interface Neighbours {
  /** rows × k, row-major: distances[i·k + m] is the distance from point i to its (m + 1)-th nearest other point. */
  distances: Float64Array
  k: number
  rows: number
}

/**
 * Exact k-nearest-neighbour distances: for each point, the Euclidean distances to its k nearest other points,
 * ascending. Brute force in wasm with f32x4 SIMD over four points at a time (assembly/stats/neighbours.ts), one
 * call; squared distances are summed in Float32 (relative error ≲ cols · 6e-8). Runs in O(rows² · cols) time:
 * about 0.8 s for 20,000 points × 16 columns at k = 2 and 1.6 s at k = 128 (Node 20, one core).
 *
 * Duplicates: a point is never its own neighbour, but another point with the same coordinates is a neighbour at
 * distance exactly 0. Estimators that divide by a distance skip the points whose ratio is undefined (twoNN counts
 * them in `duplicates`); nothing here turns into NaN or Infinity.
 *
 * @param data row-major rows × cols coordinates, all finite
 * @param rows at least k + 1 points
 * @param cols one or more coordinates
 * @param k neighbours per point, 1 … 128 and below rows
 * @throws {SymscopeError} invalid_data when k is not an integer in 1 … min(128, rows − 1), fewer than two rows, the
 *   length is not rows × cols or a value is not finite
 * @example
 * nearestNeighbours(wasm, Float32Array.of(0, 1, 3), 3, 1, 2).distances // [1, 3, 1, 2, 2, 3]
 */
export function nearestNeighbours(wasm: SymscopeWasm, data: Float32Array, rows: number, cols: number, k: number): Neighbours {
  checkNeighbours(data, rows, cols, k)
  return { distances: neighbourRows(wasm, data, rows, cols, k, 0, rows), k, rows }
}

/**
 * `nearestNeighbours` in row blocks of about PAUSE_BLOCK_SECONDS, awaiting `pause` between them (core/stats/pause.ts):
 * the same distances, without holding a single-threaded host for the whole search.
 */
export async function nearestNeighboursPaced(wasm: SymscopeWasm, data: Float32Array, rows: number, cols: number, k: number, pause?: Pause): Promise<Neighbours> {
  checkNeighbours(data, rows, cols, k)
  const distances = new Float64Array(rows * k)
  await inRowBlocks(rows, neighbourSeconds(rows, cols, k) / rows, pause, (from, to) => distances.set(neighbourRows(wasm, data, rows, cols, k, from, to), from * k))
  return { distances, k, rows }
}

/** Seconds the search of k neighbours among `rows` points is estimated to take (NEIGHBOURS_SECONDS_PER_PAIR_COLUMN). */
export function neighbourSeconds(rows: number, cols: number, k: number): number {
  return rows * rows * cols * (NEIGHBOURS_SECONDS_PER_PAIR_COLUMN + k * NEIGHBOURS_SECONDS_PER_PAIR_COLUMN_PER_NEIGHBOUR)
}

function checkNeighbours(data: Float32Array, rows: number, cols: number, k: number): void {
  checkMatrix('nearestNeighbours', data, rows, cols)
  if (!Number.isInteger(k) || k < 1 || k >= rows || k > MAX_NEIGHBOURS) {
    throw new SymscopeError(
      'invalid_data',
      `nearestNeighbours requires an integer k from 1 to ${Math.min(MAX_NEIGHBOURS, rows - 1)}, below the ${rows} rows (got ${k})`,
      { parameter: 'k' },
    )
  }
}

/** The k distances of rows [from, to) among all rows, (to − from) × k. */
function neighbourRows(wasm: SymscopeWasm, data: Float32Array, rows: number, cols: number, k: number, from: number, to: number): Float64Array {
  return withScratch(wasm, (scratch) => {
    const dataPtr = scratch.putF32(data)
    const outPtr = scratch.allocF64((to - from) * k)
    const workPtr = scratch.allocBytes(wasm.exports.neighboursScratchBytes(rows, cols, k))
    wasm.exports.nearestNeighbours(dataPtr, rows, cols, k, from, to, outPtr, workPtr)
    return wasm.copyF64(outPtr, (to - from) * k)
  })
}
