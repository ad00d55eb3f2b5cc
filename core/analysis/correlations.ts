import { distanceDependence, distanceDependenceOf, distanceMeans, type DistanceDependence, type DistanceMeans } from '../stats/distanceCorrelation.js'
import { neighbourDetermination } from '../stats/neighbourDetermination.js'
import { pearson } from '../stats/pearson.js'
import type { Pause } from '../stats/pause.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { DETERMINATION_NEIGHBOURS, MAX_CORRELATION_ROWS } from './limits.js'

export interface LatentTruthCorrelation {
  /** Latent index (network column). */
  latent: number
  truth: string
  pearson: number
  distance: number
}

/** Column `c` of a row-major matrix with `cols` columns, first `rows` rows. */
export function column(values: ArrayLike<number>, cols: number, c: number, rows: number): Float64Array {
  const out = new Float64Array(rows)
  for (let i = 0; i < rows; i++) out[i] = values[i * cols + c]
  return out
}

/** A truth observable as distance correlation sees it: one column, or (cos, sin) for an angle so that −π meets π. */
function truthPoints(truth: Float64Array, names: readonly string[], t: number, rows: number, angular: boolean): { y: Float64Array; columns: number } {
  const values = column(truth, names.length, t, rows)
  if (!angular) return { y: values, columns: 1 }
  const y = new Float64Array(2 * rows)
  for (let i = 0; i < rows; i++) (y[2 * i] = Math.cos(values[i])), (y[2 * i + 1] = Math.sin(values[i]))
  return { y, columns: 2 }
}

/** cos θ and sin θ of an angle over the evaluation events, and their correlation: computed once per angle, not per latent. */
interface AngleColumns {
  c: Float64Array
  s: Float64Array
  rcs: number
}

function angleColumns(wasm: SymscopeWasm, angle: Float64Array): AngleColumns {
  const c = angle.map(Math.cos)
  const s = angle.map(Math.sin)
  return { c, s, rcs: pearson(wasm, c, s) }
}

/**
 * Circular–linear correlation of x with an angle θ (K. V. Mardia, "Statistics of directional data", 1972, §9.2):
 * R² = (r_xc² + r_xs² − 2 r_xc r_xs r_cs) / (1 − r_cs²) with c = cos θ, s = sin θ. In [0, 1]; it plays Pearson's
 * role for a periodic observable, whose linear correlation depends on where the cut at ±π falls.
 */
function circularLinear(wasm: SymscopeWasm, x: Float64Array, { c, s, rcs }: AngleColumns): number {
  const rxc = pearson(wasm, x, c)
  const rxs = pearson(wasm, x, s)
  const r2 = (rxc * rxc + rxs * rxs - 2 * rxc * rxs * rcs) / (1 - rcs * rcs)
  return Math.sqrt(Math.min(1, Math.max(0, r2)))
}

/**
 * The distance correlation of one latent with one truth observable, calibrated against independence at the sample
 * size (core/stats/distanceCorrelation.ts, distanceDependence): the same rows and the same (cos, sin) of an angle as
 * latentTruthCorrelations, so `correlation` is the report's number and `independenceLevel` the one it must exceed.
 */
export function latentTruthDependence(
  wasm: SymscopeWasm,
  means: Float32Array,
  latent: number,
  latents: number,
  truth: Float64Array,
  truthNames: readonly string[],
  truthName: string,
  angular: readonly string[],
  rows: number,
): DistanceDependence {
  const m = Math.min(rows, MAX_CORRELATION_ROWS)
  const t = truthNames.indexOf(truthName)
  const points = truthPoints(truth, truthNames, t, m, angular.includes(truthName))
  return distanceDependence(wasm, column(means, latents, latent, m), points.y, { yColumns: points.columns })
}

/**
 * Pearson and distance correlation of every latent mean with every truth observable, over the evaluation events.
 * Angles (`angular`) are compared through (cos θ, sin θ), and their Pearson column holds the circular–linear
 * correlation. Distance correlation, which also sees non-monotonic dependence (a latent following cos θ through
 * |cos θ|), uses the first MAX_CORRELATION_ROWS events (O(n²)); they are already in random order.
 */
export async function latentTruthCorrelations(
  wasm: SymscopeWasm,
  means: Float32Array,
  latentOrder: number[],
  latents: number,
  truth: Float64Array,
  truthNames: readonly string[],
  angular: readonly string[],
  rows: number,
  pause?: Pause,
): Promise<LatentTruthCorrelation[]> {
  const m = Math.min(rows, MAX_CORRELATION_ROWS)
  const out: LatentTruthCorrelation[] = []
  // Each sample's distance row means once (O(m²) each), not once per pair: every latent meets every observable.
  const latentMeans = new Map<number, DistanceMeans>()
  for (let t = 0; t < truthNames.length; t++) {
    const isAngle = angular.includes(truthNames[t])
    const values = column(truth, truthNames.length, t, rows)
    const angle = isAngle ? angleColumns(wasm, values) : null
    const points = truthPoints(truth, truthNames, t, m, isAngle)
    const truthMeans = distanceMeans(wasm, points.y, points.columns)
    for (const latent of latentOrder) {
      // O(m²) per pair (~0.05 s at 4,000 rows): a pause between pairs (core/stats/pause.ts)
      await pause?.()
      const x = column(means, latents, latent, rows)
      let xMeans = latentMeans.get(latent)
      if (!xMeans) latentMeans.set(latent, (xMeans = distanceMeans(wasm, x.subarray(0, m))))
      out.push({
        latent,
        truth: truthNames[t],
        pearson: angle ? circularLinear(wasm, x, angle) : pearson(wasm, x, values),
        distance: distanceDependenceOf(wasm, xMeans, truthMeans).correlation,
      })
    }
  }
  return out
}

/**
 * The relevant latents taken together (one point in R^r per event) against each truth observable: their distance
 * correlation, and the R² of k-nearest-neighbour regression of the truth on them (`determination`: near 1 when the
 * latents determine the observable, whatever the shape of the map). For an angle, R² is the mean over cos and sin.
 */
export async function jointTruthCorrelations(
  wasm: SymscopeWasm,
  means: Float32Array,
  relevant: number[],
  latents: number,
  truth: Float64Array,
  truthNames: readonly string[],
  angular: readonly string[],
  rows: number,
  pause?: Pause,
): Promise<{ truth: string; distance: number; determination: number }[]> {
  if (relevant.length === 0) return []
  const m = Math.min(rows, MAX_CORRELATION_ROWS)
  const x = new Float32Array(m * relevant.length)
  for (let i = 0; i < m; i++) relevant.forEach((latent, j) => (x[i * relevant.length + j] = means[i * latents + latent]))
  const out: { truth: string; distance: number; determination: number }[] = []
  const xMeans = distanceMeans(wasm, x, relevant.length)
  for (const [t, name] of truthNames.entries()) {
    await pause?.()
    const points = truthPoints(truth, truthNames, t, m, angular.includes(name))
    const r2 = m > DETERMINATION_NEIGHBOURS ? neighbourDetermination(wasm, x, m, relevant.length, points.y, points.columns, DETERMINATION_NEIGHBOURS) : [0]
    out.push({
      truth: name,
      distance: distanceDependenceOf(wasm, xMeans, distanceMeans(wasm, points.y, points.columns)).correlation,
      determination: r2.reduce((a, b) => a + b, 0) / r2.length,
    })
  }
  return out
}
