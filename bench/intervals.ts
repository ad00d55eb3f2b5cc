// Coverage of the confidence intervals: how often the 90 % TwoNN interval (core/id/twoNNInterval.ts) and the 90 %
// Gride interval (core/id/grideInterval.ts) contain the true dimension, over many seeds of manifolds of known
// dimension. Not a timing: the tables are the check of docs/method.md's "Robustness" claims.
import { grideIntervals, nearestNeighbours, nearestTwo, twoNNInterval } from '../core/index.js'
import { MAX_CURVE_ROWS } from '../core/analysis/limits.js'
import { loadWasm } from '../core/wasm/node.js'
import { flatTorus, sphere, type ManifoldSample } from '../testdata/manifolds.js'
import type { Bench, BenchTable } from './table.js'

/** Seeds per manifold (the issue asks for at least 200). */
const SEEDS = 200
const TWO_NN_POINTS = 1000
/** The Gride curve of a report looks at this many events. */
const GRIDE_POINTS = MAX_CURVE_ROWS
const GRIDE_KS = [4, 16]
const LEVEL = 0.9

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
/** z with Φ(z) = 0.95: the half-width of a 90 % interval in standard errors. */
const Z_95 = 1.6448536
const signed = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(4)}`
const percent = (count: number) => `${((100 * count) / SEEDS).toFixed(1)} %`
const scatterNote = `Nominal ${100 * LEVEL} %; ${SEEDS} seeds scatter a fraction by ±${(100 * binomialError(LEVEL, SEEDS)).toFixed(1)} % (one binomial standard error).`

export const run: Bench = async () => {
  const wasm = await loadWasm()
  const twoNNRows: (string | number)[][] = []
  const grideRows: (string | number)[][] = []
  let grideSeconds = 0
  for (const [name, make, dimension] of MANIFOLDS) {
    let covered = 0
    let width = 0
    for (let s = 0; s < SEEDS; s++) {
      const sample = make(dimension, TWO_NN_POINTS, 1000 * dimension + s)
      const interval = twoNNInterval(nearestTwo(wasm, sample.points, TWO_NN_POINTS, sample.cols), LEVEL)
      if (interval.lower <= dimension && dimension <= interval.upper) covered++
      width += interval.upper - interval.lower
    }
    twoNNRows.push([name, dimension, percent(covered), width / SEEDS])

    const perK = GRIDE_KS.map(() => ({ covered: 0, width: 0, estimate: 0, spread: 0, effective: 0 }))
    for (let s = 0; s < SEEDS; s++) {
      const sample = make(dimension, GRIDE_POINTS, 1000 * dimension + s)
      const start = performance.now()
      const neighbours = nearestNeighbours(wasm, sample.points, GRIDE_POINTS, sample.cols, 2 * Math.max(...GRIDE_KS))
      const intervals = grideIntervals(wasm, sample.points, GRIDE_POINTS, sample.cols, neighbours, GRIDE_KS, LEVEL)
      grideSeconds += (performance.now() - start) / 1000
      intervals.forEach((g, c) => {
        const sums = perK[c]
        if (g.lower <= dimension && dimension <= g.upper) sums.covered++
        sums.width += g.upper - g.lower
        sums.estimate += g.dimension
        sums.spread += g.dimension * g.dimension
        sums.effective += g.effectiveN / g.n
      })
    }
    grideRows.push([
      name,
      dimension,
      ...perK.flatMap((sums) => {
        const mean = sums.estimate / SEEDS
        const sd = Math.sqrt(Math.max(0, sums.spread / SEEDS - mean * mean) * (SEEDS / (SEEDS - 1)))
        // The interval's own standard error, half its width over z₀.₉₅ (the sandwich √V̂/Ĵ to first order), against the scatter.
        const standardError = sums.width / SEEDS / 2 / Z_95
        return [percent(sums.covered), signed(mean - dimension), sd.toFixed(4), (standardError / sd).toFixed(2), (sums.effective / SEEDS).toFixed(2)]
      }),
    ])
  }
  const twoNN: BenchTable = {
    title: `Coverage of the ${100 * LEVEL} % TwoNN interval`,
    description:
      `${SEEDS} seeds × ${TWO_NN_POINTS} points uniform on each manifold (testdata/manifolds.ts). Covered: the fraction of ` +
      'seeds whose interval contains the true dimension: the Gamma interval of the maximum-likelihood estimate with the ' +
      'variance corrected for shared neighbours.',
    columns: ['manifold', 'd', 'covered', 'mean width'],
    rows: twoNNRows,
    notes: [scatterNote, 'Curvature and density gradients at the scale of the two nearest neighbours bias the estimate itself, and then no interval around it covers.'],
  }
  const gride: BenchTable = {
    title: `Coverage of the ${100 * LEVEL} % Gride interval at k = ${GRIDE_KS.join(' and ')}`,
    description:
      `${SEEDS} seeds × ${GRIDE_POINTS.toLocaleString('en-US')} points (the rows of a report's Gride curve) uniform on each ` +
      'manifold. The profile-likelihood interval with the magnitude adjustment Ĵ/V̂, V̂ the spatial HAC variance of the ' +
      'score over points whose 2k-neighbourhoods overlap. Bias: mean estimate − d; sd: its scatter over the seeds; ' +
      'se/sd: the standard error the interval implies (half its width / 1.645), mean over seeds, against that scatter ' +
      '(1 is calibrated); n_eff/n: the independent ratios the likelihood is worth.',
    columns: GRIDE_KS.reduce<string[]>(
      (columns, k) => [...columns, `k = ${k} covered`, 'bias', 'sd', 'se/sd', 'n_eff/n'],
      ['manifold', 'd'],
    ),
    rows: grideRows,
    notes: [
      scatterNote,
      'Without the adjustment (the ratios taken as independent) the interval at k = 4 covered 50–81 % on 1,000 points of the same manifolds.',
      'Where the bias is a sizeable part of the sd, coverage falls below nominal however well se/sd is calibrated: curvature at the scale of the 2k-th neighbour (distances measured as chords of the embedding, not along the manifold) moves the estimate itself, down on the spheres and up on the flat tori, more at larger k and in higher dimension.',
      `Neighbour search and intervals together: ${((1000 * grideSeconds) / (SEEDS * MANIFOLDS.length)).toFixed(0)} ms a sample (${GRIDE_POINTS.toLocaleString('en-US')} points, ${2 * Math.max(...GRIDE_KS)} neighbours, this machine).`,
    ],
  }
  return [twoNN, gride]
}
