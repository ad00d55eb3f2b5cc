// The points in the layout the brute-force neighbour searches scan (neighbours.ts, nearestTwo.ts): blocks of four,
// coordinate-major inside a block (block b, coordinate c holds x_{4b…4b+3, c} as one f32x4), so one query point is
// compared with four points per SIMD step whatever the number of columns. The block count is even: a scan step takes
// two blocks, eight points. Padding lanes of the last block hold +Inf and never qualify. Both searches sum the
// squared distances here, in f32 and in the same order, so they give the same distances bit for bit.

/** Blocks of four points, rounded up to an even count. */
// @ts-ignore: decorator
@inline export function blockCount(rows: i32): i32 {
  return ((rows + 7) >> 3) << 1
}

/** Bytes of the blocked copy of rows × cols points. */
// @ts-ignore: decorator
@inline export function blockedBytes(rows: i32, cols: i32): usize {
  return <usize>(blockCount(rows) * cols) << 4
}

/** Copies rows × cols f32 points from `data` into the blocked layout at `blocked` (blockedBytes of it). */
export function copyBlocked(data: usize, rows: i32, cols: i32, blocked: usize): void {
  const infinity = Infinity as f32
  const blocks = blockCount(rows)
  // Point j, coordinate c goes to lane j & 3 of vector (j >> 2) · cols + c.
  for (let b = 0; b < blocks; b++) {
    for (let lane = 0; lane < 4; lane++) {
      const j = (b << 2) + lane
      for (let c = 0; c < cols; c++) {
        const value = j < rows ? load<f32>(data + (<usize>(j * cols + c) << 2)) : infinity
        store<f32>(blocked + (<usize>((b * cols + c) << 2) + lane << 2), value)
      }
    }
  }
}

/** Writes point i's coordinates, each splatted over four lanes, to `query` (cols × 16 bytes). */
export function splatQuery(data: usize, i: i32, cols: i32, query: usize): void {
  const point = data + (<usize>(i * cols) << 2)
  for (let c = 0; c < cols; c++) v128.store(query + (<usize>c << 4), f32x4.splat(load<f32>(point + (<usize>c << 2))))
}

/** The second block's sums of the last blockPairDistances call. */
// @ts-ignore: decorator
@lazy export let secondBlockDistances: v128 = f32x4.splat(0)

/**
 * Σ_c (q_c − x_{j,c})² for the four points of the block at `vector` (returned) and of the block `stride` bytes
 * after it (left in secondBlockDistances): the inner step of both scans.
 */
// @ts-ignore: decorator
@inline export function blockPairDistances(query: usize, vector: usize, cols: i32, stride: usize): v128 {
  let sum0 = f32x4.splat(0)
  let sum1 = f32x4.splat(0)
  for (let c = 0; c < cols; c++) {
    const q = v128.load(query + (<usize>c << 4))
    const difference0 = f32x4.sub(q, v128.load(vector + (<usize>c << 4)))
    const difference1 = f32x4.sub(q, v128.load(vector + stride + (<usize>c << 4)))
    sum0 = f32x4.add(sum0, f32x4.mul(difference0, difference0))
    sum1 = f32x4.add(sum1, f32x4.mul(difference1, difference1))
  }
  secondBlockDistances = sum1
  return sum0
}
