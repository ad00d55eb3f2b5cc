// The order-independent start of the symmetry search's event order (core/symmetries/eventOrder.ts): the rows sorted
// feature by feature. Bottom-up merge sort of row indices (stable, O(n log n) comparisons of at most `cols` values);
// ties (identical rows) keep their index order, so the result is the unique permutation that sorts (row, index).

// @ts-ignore: decorator
@inline function before(data: usize, cols: i32, a: i32, b: i32): bool {
  const rowA = data + (<usize>a * <usize>cols << 3)
  const rowB = data + (<usize>b * <usize>cols << 3)
  for (let j = 0; j < cols; j++) {
    const x = load<f64>(rowA + (<usize>j << 3))
    const y = load<f64>(rowB + (<usize>j << 3))
    if (x < y) return true
    if (x > y) return false
  }
  return a < b
}

/**
 * Writes to `out` (n i32) the indices 0 … n − 1 sorted by their rows of `data` (n × cols f64, lexicographic by
 * feature, then by index). `scratch` holds n i32. Preconditions (checked by core): values finite.
 */
export function rowOrder(data: usize, n: i32, cols: i32, out: usize, scratch: usize): void {
  for (let i = 0; i < n; i++) store<i32>(out + (<usize>i << 2), i)
  let from = out
  let to = scratch
  for (let width = 1; width < n; width <<= 1) {
    for (let left = 0; left < n; left += width << 1) {
      const middle = min<i32>(left + width, n)
      const right = min<i32>(left + (width << 1), n)
      let i = left
      let j = middle
      for (let k = left; k < right; k++) {
        const a = i < middle ? load<i32>(from + (<usize>i << 2)) : -1
        const b = j < right ? load<i32>(from + (<usize>j << 2)) : -1
        const takeLeft = b < 0 || (a >= 0 && !before(data, cols, b, a))
        store<i32>(to + (<usize>k << 2), takeLeft ? a : b)
        if (takeLeft) i++
        else j++
      }
    }
    const swap = from
    from = to
    to = swap
  }
  if (from != out) memory.copy(out, from, <usize>n << 2)
}
