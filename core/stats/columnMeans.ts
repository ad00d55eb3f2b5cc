import type { SymscopeWasm } from '../wasm/module.js'
import { checkMatrix } from './checkMatrix.js'
import { withScratch } from './withScratch.js'

/**
 * Column means of a row-major Float32 matrix: mean_j = (1/n) Σ_i x_ij, summed in f64 by the wasm kernel
 * (assembly/stats/moments.ts). Runs in O(rows · cols).
 *
 * @param data row-major rows × cols values, all finite
 * @param rows one or more rows
 * @param cols one or more columns
 * @returns the cols means
 * @throws {SymscopeError} invalid_data when there are no rows, the length is not rows × cols or a value is not finite
 * @example
 * columnMeans(wasm, Float32Array.of(1, 10, 3, 30), 2, 2) // Float64Array [2, 20]
 */
export function columnMeans(wasm: SymscopeWasm, data: Float32Array, rows: number, cols: number): Float64Array {
  checkMatrix('columnMeans', data, rows, cols, 1)
  return withScratch(wasm, (scratch) => {
    const dataPtr = scratch.putF32(data)
    const meansPtr = scratch.allocF64(cols)
    wasm.exports.columnMeans(dataPtr, rows, cols, meansPtr)
    return wasm.copyF64(meansPtr, cols)
  })
}
