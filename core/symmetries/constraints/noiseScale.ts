import { nearestNeighbours } from '../../id/neighbours.js'
import { subsampledGrideCurve, type ScalePoint } from '../../id/gride.js'
import { plateaus, type Plateau } from '../../id/plateaus.js'
import type { SymscopeWasm } from '../../wasm/module.js'
import type { AffineSpan } from './linearConstraints.js'
import { NOISE_SCALE_EVENTS, UNIT_RATIO } from '../tolerances.js'

/**
 * The geometric mean of the coordinates' spreads: a length that turns standardised distances back into the data's
 * units where the coordinates share units and spreads (the tangent-space check's neighbourhood radius).
 */
export function commonUnit(spreads: readonly number[]): number {
  const positive = spreads.filter((s) => s > 0)
  return positive.length ? Math.exp(positive.reduce((s, v) => s + Math.log(v), 0) / positive.length) : 1
}

/**
 * The frame distances are measured in (issue 16): the span coordinates in their own units, centred, while their
 * spreads lie within a factor UNIT_RATIO of each other (features in shared units: the momenta of a collision); else
 * standardised and multiplied by the spreads' geometric mean, so that a feature in large units does not decide the
 * dimension alone (a sphere in km, cm and µm read as a curve). `lengths[a]` multiplies the centred coordinate a.
 */
export function distanceFrame(spreads: readonly number[]): { standardised: boolean; unit: number; lengths: number[] } {
  const positive = spreads.filter((s) => s > 0)
  const unit = commonUnit(spreads)
  const standardised = positive.length > 0 && Math.max(...positive) > UNIT_RATIO * Math.min(...positive)
  return { standardised, unit, lengths: spreads.map((s) => (standardised && s > 0 ? unit / s : 1)) }
}

/** The intrinsic dimension against scale on the span coordinates, its plateaus, and the data's noise scale. */
export interface DimensionScale {
  curve: ScalePoint[]
  plateaus: Plateau[]
  /** The plateau at the largest scales: the dimension the constraints must explain. Null when the curve has none. */
  top: Plateau | null
  /**
   * The noise scale, in feature units: where the top plateau begins. Below it the events look higher-dimensional
   * (noise, resolution, a thin direction); a constraint whose events lie within this distance of its surface is one
   * at every scale where the dimension is measured. Without a plateau, the smallest scale of the curve.
   */
  scale: number
}

/**
 * Gride on the span coordinates (centred, in the distance frame of `distanceFrame`: feature units when the coordinates
 * share them, as the constraints' normalised RMS) of the first NOISE_SCALE_EVENTS events (in the search's random order),
 * extended past k = 64 by subsampling (core/id/gride.ts), and its plateaus (core/id/plateaus.ts). O(m² · d) for
 * m = NOISE_SCALE_EVENTS.
 */
export function dimensionScale(wasm: SymscopeWasm, data: Float64Array, rows: number, cols: number, span: AffineSpan): DimensionScale {
  const d = span.free.length
  const m = Math.min(rows, NOISE_SCALE_EVENTS)
  const z = new Float32Array(m * d)
  const { lengths } = distanceFrame(span.free.map((f) => span.spreads[f]))
  for (let i = 0; i < m; i++) {
    for (let a = 0; a < d; a++) {
      const f = span.free[a]
      z[i * d + a] = (data[i * cols + f] - span.means[f]) * lengths[a]
    }
  }
  const curve = m >= 256 ? subsampledGrideCurve((points, k) => nearestNeighbours(wasm, z.subarray(0, points * d), points, d, Math.min(k, points - 1)), m) : []
  const found = plateaus(curve)
  const top = found.at(-1) ?? null
  return { curve, plateaus: found, top, scale: top ? top.from : (curve[0]?.medianDistance ?? 0) }
}
