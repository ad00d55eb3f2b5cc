import type { SymscopeWasm } from '../wasm/module.js'
import { checkMatrix } from './checkMatrix.js'
import { withScratch } from './withScratch.js'

/**
 * Population covariance matrix of the columns of a row-major Float32 matrix:
 * C_jk = (1/n) Σ_i (x_ij − mean_j)(x_ik − mean_k), divided by n like `columnVariances` (its diagonal). Two passes in
 * f64. Runs in O(rows · cols²). The linear toy model of the design reads its eigenvalues off the covariance of the
 * standardised features (their correlation matrix).
 *
 * @param data row-major rows × cols values, all finite
 * @param rows two or more rows
 * @param cols one or more columns
 * @returns cols × cols row-major, symmetric
 * @throws {SymscopeError} invalid_data when there are fewer than two rows, the length is not rows × cols or a value is
 *   not finite
 * @example
 * covariance(wasm, Float32Array.of(1, 2, 3, 6), 2, 2) // Float64Array [1, 2, 2, 4]
 */
export function covariance(wasm: SymscopeWasm, data: Float32Array, rows: number, cols: number): Float64Array {
  checkMatrix('covariance', data, rows, cols)
  return withScratch(wasm, (scratch) => {
    const dataPtr = scratch.putF32(data)
    const meansPtr = scratch.allocF64(cols)
    const outPtr = scratch.allocF64(cols * cols)
    const rowPtr = scratch.allocF64(cols)
    wasm.exports.columnMeans(dataPtr, rows, cols, meansPtr)
    wasm.exports.covarianceMatrix(dataPtr, rows, cols, meansPtr, outPtr, rowPtr)
    return wasm.copyF64(outPtr, cols * cols)
  })
}
