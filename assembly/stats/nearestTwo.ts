// The two nearest other points of every point, by index and distance: what the TwoNN confidence interval needs to
// know which ratios share a neighbour (core/id/twoNNInterval.ts). Exact brute force, O(rows² · cols), squared
// distances summed in f64 from the f32 coordinates; ties go to the lower index.

/**
 * For every point i writes the indices of its nearest and second-nearest other points to `indices` (rows × 2 i32)
 * and their Euclidean distances to `distances` (rows × 2 f64). A point is never its own neighbour; another point with
 * the same coordinates is one at distance 0.
 * Preconditions (checked by core): rows ≥ 3, cols ≥ 1, `data` rows × cols f32, finite.
 */
export function nearestTwo(data: usize, rows: i32, cols: i32, indices: usize, distances: usize): void {
  for (let i = 0; i < rows; i++) {
    const a = data + (<usize>(i * cols) << 2)
    let best: f64 = Infinity
    let second: f64 = Infinity
    let bestIndex = -1
    let secondIndex = -1
    for (let j = 0; j < rows; j++) {
      if (j == i) continue
      const b = data + (<usize>(j * cols) << 2)
      let sum: f64 = 0
      for (let c = 0; c < cols; c++) {
        const d = <f64>load<f32>(a + (<usize>c << 2)) - <f64>load<f32>(b + (<usize>c << 2))
        sum += d * d
      }
      if (sum < best) {
        second = best
        secondIndex = bestIndex
        best = sum
        bestIndex = j
      } else if (sum < second) {
        second = sum
        secondIndex = j
      }
    }
    store<i32>(indices + (<usize>(2 * i) << 2), bestIndex)
    store<i32>(indices + (<usize>(2 * i + 1) << 2), secondIndex)
    store<f64>(distances + (<usize>(2 * i) << 3), Math.sqrt(best))
    store<f64>(distances + (<usize>(2 * i + 1) << 3), Math.sqrt(second))
  }
}
