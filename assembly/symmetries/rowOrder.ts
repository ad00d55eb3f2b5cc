// The order-independent start of the symmetry search's event order (core/symmetries/kernels/eventOrder.ts): the rows sorted
// feature by feature, ties (identical rows) by index, so the result is the unique permutation that sorts (row, index).
// Columns constant over all rows cannot decide a comparison, so the sort starts at the first column that varies: it
// sorts (that column's value, row index) records, 16 bytes each, by a bottom-up merge sort whose merges read and write
// memory in order and pick the next record without a data-dependent branch; only equal keys go back to the rows.

/** Whether row a comes before row b: columns from `start` on, then the index. */
function rowBefore(data: usize, cols: i32, start: i32, a: i32, b: i32): bool {
  const rowA = data + (<usize>a * <usize>cols << 3)
  const rowB = data + (<usize>b * <usize>cols << 3)
  for (let j = start; j < cols; j++) {
    const x = load<f64>(rowA + (<usize>j << 3))
    const y = load<f64>(rowB + (<usize>j << 3))
    if (x < y) return true
    if (x > y) return false
  }
  return a < b
}

/**
 * Writes to `out` (n i32) the indices 0 … n − 1 sorted by their rows of `data` (n × cols f64, lexicographic by
 * feature, then by index). `scratch` holds 4 · n f64 (two buffers of n records). O(n log n), plus the rows' columns
 * for equal keys. Preconditions (checked by core): values finite, n ≥ 1.
 */
export function rowOrder(data: usize, n: i32, cols: i32, out: usize, scratch: usize): void {
  // The first column that is not constant (all of them constant: every row is equal, index order).
  let start = 0
  for (; start < cols; start++) {
    const first = load<f64>(data + (<usize>start << 3))
    let varies = false
    for (let i = 1; i < n && !varies; i++) varies = load<f64>(data + ((<usize>i * <usize>cols + <usize>start) << 3)) != first
    if (varies) break
  }
  let from = scratch
  let to = scratch + (<usize>n << 4)
  for (let i = 0; i < n; i++) {
    const record = from + (<usize>i << 4)
    store<f64>(record, start < cols ? load<f64>(data + ((<usize>i * <usize>cols + <usize>start) << 3)) : 0.0)
    store<i32>(record + 8, i)
  }
  for (let width = 1; width < n; width <<= 1) {
    for (let left = 0; left < n; left += width << 1) {
      const middle = min<i32>(left + width, n)
      const right = min<i32>(left + (width << 1), n)
      let a = from + (<usize>left << 4)
      let b = from + (<usize>middle << 4)
      const endA = b
      const endB = from + (<usize>right << 4)
      let target = to + (<usize>left << 4)
      while (a < endA && b < endB) {
        const keyA = load<f64>(a)
        const keyB = load<f64>(b)
        const takeB = keyB < keyA || (keyB == keyA && rowBefore(data, cols, start, load<i32>(b + 8), load<i32>(a + 8)))
        v128.store(target, v128.load(select<usize>(b, a, takeB)))
        b += select<usize>(16, 0, takeB)
        a += select<usize>(0, 16, takeB)
        target += 16
      }
      memory.copy(target, a, endA - a)
      memory.copy(target + (endA - a), b, endB - b)
    }
    const swap = from
    from = to
    to = swap
  }
  for (let i = 0; i < n; i++) store<i32>(out + (<usize>i << 2), load<i32>(from + (<usize>i << 4) + 8))
}
