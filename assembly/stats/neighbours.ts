// Exact k-nearest-neighbour distances by brute force, for the intrinsic-dimension estimators (TwoNN needs r₁ and r₂;
// Gride needs r_k and r_2k up to k = 64, hence k ≤ 128). Cost O(rows² · cols) time, O(rows · cols) scratch.
//
// The points are first copied into blocks of four (blockedPoints.ts), so one query point is compared with four points
// per SIMD step (eight per loop step) whatever the number of columns. Candidates closer than the current k-th best
// are appended to a buffer without branching; when it fills, a quickselect cuts it back to the k best and the
// largest of them becomes the new bar. Squared distances are summed in f32 (relative error
// ≲ cols · 2⁻²⁴; differences of nearby coordinates are exact in f32 by Sterbenz's lemma), the square root is taken
// in f64 on output. Measured (Node 20, one core): 20,000 points × 16 columns in about 0.8 s for k = 2, 1.6 s for
// k = 128.
//
// Duplicates: a point is never its own neighbour (excluded by index, not by distance), but another point at the
// same coordinates is a neighbour at distance exactly 0. Estimators that divide by a distance must skip such points
// (core/id/twoNN.ts does, and counts them).
import { blockCount, blockedBytes, blockPairDistances, copyBlocked, secondBlockDistances, splatQuery } from './blockedPoints'

/** Candidate buffer length for k: candidates are appended until it is nearly full, then cut back to the k best. */
// @ts-ignore: decorator
@inline function bufferLength(k: i32): i32 {
  return max<i32>(k << 2, 64) + 8
}

/** Scratch bytes `nearestNeighbours` needs for these sizes: the blocked copy, the splatted query, the candidates. */
export function neighboursScratchBytes(rows: i32, cols: i32, k: i32): usize {
  return blockedBytes(rows, cols) + (<usize>cols << 4) + (<usize>bufferLength(k) << 2)
}

// @ts-ignore: decorator
@inline function at(values: usize, i: i32): f32 {
  return load<f32>(values + (<usize>i << 2))
}

/** Sorts values[left … right − 1] ascending by insertion (short ranges only). */
function insertionSort(values: usize, left: i32, right: i32): void {
  for (let m = left + 1; m < right; m++) {
    const value = at(values, m)
    let p = m
    while (p > left && at(values, p - 1) > value) {
      store<f32>(values + (<usize>p << 2), at(values, p - 1))
      p--
    }
    store<f32>(values + (<usize>p << 2), value)
  }
}

/**
 * Moves the values of [left, right) that are below `pivot` (or at most `pivot` when `inclusive`) to the front of the
 * range and returns where they end. Lomuto's scheme with the swap done by selects, so no branch depends on the data
 * (a mispredicted branch per element costs more than the whole swap).
 */
// @ts-ignore: decorator
@inline function partition(values: usize, left: i32, right: i32, pivot: f32, inclusive: bool): i32 {
  let front = left
  for (let index = left; index < right; index++) {
    const value = at(values, index)
    const displaced = at(values, front)
    const moves = inclusive ? value <= pivot : value < pivot
    store<f32>(values + (<usize>index << 2), select<f32>(displaced, value, moves))
    store<f32>(values + (<usize>front << 2), select<f32>(value, displaced, moves))
    front += <i32>moves
  }
  return front
}

/**
 * Quickselect: rearranges values[0 … count − 1] so that values[target] is the (target + 1)-th smallest, with no
 * larger value before it and no smaller one after it; returns it. Hoare's FIND (Comm. ACM 4 (1961) 321) with a
 * median-of-three pivot and branch-free partitions; values equal to the pivot get a second partition of their own,
 * so ties (duplicate points, lattices) cannot make it quadratic. Expected O(count).
 */
function quickselect(values: usize, count: i32, target: i32): f32 {
  let left = 0
  let right = count
  while (right - left > 16) {
    const a = at(values, left)
    const b = at(values, (left + right) >> 1)
    const c = at(values, right - 1)
    const pivot = max(min(a, b), min(max(a, b), c))
    const below = partition(values, left, right, pivot, false)
    if (target < below) {
      right = below
      continue
    }
    const equal = partition(values, below, right, pivot, true)
    if (target < equal) return pivot
    left = equal
  }
  insertionSort(values, left, right)
  return at(values, target)
}

/** Appends the lanes of `sum` that beat `threshold` to `buffer` without branching; lane `self` is point i. */
// @ts-ignore: decorator
@inline function appendLanes(buffer: usize, count: i32, sum: v128, self: i32, threshold: f32): i32 {
  const d0 = f32x4.extract_lane(sum, 0)
  store<f32>(buffer + (<usize>count << 2), d0)
  count += <i32>(d0 < threshold) & <i32>(self != 0)
  const d1 = f32x4.extract_lane(sum, 1)
  store<f32>(buffer + (<usize>count << 2), d1)
  count += <i32>(d1 < threshold) & <i32>(self != 1)
  const d2 = f32x4.extract_lane(sum, 2)
  store<f32>(buffer + (<usize>count << 2), d2)
  count += <i32>(d2 < threshold) & <i32>(self != 2)
  const d3 = f32x4.extract_lane(sum, 3)
  store<f32>(buffer + (<usize>count << 2), d3)
  count += <i32>(d3 < threshold) & <i32>(self != 3)
  return count
}

/**
 * The k smallest squared distances from point i (its coordinates splatted at `query`) to the blocked points, sorted
 * ascending into buffer[0 … k − 1]. A function of its own, called once per point, so the engine's optimising tier
 * (which replaces code between calls, not inside one) takes over after the first few points.
 */
function scanPoint(i: i32, blocked: usize, blocks: i32, cols: i32, query: usize, buffer: usize, k: i32): void {
  const stride = <usize>cols << 4
  const limit = bufferLength(k) - 8
  let threshold = Infinity as f32
  let count = 0
  let vector = blocked
  // Two blocks (eight points) per step: Σ_c (q_c − x_{j,c})² for j = 8s … 8s + 7.
  for (let b = 0; b < blocks; b += 2) {
    const sum0 = blockPairDistances(query, vector, cols, stride)
    const sum1 = secondBlockDistances
    vector += stride << 1
    // Some lane of either block below the bar: two compares or-ed (f32x4.min carries NaN and signed-zero rules that
    // cost several instructions on x86; the distances have neither).
    const bar = f32x4.splat(threshold)
    if (v128.any_true(v128.or(f32x4.lt(sum0, bar), f32x4.lt(sum1, bar)))) {
      const self = i - (b << 2) // lane of point i in the first block, if it is there
      count = appendLanes(buffer, count, sum0, self, threshold)
      count = appendLanes(buffer, count, sum1, self - 4, threshold)
      if (count > limit) {
        // Cut back to the k best; the k-th becomes the bar for later candidates.
        threshold = quickselect(buffer, count, k - 1)
        count = k
      }
    }
  }
  if (count > k) quickselect(buffer, count, k - 1)
  insertionSort(buffer, 0, k) // the k best, ascending (k ≤ 128)
}

/**
 * For every point i in [from, to), the Euclidean distances to its k nearest other points (among all rows), ascending:
 * out[(i − from)·k + m] = ‖x_i − x_(m+1)‖, the (m + 1)-th smallest over j ≠ i. Writes (to − from) × k f64 to `out`.
 * A caller splits the rows into blocks to pause between them (core/id/neighbours.ts): each row's answer is the same
 * in any block. `scratch` holds `neighboursScratchBytes(rows, cols, k)` bytes, 16-byte aligned.
 * Preconditions (checked by core): 1 ≤ k < rows, k ≤ 128, cols ≥ 1, 0 ≤ from ≤ to ≤ rows, all coordinates finite.
 */
export function nearestNeighbours(data: usize, rows: i32, cols: i32, k: i32, from: i32, to: i32, out: usize, scratch: usize): void {
  const blocks = blockCount(rows)
  const blocked = scratch
  const query = scratch + blockedBytes(rows, cols)
  const buffer = query + (<usize>cols << 4)
  copyBlocked(data, rows, cols, blocked)
  for (let i = from; i < to; i++) {
    splatQuery(data, i, cols, query)
    scanPoint(i, blocked, blocks, cols, query, buffer, k)
    const target = out + (<usize>((i - from) * k) << 3)
    for (let m = 0; m < k; m++) {
      store<f64>(target + (<usize>m << 3), Math.sqrt(<f64>load<f32>(buffer + (<usize>m << 2))))
    }
  }
}
