import type { ScalePoint } from './gride.js'
import { PLATEAU_TOLERANCE } from './tolerances.js'

export { PLATEAU_TOLERANCE }

/** A range of scales over which the intrinsic dimension stays at one integer. */
export interface Plateau {
  dimension: number
  /** Smallest and largest scale (median distance to the 2k-th neighbour) of its points, in the data's units. */
  from: number
  to: number
  /** Mean of the estimates on it. */
  mean: number
  points: number
}

/** Fewest consecutive curve points (a factor 2 in scale each at least) that make a plateau. */
export const PLATEAU_MIN_POINTS = 2

/**
 * The plateaus of a dimension-versus-scale curve (sorted by scale): maximal runs of consecutive points whose estimates
 * lie within PLATEAU_TOLERANCE of one integer, at least PLATEAU_MIN_POINTS long, from small scales to large.
 */
export function plateaus(curve: readonly ScalePoint[]): Plateau[] {
  const out: Plateau[] = []
  let run: ScalePoint[] = []
  const flush = () => {
    if (run.length >= PLATEAU_MIN_POINTS) {
      out.push({
        dimension: Math.round(run[0].dimension),
        from: run[0].medianDistance,
        to: run[run.length - 1].medianDistance,
        mean: run.reduce((s, p) => s + p.dimension, 0) / run.length,
        points: run.length,
      })
    }
    run = []
  }
  for (const point of curve) {
    const integer = Math.round(point.dimension)
    const on = integer >= 1 && Math.abs(point.dimension - integer) <= PLATEAU_TOLERANCE
    if (!on || (run.length && Math.round(run[0].dimension) !== integer)) flush()
    if (on) run.push(point)
  }
  flush()
  return out
}
