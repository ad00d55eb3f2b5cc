// Coverage of the confidence intervals: how often the 90 % TwoNN interval (core/id/twoNNInterval.ts) and the 90 %
// Gride profile-likelihood interval (core/id/grideInterval.ts) contain the true dimension, over many seeds of
// manifolds of known dimension. Not a timing: the table is the check of docs/method.md's "Robustness" claims.
import { grideInterval, nearestNeighbours, nearestTwo, twoNNInterval } from '../core/index.js'
import { loadWasm } from '../core/wasm/node.js'
import { flatTorus, sphere, type ManifoldSample } from '../reference/manifolds.js'
import type { Bench } from './table.js'

/** Seeds per manifold (the issue asks for at least 200). */
const SEEDS = 200
const POINTS = 1000
const LEVEL = 0.9
const GRIDE_K = 4

const MANIFOLDS: [name: string, make: (d: number, n: number, seed: number) => ManifoldSample, dimension: number][] = [
  ['circle S¹ in R²', sphere, 1],
  ['sphere S² in R³', sphere, 2],
  ['flat torus T² in R⁴', flatTorus, 2],
  ['sphere S³ in R⁴', sphere, 3],
  ['flat torus T³ in R⁶', flatTorus, 3],
  ['sphere S⁵ in R⁶', sphere, 5],
]

/** Binomial standard error of a coverage fraction p over `trials`: the scatter to expect around the nominal 0.9. */
const binomialError = (p: number, trials: number) => Math.sqrt((p * (1 - p)) / trials)

export const run: Bench = async () => {
  const wasm = await loadWasm()
  const rows: (string | number)[][] = []
  for (const [name, make, dimension] of MANIFOLDS) {
    let twoNNCovered = 0
    let grideCovered = 0
    let width = 0
    for (let s = 0; s < SEEDS; s++) {
      const sample = make(dimension, POINTS, 1000 * dimension + s)
      const neighbours = nearestNeighbours(wasm, sample.points, POINTS, sample.cols, 2 * GRIDE_K)
      const interval = twoNNInterval(nearestTwo(wasm, sample.points, POINTS, sample.cols), LEVEL)
      if (interval.lower <= dimension && dimension <= interval.upper) twoNNCovered++
      width += interval.upper - interval.lower
      const g = grideInterval(neighbours, GRIDE_K, LEVEL)
      if (g.lower <= dimension && dimension <= g.upper) grideCovered++
    }
    rows.push([name, dimension, `${((100 * twoNNCovered) / SEEDS).toFixed(1)} %`, width / SEEDS, `${((100 * grideCovered) / SEEDS).toFixed(1)} %`])
  }
  return [
    {
      title: `Coverage of the ${100 * LEVEL} % intrinsic-dimension intervals`,
      description:
        `${SEEDS} seeds × ${POINTS} points uniform on each manifold (reference/manifolds.ts). Covered: the fraction of ` +
        `seeds whose interval contains the true dimension. TwoNN: the Gamma interval of the maximum-likelihood estimate with ` +
        `the variance corrected for shared neighbours; Gride: the profile-likelihood interval at k = ${GRIDE_K}.`,
      columns: ['manifold', 'd', 'TwoNN covered', 'mean TwoNN width', `Gride k = ${GRIDE_K} covered`],
      rows,
      notes: [
        `Nominal ${100 * LEVEL} %; ${SEEDS} seeds scatter a fraction by ±${(100 * binomialError(LEVEL, SEEDS)).toFixed(1)} % (one binomial standard error).`,
        'The intervals treat the neighbour ratios as independent; curvature and shared neighbours are what move coverage off nominal.',
      ],
    },
  ]
}
