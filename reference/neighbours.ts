// k nearest neighbours by a plain double loop in f64 with a sorted list of the k best: the reference the wasm kernel
// is tested against, and the plain-TypeScript side of bench/twoNN.ts.

/** rows × k distances, row-major, ascending per point; a point is not its own neighbour. */
export function nearestNeighboursReference(data: ArrayLike<number>, rows: number, cols: number, k: number): Float64Array {
  const out = new Float64Array(rows * k)
  const best = new Float64Array(k)
  for (let i = 0; i < rows; i++) {
    best.fill(Infinity)
    for (let j = 0; j < rows; j++) {
      if (j === i) continue
      let sum = 0
      for (let c = 0; c < cols; c++) {
        const d = data[i * cols + c] - data[j * cols + c]
        sum += d * d
      }
      if (sum < best[k - 1]) {
        let p = k - 1
        while (p > 0 && best[p - 1] > sum) {
          best[p] = best[p - 1]
          p--
        }
        best[p] = sum
      }
    }
    for (let m = 0; m < k; m++) out[i * k + m] = Math.sqrt(best[m])
  }
  return out
}
