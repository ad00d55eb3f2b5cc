// k-nearest-neighbour regression (Fix & Hodges 1951; see Hastie, Tibshirani & Friedman, "The Elements of Statistical
// Learning", §2.3.2): ŷ(x_i) = mean of y over the k nearest other points. The analysis uses it to ask whether the
// relevant latents *determine* a truth observable: then ŷ ≈ y and R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² is near 1.
// Brute force, O(rows² · cols); for the few thousand evaluation events the analysis uses.

/** Scratch bytes for k: the k best squared distances (f64) and their indices (i32). */
export function neighbourRegressionScratchBytes(k: i32): usize {
  return (<usize>k << 3) + (<usize>k << 2)
}

/** Finds the k nearest points to point i (excluding i) into best/index, ascending by insertion. */
function nearestOf(i: i32, points: usize, rows: i32, cols: i32, k: i32, best: usize, index: usize): void {
  for (let m = 0; m < k; m++) store<f64>(best + (<usize>m << 3), Infinity)
  const query = points + (<usize>(i * cols) << 2)
  for (let j = 0; j < rows; j++) {
    if (j == i) continue
    const other = points + (<usize>(j * cols) << 2)
    let d: f64 = 0
    for (let c = 0; c < cols; c++) {
      const delta = <f64>load<f32>(query + (<usize>c << 2)) - <f64>load<f32>(other + (<usize>c << 2))
      d += delta * delta
    }
    if (d >= load<f64>(best + (<usize>(k - 1) << 3))) continue
    let p = k - 1
    while (p > 0 && load<f64>(best + (<usize>(p - 1) << 3)) > d) {
      store<f64>(best + (<usize>p << 3), load<f64>(best + (<usize>(p - 1) << 3)))
      store<i32>(index + (<usize>p << 2), load<i32>(index + (<usize>(p - 1) << 2)))
      p--
    }
    store<f64>(best + (<usize>p << 3), d)
    store<i32>(index + (<usize>p << 2), j)
  }
}

/**
 * out[i·valueCols + v] = (1/k) Σ values[j·valueCols + v] over the k nearest points j ≠ i of point i, for f32 points
 * (rows × cols) and f64 values (rows × valueCols). Preconditions (checked by core): 1 ≤ k < rows, cols ≥ 1.
 */
export function neighbourAverages(points: usize, rows: i32, cols: i32, values: usize, valueCols: i32, k: i32, out: usize, scratch: usize): void {
  const best = scratch
  const index = scratch + (<usize>k << 3)
  const scale = 1.0 / <f64>k
  for (let i = 0; i < rows; i++) {
    nearestOf(i, points, rows, cols, k, best, index)
    for (let v = 0; v < valueCols; v++) {
      let sum: f64 = 0
      for (let m = 0; m < k; m++) sum += load<f64>(values + (<usize>(load<i32>(index + (<usize>m << 2)) * valueCols + v) << 3))
      store<f64>(out + (<usize>(i * valueCols + v) << 3), sum * scale)
    }
  }
}
