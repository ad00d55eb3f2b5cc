import type { Vae } from '../vae/model.js'
import { encodeRows } from '../vae/encodeData.js'
import { PLANE_BINS, PROFILE_BINS } from './limits.js'

export interface LatentProfile {
  variable: string
  kind: 'feature' | 'truth'
  edges: number[]
  counts: number[]
  latents: { latent: number; means: (number | null)[] }[]
}

export interface PlaneMap {
  x: string
  y: string
  bins: number
  xRange: [number, number]
  yRange: [number, number]
  latents: { latent: number; means: number[] }[]
}

function range(values: ArrayLike<number>, stride: number, offset: number, rows: number): [number, number] {
  let lo = Infinity
  let hi = -Infinity
  for (let i = 0; i < rows; i++) {
    const v = values[i * stride + offset]
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
  return hi > lo ? [lo, hi] : [lo - 0.5, hi + 0.5]
}

/**
 * ⟨z_i⟩ binned against one variable (the paper's Fig. 4): for each latent in `order`, the mean of its posterior
 * mean over the events in each of PROFILE_BINS equal bins spanning the variable's range. Empty bins are null.
 */
export function latentProfile(
  variable: string,
  kind: 'feature' | 'truth',
  values: ArrayLike<number>,
  stride: number,
  offset: number,
  means: Float32Array,
  latents: number,
  order: number[],
  rows: number,
): LatentProfile {
  const [lo, hi] = range(values, stride, offset, rows)
  const width = (hi - lo) / PROFILE_BINS
  const counts = new Array<number>(PROFILE_BINS).fill(0)
  const sums = order.map(() => new Float64Array(PROFILE_BINS))
  for (let i = 0; i < rows; i++) {
    const bin = Math.min(PROFILE_BINS - 1, Math.floor((values[i * stride + offset] - lo) / width))
    counts[bin]++
    order.forEach((latent, j) => (sums[j][bin] += means[i * latents + latent]))
  }
  return {
    variable,
    kind,
    edges: Array.from({ length: PROFILE_BINS + 1 }, (_, b) => lo + b * width),
    counts,
    latents: order.map((latent, j) => ({
      latent,
      means: Array.from(sums[j], (s, b) => (counts[b] ? s / counts[b] : null)),
    })),
  }
}

/**
 * ⟨z_i⟩ over the input plane (the paper's Fig. 3), for data with two features: the encoder's mean evaluated at the
 * centres of a PLANE_BINS × PLANE_BINS grid spanning the data's range plus 10 % on each side, row-major with y outer.
 */
export function planeMap(
  vae: Vae,
  names: [string, string],
  raw: ArrayLike<number>,
  rows: number,
  standardisation: { means: ArrayLike<number>; scales: ArrayLike<number> },
  order: number[],
): PlaneMap {
  const pad = ([lo, hi]: [number, number]): [number, number] => [lo - 0.1 * (hi - lo), hi + 0.1 * (hi - lo)]
  const xRange = pad(range(raw, 2, 0, rows))
  const yRange = pad(range(raw, 2, 1, rows))
  const cells = PLANE_BINS * PLANE_BINS
  const grid = new Float32Array(2 * cells)
  for (let iy = 0; iy < PLANE_BINS; iy++) {
    for (let ix = 0; ix < PLANE_BINS; ix++) {
      const x = xRange[0] + ((ix + 0.5) * (xRange[1] - xRange[0])) / PLANE_BINS
      const y = yRange[0] + ((iy + 0.5) * (yRange[1] - yRange[0])) / PLANE_BINS
      const c = iy * PLANE_BINS + ix
      grid[2 * c] = (x - standardisation.means[0]) / standardisation.scales[0]
      grid[2 * c + 1] = (y - standardisation.means[1]) / standardisation.scales[1]
    }
  }
  const encoded = encodeRows(vae, grid, 2, Int32Array.from({ length: cells }, (_, i) => i))
  const k = encoded.latent
  return {
    x: names[0],
    y: names[1],
    bins: PLANE_BINS,
    xRange,
    yRange,
    latents: order.map((latent) => ({ latent, means: Array.from({ length: cells }, (_, c) => encoded.means[c * k + latent]) })),
  }
}
