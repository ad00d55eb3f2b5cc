import { SymscopeError } from '../errors.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { checkMatrix } from './checkMatrix.js'
import { withScratch } from './withScratch.js'
import { CONSTANT_FEATURE_TOLERANCE } from './tolerances.js'

export interface StandardiseOptions {
  /**
   * A column is constant, hence dropped, when its standard deviation is at most `tolerance` × |mean|. Default 1e-6:
   * such a column holds at most a few distinct Float32 values (Float32 resolves 6e-8 relative), so an exact
   * constraint computed in f64 and rounded to f32 (a muon energy fixed at √s/2) still reads as constant.
   * 0 drops only columns of exactly equal values.
   */
  tolerance?: number
}

/** A standardised matrix, the constant columns left out. */
export interface StandardisedMatrix {
  /** rows × cols, row-major: (x − mean) / scale for each kept column. */
  data: Float32Array
  rows: number
  /** Number of kept columns. */
  cols: number
  /** Original index of each kept column, increasing. */
  columns: number[]
  /** Mean of every original column (for a dropped column, its constant value). */
  means: Float64Array
  /** Population standard deviation of every original column (0 or nearly 0 for a dropped column). */
  scales: Float64Array
  /** Original indices of the dropped (constant) columns: exact constraints of the data. */
  dropped: number[]
}

/**
 * Standardisation (z-scores) of the columns of a row-major Float32 matrix: z_ij = (x_ij − mean_j) / s_j with s_j the
 * population standard deviation (divide by n), so every kept column has mean 0 and variance 1 over these rows.
 * Columns with zero variance are dropped and listed in `dropped`: the design reports them as exact constraints.
 * Runs in O(rows · cols), three passes in wasm (means, variances, output).
 *
 * @param data row-major rows × cols values, all finite
 * @param rows two or more rows
 * @param cols one or more columns
 * @throws {SymscopeError} invalid_data when there are fewer than two rows, the length is not rows × cols, a value is
 *   not finite, or the tolerance is negative
 * @example
 * standardise(wasm, Float32Array.of(1, 7, 3, 7), 2, 2)
 * // { data: Float32Array [-1, 1], rows: 2, cols: 1, columns: [0], means: [2, 7], scales: [1, 0], dropped: [1] }
 */
export function standardise(
  wasm: SymscopeWasm,
  data: Float32Array,
  rows: number,
  cols: number,
  { tolerance = CONSTANT_FEATURE_TOLERANCE }: StandardiseOptions = {},
): StandardisedMatrix {
  checkMatrix('standardise', data, rows, cols)
  if (!(tolerance >= 0)) throw new SymscopeError('invalid_data', `standardise requires tolerance ≥ 0 (got ${tolerance})`)
  return withScratch(wasm, (scratch) => {
    const dataPtr = scratch.putF32(data)
    const meansPtr = scratch.allocF64(cols)
    const variancesPtr = scratch.allocF64(cols)
    wasm.exports.columnMeans(dataPtr, rows, cols, meansPtr)
    wasm.exports.columnVariances(dataPtr, rows, cols, meansPtr, variancesPtr)
    const means = wasm.copyF64(meansPtr, cols)
    const scales = wasm.copyF64(variancesPtr, cols).map(Math.sqrt)
    const columns: number[] = []
    const dropped: number[] = []
    for (let j = 0; j < cols; j++) (scales[j] > tolerance * Math.abs(means[j]) ? columns : dropped).push(j)
    const kept = columns.length
    const columnsPtr = scratch.putI32(columns)
    const scalesPtr = scratch.putF64(scales)
    const outPtr = scratch.allocF32(rows * kept)
    wasm.exports.standardiseColumns(dataPtr, rows, cols, columnsPtr, kept, meansPtr, scalesPtr, outPtr)
    return { data: wasm.copyF32(outPtr, rows * kept), rows, cols: kept, columns, means, scales, dropped }
  })
}
