import { SymscopeError } from '../errors.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { withScratch } from './withScratch.js'

/** Most bins a histogram may have. */
const MAX_BINS = 1_000_000

export interface HistogramOptions {
  /** Number of equal-width bins, 1 … MAX_BINS. */
  bins: number
  /** Lower edge of the first bin; values below it count as underflow. */
  min: number
  /** Upper edge of the last bin (included in it); values above it count as overflow. */
  max: number
  /** Read every `stride`-th value (a column of a row-major matrix: stride = columns). Default 1. */
  stride?: number
  /** Index of the first value read (the column index). Default 0. */
  offset?: number
}

export interface Histogram {
  /** Counts per bin (f64, so large totals stay exact up to 2^53). */
  counts: Float64Array
  /** bins + 1 edges: edge_b = min + b (max − min) / bins. */
  edges: Float64Array
  underflow: number
  overflow: number
  /** NaN values, counted nowhere else. */
  nan: number
}

/**
 * Histogram of equal-width bins over [min, max]: counts[b] = #{i : edge_b ≤ x_i < edge_{b+1}}, with x = max in the
 * last bin, values outside counted as underflow and overflow, NaN apart. A strided read bins one column of a
 * row-major matrix in place. A Float32Array is binned as f32 (no conversion), anything else as f64.
 * Runs in O(n) in wasm (assembly/stats/histogram.ts).
 *
 * @param values the values, or a row-major matrix with `stride` and `offset` picking a column
 * @throws {SymscopeError} invalid_data when bins is not an integer in 1 … MAX_BINS, min < max fails or either is not
 *   finite, stride is not a positive integer, or offset is not an integer in 0 … values.length
 * @example
 * histogram(wasm, Float64Array.of(0.1, 0.2, 0.7, 1, 3), { bins: 2, min: 0, max: 1 })
 * // { counts: [2, 2], edges: [0, 0.5, 1], underflow: 0, overflow: 1, nan: 0 }
 */
export function histogram(wasm: SymscopeWasm, values: ArrayLike<number>, options: HistogramOptions): Histogram {
  const { bins, min, max, stride = 1, offset = 0 } = options
  if (!Number.isInteger(bins) || bins < 1 || bins > MAX_BINS) {
    throw new SymscopeError('invalid_data', `histogram requires an integer number of bins from 1 to ${MAX_BINS} (got ${bins})`)
  }
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) {
    throw new SymscopeError('invalid_data', `histogram requires finite min < max (got min = ${min}, max = ${max})`)
  }
  if (!Number.isInteger(stride) || stride < 1) {
    throw new SymscopeError('invalid_data', `histogram requires a positive integer stride (got ${stride})`)
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > values.length) {
    throw new SymscopeError('invalid_data', `histogram requires an integer offset from 0 to ${values.length} (got ${offset})`)
  }
  const n = values.length > offset ? Math.floor((values.length - offset - 1) / stride) + 1 : 0
  const width = (max - min) / bins
  const edges = Float64Array.from({ length: bins + 1 }, (_, b) => (b === bins ? max : min + b * width))
  return withScratch(wasm, (scratch) => {
    const isF32 = values instanceof Float32Array
    const valuesPtr = isF32 ? scratch.putF32(values) : scratch.putF64(values)
    const outPtr = scratch.allocF64(bins + 3)
    const kernel = isF32 ? wasm.exports.histogramF32 : wasm.exports.histogramF64
    kernel(valuesPtr, n, stride, offset, bins, min, max, outPtr)
    const out = wasm.copyF64(outPtr, bins + 3)
    return { counts: out.slice(0, bins), edges, underflow: out[bins], overflow: out[bins + 1], nan: out[bins + 2] }
  })
}
