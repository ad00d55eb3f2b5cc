// Calibration and power of the distribution-invariance tests (core/symmetries/invariance/invarianceTests.ts; issue 9, item 5).
// Not a timing: over many seeds of data whose invariance is known, the share of rejections. Under H0 (invariant
// data) the rejection rate at level α should be α (the Monte Carlo p-value is exact given the orbits; its Beta
// tail and the χ² test are asymptotic); against a modulation 1 + a cos 2φ it is the power. The second table checks
// the Monte Carlo test's tail where the exact p-value cannot reach (p < 5/300): the rejection rate of the observed
// sample at 0.01 and 0.001, and that of every copy's own tail p-value (under H0 the copies are exchangeable with the
// sample, so each is a draw of the null: 300 per seed).
import { findSymmetries, generateEvents, wasmKernels, type Symmetries } from '../core/index.js'
import { monteCarloInvariance } from '../core/symmetries/invariance/invarianceTests.js'
import { testDegree } from '../core/symmetries/constraints/monomials.js'
import { MONTE_CARLO_COPIES } from '../core/symmetries/tolerances.js'
import { loadWasm } from '../core/wasm/node.js'
import { circle } from '../testdata/symmetries.js'
import { rejectionRate } from './rejectionRate.js'
import type { Bench, BenchTable } from './table.js'

const SEEDS = 200
const TAIL_SEEDS = 400

/** p-value of the test of the generator described so, or null when the section has no such test. */
function pValueOf(s: Symmetries, description: string): number | null {
  return s.distributionAlgebra?.tests.find((t) => t.description === description)?.pValue ?? null
}

/** Share of seeds with p < α, and a 95 % binomial (Wilson) interval for it. */
function rate(pValues: ArrayLike<number>, alpha: number): string {
  return rejectionRate(Array.prototype.filter.call(pValues, (p: number) => p < alpha).length, pValues.length)
}

export const run: Bench = async () => {
  const wasm = await loadWasm()
  const rows: (string | number)[][] = []
  const rotation = 'rotation in (x1, x2)'
  const beam = 'rotation in (px, py) of both particles together'
  const cases: { label: string; n: number; amplitude: number; p: (seed: number) => number | null }[] = []
  for (const n of [2000, 10_000]) {
    for (const amplitude of n === 2000 ? [0, 0.1, 0.3] : [0, 0.3]) {
      cases.push({ label: 'circle, 1 + a cos 2φ', n, amplitude, p: (seed) => pValueOf(findSymmetries(wasm, circle(wasm, { n, seed, modulation: amplitude, noise: 0.01 })), rotation) })
    }
  }
  cases.push({
    label: 'e⁺e⁻ → μ⁺μ⁻ (QED, invariant about the beam)', n: 2000, amplitude: 0,
    p: (seed) => {
      const e = generateEvents(wasm, { dataset: 'ee_mumu', n: 2000, seed })
      return pValueOf(findSymmetries(wasm, { names: e.featureNames, data: e.features, n: e.n }), beam)
    },
  })
  for (const c of cases) {
    const pValues: number[] = []
    let missing = 0
    const start = performance.now()
    for (let seed = 1; seed <= SEEDS; seed++) {
      const p = c.p(seed)
      if (p === null) missing++
      else pValues.push(p)
    }
    const seconds = (performance.now() - start) / 1000
    rows.push([c.label, c.n.toLocaleString('en-US'), c.amplitude, rate(pValues, 0.05), rate(pValues, 0.01), missing, `${(seconds / SEEDS).toFixed(2)} s`])
  }
  const tails: (string | number)[][] = []
  const tailCases: { label: string; events: number; d: number; z: (seed: number) => Float64Array; theta: Float64Array }[] = [
    {
      label: 'circle, 1 % radial noise', events: 2000, d: 2, theta: Float64Array.of(0, -1, 1, 0, 0, 0),
      z: (seed) => circle(wasm, { n: 2000, seed, noise: 0.01 }).data,
    },
    {
      label: 'e⁺e⁻ → μ⁺μ⁻, (px1, py1, pz1) / 5 GeV', events: 2000, d: 3, theta: Float64Array.of(0, -1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0),
      z: (seed) => {
        const e = generateEvents(wasm, { dataset: 'ee_mumu', n: 2000, seed })
        const columns = ['px1', 'py1', 'pz1'].map((name) => e.featureNames.indexOf(name))
        return Float64Array.from({ length: 2000 * 3 }, (_, i) => e.features[Math.floor(i / 3) * e.featureNames.length + columns[i % 3]] / 5)
      },
    },
  ]
  for (const c of tailCases) {
    const observed: number[] = []
    const pooled: number[] = []
    let tailUsed = 0
    const start = performance.now()
    for (let seed = 1; seed <= TAIL_SEEDS; seed++) {
      const test = monteCarloInvariance(wasm, wasmKernels, c.z(seed), c.events, c.d, c.theta, 2 * Math.PI, MONTE_CARLO_COPIES, testDegree(c.d), seed)
      observed.push(test.pValue)
      pooled.push(...test.sampleTails!)
      if (test.pValue < 5 / (MONTE_CARLO_COPIES + 1)) tailUsed++
    }
    const seconds = (performance.now() - start) / 1000
    tails.push([c.label, c.events.toLocaleString('en-US'), String(TAIL_SEEDS), rate(observed, 0.01), rate(observed, 0.001), rate(pooled, 0.01), rate(pooled, 0.001), `${(seconds / TAIL_SEEDS).toFixed(2)} s`])
  }
  return [
    {
      title: 'Distribution invariance: calibration and power of the rotation test',
      description:
        `Share of ${SEEDS} seeds whose Monte Carlo test (299 copies, the test half of the events, whitened statistic) rejects invariance under the ` +
        'rotation, at α = 0.05 and 0.01, with a 95 % Wilson interval. a = 0: the invariant distribution (the rate should be α); ' +
        'a > 0: the power against an azimuthal modulation 1 + a cos 2φ. Circle with 1 % radial noise.',
      columns: ['data', 'events', 'a', 'rejected at 0.05', 'rejected at 0.01', 'no test', 'time per seed'],
      rows,
      notes: ["'no test': seeds where the generator was not among the tested ones (its manifold algebra differed)."],
    },
    {
      title: 'Distribution invariance: the Monte Carlo test\'s Beta tail under H0',
      description:
        `The Monte Carlo test alone (${MONTE_CARLO_COPIES} copies, monomials of degree ≤ 4) on ${TAIL_SEEDS} seeds of invariant data, rotation about the ` +
        'axis. Observed: the share of seeds whose p-value (exact from 5 exceedances on, the Beta tail below) is under α. ' +
        'Every sample: the Beta tail p-value of the sample and of each copy, pooled over the seeds (300 per seed; under ' +
        'H0 each is a draw of the null, so the share under α should be α). 95 % Wilson intervals.',
      columns: ['data', 'events', 'seeds', 'observed < 0.01', 'observed < 0.001', 'every sample < 0.01', 'every sample < 0.001', 'time per seed'],
      rows: tails,
      notes: ['The samples of one seed share their orbits, so the pooled interval is narrower than their dependence allows; the seeds are independent.'],
    },
  ] satisfies BenchTable[]
}
