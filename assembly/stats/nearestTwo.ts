// The two nearest other points of every point, by index and distance: what the TwoNN confidence interval needs to
// know which ratios share a neighbour (core/id/twoNNInterval.ts). Exact brute force, O(rows² · cols), with the SIMD
// scheme of neighbours.ts: the points copied into blocks of four, coordinate-major inside a block, one query compared
// with eight points per step, squared distances summed in f32 in the same order as there (so r₁ and r₂ are the same
// numbers nearestNeighbours gives). Only a step with a lane below the current second-best goes to the scalar update.
// Ties go to the lower index.

// @ts-ignore: decorator
@inline function blockCount(rows: i32): i32 {
  return ((rows + 7) >> 3) << 1
}

/** Scratch bytes `nearestTwo` needs: the blocked copy of the points and the splatted query. */
export function nearestTwoScratchBytes(rows: i32, cols: i32): usize {
  return (<usize>(blockCount(rows) * cols) << 4) + (<usize>cols << 4)
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
    let sum0 = f32x4.splat(0)
    let sum1 = f32x4.splat(0)
    for (let c = 0; c < cols; c++) {
      const q = v128.load(query + (<usize>c << 4))
      const difference0 = f32x4.sub(q, v128.load(vector))
      const difference1 = f32x4.sub(q, v128.load(vector + stride))
      sum0 = f32x4.add(sum0, f32x4.mul(difference0, difference0))
      sum1 = f32x4.add(sum1, f32x4.mul(difference1, difference1))
      vector += 16
    }
    vector += stride
    if (v128.any_true(f32x4.lt(f32x4.min(sum0, sum1), f32x4.splat(secondDistance)))) {
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
 * For every point i writes the indices of its nearest and second-nearest other points to `indices` (rows × 2 i32)
 * and their Euclidean distances to `distances` (rows × 2 f64). A point is never its own neighbour; another point with
 * the same coordinates is one at distance 0. `scratch` holds `nearestTwoScratchBytes(rows, cols)` bytes, 16-byte
 * aligned. Padding lanes hold +Inf and never qualify.
 * Preconditions (checked by core): rows ≥ 3, cols ≥ 1, `data` rows × cols f32, finite.
 */
export function nearestTwo(data: usize, rows: i32, cols: i32, indices: usize, distances: usize, scratch: usize): void {
  const blocks = blockCount(rows)
  const blocked = scratch
  const query = scratch + (<usize>(blocks * cols) << 4)
  const infinity = Infinity as f32
  // Blocked copy: point j, coordinate c goes to lane j & 3 of vector (j >> 2) · cols + c.
  for (let b = 0; b < blocks; b++) {
    for (let lane = 0; lane < 4; lane++) {
      const j = (b << 2) + lane
      for (let c = 0; c < cols; c++) {
        const value = j < rows ? load<f32>(data + (<usize>(j * cols + c) << 2)) : infinity
        store<f32>(blocked + (<usize>((b * cols + c) << 2) + lane << 2), value)
      }
    }
  }
  for (let i = 0; i < rows; i++) {
    const point = data + (<usize>(i * cols) << 2)
    for (let c = 0; c < cols; c++) v128.store(query + (<usize>c << 4), f32x4.splat(load<f32>(point + (<usize>c << 2))))
    scanPoint(i, blocked, blocks, cols, query)
    store<i32>(indices + (<usize>(2 * i) << 2), bestIndex)
    store<i32>(indices + (<usize>(2 * i + 1) << 2), secondIndex)
    store<f64>(distances + (<usize>(2 * i) << 3), Math.sqrt(<f64>bestDistance))
    store<f64>(distances + (<usize>(2 * i + 1) << 3), Math.sqrt(<f64>secondDistance))
  }
}
