import type { SymscopeWasm } from '../wasm/module.js'
import { checkMatrix } from './checkMatrix.js'
import { withScratch } from './withScratch.js'

/**
 * Population variances of the columns of a row-major Float32 matrix: var_j = (1/n) Σ_i (x_ij − mean_j)².
 * Divides by n, not n − 1: symscope describes the data in hand (the relevance R_i = Var_x[μ_i] is this variance over
 * the evaluation events), it does not estimate a wider population. Two passes in f64 (means first), so a large offset
 * does not cancel the spread. Runs in O(rows · cols).
 *
 * @param data row-major rows × cols values, all finite
 * @param rows two or more rows
 * @param cols one or more columns
 * @returns the cols variances
 * @throws {SymscopeError} invalid_data when there are fewer than two rows, the length is not rows × cols or a value is
 *   not finite
 * @example
 * columnVariances(wasm, Float32Array.of(1, 5, 3, 5), 2, 2) // Float64Array [1, 0]
 */
export function columnVariances(wasm: SymscopeWasm, data: Float32Array, rows: number, cols: number): Float64Array {
  checkMatrix('columnVariances', data, rows, cols)
  return withScratch(wasm, (scratch) => {
    const dataPtr = scratch.putF32(data)
    const meansPtr = scratch.allocF64(cols)
    const variancesPtr = scratch.allocF64(cols)
    wasm.exports.columnMeans(dataPtr, rows, cols, meansPtr)
    wasm.exports.columnVariances(dataPtr, rows, cols, meansPtr, variancesPtr)
    return wasm.copyF64(variancesPtr, cols)
  })
}
