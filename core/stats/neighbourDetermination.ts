import { SymscopeError } from '../errors.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { checkMatrix } from './checkMatrix.js'
import { withScratch } from './withScratch.js'

/**
 * How well points determine values: the coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² of
 * k-nearest-neighbour regression, ŷ_i = mean of y over the k nearest other points of point i (Hastie, Tibshirani &
 * Friedman, "The Elements of Statistical Learning", §2.3.2). Near 1 when y is a smooth function of the points (the
 * relevant latents determine cos θ), near 0 (or below) when it is not. One R² per value column; a constant column
 * gets 0. Leave-one-out by construction (a point is not its own neighbour). Runs in O(rows² · cols) in wasm
 * (assembly/stats/neighbourRegression.ts).
 *
 * @param points row-major rows × cols Float32 coordinates
 * @param values row-major rows × valueCols
 * @param k neighbours, 1 … rows − 1 (default 10)
 * @throws {SymscopeError} invalid_data for mismatched lengths, non-finite values or k out of range
 * @example neighbourDetermination(wasm, latentMeans, 4000, 3, cosTheta, 1)[0] // ≈ 0.99 for e⁺e⁻ → μ⁺μ⁻
 */
export function neighbourDetermination(
  wasm: SymscopeWasm,
  points: Float32Array,
  rows: number,
  cols: number,
  values: Float64Array,
  valueCols: number,
  k = 10,
): number[] {
  checkMatrix('neighbourDetermination', points, rows, cols)
  checkMatrix('neighbourDetermination', values, rows, valueCols)
  if (!Number.isInteger(k) || k < 1 || k >= rows) {
    throw new SymscopeError('invalid_data', `neighbourDetermination requires an integer k from 1 to ${rows - 1} (got ${k})`)
  }
  const predicted = withScratch(wasm, (scratch) => {
    const pointsPtr = scratch.putF32(points)
    const valuesPtr = scratch.putF64(values)
    const outPtr = scratch.allocF64(rows * valueCols)
    const workPtr = scratch.allocBytes(wasm.exports.neighbourRegressionScratchBytes(k))
    wasm.exports.neighbourAverages(pointsPtr, rows, cols, valuesPtr, valueCols, k, outPtr, workPtr)
    return wasm.copyF64(outPtr, rows * valueCols)
  })
  return Array.from({ length: valueCols }, (_, v) => {
    let mean = 0
    for (let i = 0; i < rows; i++) mean += values[i * valueCols + v]
    mean /= rows
    let residual = 0
    let total = 0
    for (let i = 0; i < rows; i++) {
      const y = values[i * valueCols + v]
      residual += (y - predicted[i * valueCols + v]) ** 2
      total += (y - mean) ** 2
    }
    return total > 0 ? 1 - residual / total : 0
  })
}
