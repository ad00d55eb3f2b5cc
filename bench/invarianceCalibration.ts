// Calibration and power of the distribution-invariance tests (core/symmetries/invarianceTests.ts; issue 9, item 5).
// Not a timing: over many seeds of data whose invariance is known, the share of rejections. Under H0 (invariant
// data) the rejection rate at level α should be α (the Monte Carlo p-value is exact given the orbits; its fitted
// tail and the χ² test are asymptotic); against a modulation 1 + a cos 2φ it is the power.
import { findSymmetries, generateEvents, type Symmetries } from '../core/index.js'
import { loadWasm } from '../core/wasm/node.js'
import { circle } from '../test/core/symmetries/generatedData.js'
import type { Bench, BenchTable } from './table.js'

const SEEDS = 200

/** p-value of the test of the generator described so, or null when the section has no such test. */
function pValueOf(s: Symmetries, description: string): number | null {
  return s.distributionAlgebra?.tests.find((t) => t.description === description)?.pValue ?? null
}

/** Share of seeds with p < α, and a 95 % binomial (Wilson) interval for it. */
function rate(pValues: number[], alpha: number): string {
  const n = pValues.length
  const k = pValues.filter((p) => p < alpha).length
  const phat = k / n
  const z = 1.96
  const centre = (phat + (z * z) / (2 * n)) / (1 + (z * z) / n)
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((phat * (1 - phat)) / n + (z * z) / (4 * n * n))
  return `${phat.toFixed(3)} (${k}/${n}; ${Math.max(0, centre - half).toFixed(3)}–${Math.min(1, centre + half).toFixed(3)})`
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
  ] satisfies BenchTable[]
}
