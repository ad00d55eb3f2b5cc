import { SymscopeError } from '../errors.js'
import { grideCurve } from '../id/gride.js'
import { grideIntervalsPaced } from '../id/grideInterval.js'
import { nearestNeighboursPaced } from '../id/neighbours.js'
import { nearestTwoPaced } from '../id/nearestTwo.js'
import type { Pause } from '../stats/pause.js'
import { twoNN } from '../id/twoNN.js'
import { twoNNInterval, type TwoNNInterval } from '../id/twoNNInterval.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { INTERVAL_LEVEL, MAX_CURVE_ROWS, MAX_DIMENSION_ROWS } from './limits.js'

/** One point of the Gride curve with its confidence interval (core/id/grideInterval.ts). */
export interface CurvePoint {
  k: number
  dimension: number
  medianDistance: number
  lower: number
  upper: number
}

/** The intrinsic dimension of one point cloud, as the report carries it. */
export interface DimensionEstimate {
  /** TwoNN's least-squares fit (Facco et al. 2017); null when no neighbour ratio is defined. */
  twoNN: number | null
  /** The TwoNN maximum-likelihood estimate with its interval at INTERVAL_LEVEL; null with twoNN. */
  interval: TwoNNInterval | null
  curve: CurvePoint[]
}

const NONE: DimensionEstimate = { twoNN: null, interval: null, curve: [] }

/**
 * TwoNN with its confidence interval and the Gride curve with an interval per point (core/id, docs/method.md
 * "Robustness") of the first rows of a point cloud: MAX_DIMENSION_ROWS for TwoNN, MAX_CURVE_ROWS for the curve.
 * Data on which no neighbour ratio is defined (all duplicates, fewer than four rows) gives null and an empty curve.
 * With `pause`, the neighbour searches and the interval's pass over the pairs (O(rows²) each, seconds on 10,000
 * rows) run in row blocks with a pause between them, and between the steps (core/stats/pause.ts): the same estimate.
 */
export async function dimensionOf(wasm: SymscopeWasm, points: Float32Array, rows: number, cols: number, pause?: Pause): Promise<DimensionEstimate> {
  if (rows < 4) return NONE
  const idRows = Math.min(rows, MAX_DIMENSION_ROWS)
  const curveRows = Math.min(rows, MAX_CURVE_ROWS)
  try {
    const idPoints = points.subarray(0, idRows * cols)
    // One search serves both: nearestTwo's distances are nearestNeighbours' at k = 2, bit for bit (same f32 sums).
    const nearest = await nearestTwoPaced(wasm, idPoints, idRows, cols, pause)
    const dimension = twoNN({ distances: nearest.distances, k: 2, rows: idRows }).dimension
    await pause?.()
    const interval = twoNNInterval(nearest, INTERVAL_LEVEL)
    await pause?.()
    const curvePoints = points.subarray(0, curveRows * cols)
    const neighbours = await nearestNeighboursPaced(wasm, curvePoints, curveRows, cols, Math.min(128, curveRows - 1), pause)
    await pause?.()
    const estimates = grideCurve(neighbours)
    const intervals = await grideIntervalsPaced(wasm, curvePoints, curveRows, cols, neighbours, estimates, INTERVAL_LEVEL, pause)
    const curve = estimates.map(({ k, dimension, medianDistance }, c) => ({ k, dimension, medianDistance, lower: intervals[c].lower, upper: intervals[c].upper }))
    return { twoNN: dimension, interval, curve }
  } catch (error) {
    if (error instanceof SymscopeError && error.code === 'invalid_data') return NONE
    throw error
  }
}
