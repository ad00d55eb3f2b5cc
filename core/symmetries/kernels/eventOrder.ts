import { permutation } from '../../random/permutation.js'
import type { SymscopeWasm } from '../../wasm/module.js'
import { EVENT_ORDER_SEED } from '../tolerances.js'

/** Row indices 0 … n − 1 sorted by their rows of `data` (n × cols), feature by feature, ties by index. */
export type RowOrderKernel = (wasm: SymscopeWasm, data: ArrayLike<number>, n: number, cols: number) => Int32Array

/** The row order in wasm (assembly/symmetries/rowOrder.ts: a bottom-up merge sort of (key, index) records). O(n log n). */
export const wasmRowOrder: RowOrderKernel = (wasm, data, n, cols) => {
  const dataPtr = wasm.putF64(data)
  const outPtr = wasm.exports.alloc(Math.max(n, 1) * 4)
  const scratchPtr = wasm.allocF64(4 * Math.max(n, 1))
  try {
    wasm.exports.rowOrder(dataPtr, n, cols, outPtr, scratchPtr)
    return new Int32Array(wasm.exports.memory.buffer, outPtr, n).slice()
  } finally {
    for (const pointer of [dataPtr, outPtr, scratchPtr]) wasm.free(pointer)
  }
}

/**
 * The events in the order the symmetry search reads them: sorted (rows compared feature by feature, so the file's
 * order no longer matters), then shuffled by a seeded permutation (so that every block of consecutive rows, and each
 * half, is a random sample), then the first `rows` of them. A CSV sorted by a feature and the same CSV shuffled give
 * the same bytes here, hence the same section (the sorted order is unique: identical rows are identical bytes).
 * O(n log n · D).
 */
export function eventOrder(
  wasm: SymscopeWasm, data: ArrayLike<number>, n: number, cols: number, rows: number, order: RowOrderKernel = wasmRowOrder,
): Float64Array {
  // One f64 copy first (a Float32Array from a generator, an array from a parser): the loops below then read one kind.
  const values = data instanceof Float64Array ? data : new Float64Array(data)
  const sorted = order(wasm, values, n, cols)
  const shuffle = permutation(wasm, EVENT_ORDER_SEED, 0, n)
  const out = new Float64Array(rows * cols)
  for (let i = 0; i < rows; i++) {
    const source = sorted[shuffle[i]] * cols
    const target = i * cols
    for (let j = 0; j < cols; j++) out[target + j] = values[source + j]
  }
  return out
}
