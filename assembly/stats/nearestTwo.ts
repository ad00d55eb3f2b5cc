// The two nearest other points of every point, by index and distance: what the TwoNN confidence interval needs to
// know which ratios share a neighbour (core/id/twoNNInterval.ts). Exact brute force, O(rows² · cols), over the
// blocked points of blockedPoints.ts, one query compared with eight points per step, the squared distances summed by
// the same function as neighbours.ts (so r₁ and r₂ are the same numbers nearestNeighbours gives). Only a step with a lane below the current second-best goes to the scalar update.
// Ties go to the lower index.
import { blockCount, blockedBytes, blockPairDistances, copyBlocked, secondBlockDistances, splatQuery } from './blockedPoints'

/** Scratch bytes `nearestTwo` needs: the blocked copy of the points and the splatted query. */
export function nearestTwoScratchBytes(rows: i32, cols: i32): usize {
  return blockedBytes(rows, cols) + (<usize>cols << 4)
}

// @ts-ignore: decorator
@lazy let bestDistance: f32 = 0
// @ts-ignore: decorator
@lazy let secondDistance: f32 = 0
// @ts-ignore: decorator
@lazy let bestIndex: i32 = -1
// @ts-ignore: decorator
@lazy let secondIndex: i32 = -1

/** Offers candidate j at squared distance d to the running best two of point i. */
// @ts-ignore: decorator
@inline function offer(d: f32, j: i32, i: i32): void {
  if (j == i || !(d < secondDistance)) return
  if (d < bestDistance) {
    secondDistance = bestDistance
    secondIndex = bestIndex
    bestDistance = d
    bestIndex = j
  } else {
    secondDistance = d
    secondIndex = j
  }
}

/** The best two of point i (coordinates splatted at `query`) over the blocked points, left in the globals above. */
function scanPoint(i: i32, blocked: usize, blocks: i32, cols: i32, query: usize): void {
  const stride = <usize>cols << 4
  bestDistance = Infinity
  secondDistance = Infinity
  bestIndex = -1
  secondIndex = -1
  let vector = blocked
  for (let b = 0; b < blocks; b += 2) {
    const sum0 = blockPairDistances(query, vector, cols, stride)
    const sum1 = secondBlockDistances
    vector += stride << 1
    // Some lane of either block below the bar: two compares or-ed (f32x4.min carries NaN and signed-zero rules that
    // cost several instructions on x86; the distances have neither).
    const bar = f32x4.splat(secondDistance)
    if (v128.any_true(v128.or(f32x4.lt(sum0, bar), f32x4.lt(sum1, bar)))) {
      const first = b << 2
      offer(f32x4.extract_lane(sum0, 0), first, i)
      offer(f32x4.extract_lane(sum0, 1), first + 1, i)
      offer(f32x4.extract_lane(sum0, 2), first + 2, i)
      offer(f32x4.extract_lane(sum0, 3), first + 3, i)
      offer(f32x4.extract_lane(sum1, 0), first + 4, i)
      offer(f32x4.extract_lane(sum1, 1), first + 5, i)
      offer(f32x4.extract_lane(sum1, 2), first + 6, i)
      offer(f32x4.extract_lane(sum1, 3), first + 7, i)
    }
  }
}

/**
 * For every point i in [from, to) writes the indices of its nearest and second-nearest other points (among all rows)
 * to `indices` ((to − from) × 2 i32, row i at i − from) and their Euclidean distances to `distances` ((to − from) × 2
 * f64). A point is never its own neighbour; another point with the same coordinates is one at distance 0. A caller
 * splits the rows into blocks to pause between them (core/id/nearestTwo.ts): each row's answer is the same in any
 * block. `scratch` holds `nearestTwoScratchBytes(rows, cols)` bytes, 16-byte aligned. Padding lanes hold +Inf and
 * never qualify.
 * Preconditions (checked by core): rows ≥ 3, cols ≥ 1, 0 ≤ from ≤ to ≤ rows, `data` rows × cols f32, finite.
 */
export function nearestTwo(data: usize, rows: i32, cols: i32, from: i32, to: i32, indices: usize, distances: usize, scratch: usize): void {
  const blocks = blockCount(rows)
  const blocked = scratch
  const query = scratch + blockedBytes(rows, cols)
  copyBlocked(data, rows, cols, blocked)
  for (let i = from; i < to; i++) {
    splatQuery(data, i, cols, query)
    scanPoint(i, blocked, blocks, cols, query)
    const slot = 2 * (i - from)
    store<i32>(indices + (<usize>slot << 2), bestIndex)
    store<i32>(indices + (<usize>(slot + 1) << 2), secondIndex)
    store<f64>(distances + (<usize>slot << 3), Math.sqrt(<f64>bestDistance))
    store<f64>(distances + (<usize>(slot + 1) << 3), Math.sqrt(<f64>secondDistance))
  }
}
