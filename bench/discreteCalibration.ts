// Calibration and power of the discrete symmetries' test (core/symmetries/discrete/imageTest.ts; issue 20). Not a
// timing: over many seeds of data whose discrete symmetry is known (testdata/discreteCases.ts, mirrorCase:
// x → −x exact at A = 0, broken with asymmetry A otherwise), the share of rejections. The first table runs the test
// of x → −x alone (its p-value's calibration and power at 10⁴ and 10⁵ events); the second the whole section
// (findSymmetries at 10⁴ events: proposal, manifold check, tests, Holm over the continuous and discrete tests) and
// counts the seeds where the exact mirror is rejected or the group is not ℤ₂.
import { findSymmetries } from '../core/index.js'
import { mirrorCase } from '../testdata/discreteCases.js'
import { wasmImageKernels } from '../core/symmetries/discrete/imageKernels.js'
import { imageTest } from '../core/symmetries/discrete/imageTest.js'
import { loadWasm } from '../core/wasm/node.js'
import { rejectionRate } from './rejectionRate.js'
import type { Bench, BenchTable } from './table.js'

const SEEDS = 200
const LEVEL = 0.01

export const run: Bench = async () => {
  const wasm = await loadWasm()
  const alone: (string | number)[][] = []
  for (const n of [10_000, 100_000]) {
    for (const asymmetry of [0, 0.02, 0.05, 0.1]) {
      let rejected = 0
      let covered = 0
      let measured = 0
      const start = performance.now()
      for (let seed = 1; seed <= SEEDS; seed++) {
        const { data } = mirrorCase(wasm, { n, seed, asymmetry })
        // Standardised by the first half (as the section does); the map x → −x about 0 in those coordinates.
        const half = Math.floor(n / 2)
        const stats = [0, 1].map((a) => {
          let s = 0
          let q = 0
          for (let i = 0; i < half; i++) s += data[2 * i + a]
          const mean = s / half
          for (let i = 0; i < half; i++) q += (data[2 * i + a] - mean) ** 2
          return [mean, Math.sqrt(q / (half - 1))]
        })
        const standardise = (from: number, to: number) => {
          const z = new Float64Array(2 * (to - from))
          for (let i = from; i < to; i++) for (let a = 0; a < 2; a++) z[2 * (i - from) + a] = (data[2 * i + a] - stats[a][0]) / stats[a][1]
          return z
        }
        const [mu, sigma] = stats[0]
        const map = Float64Array.from([-1, 0, (-2 * mu) / sigma, 0, 1, 0, 0, 0, 1])
        const t = imageTest(wasm, wasmImageKernels, { first: standardise(0, half), firstRows: half, second: standardise(half, n), secondRows: n - half, d: 2 }, map, ['x', 'y'])
        if (t.pValue < LEVEL) rejected++
        if (t.asymmetry && t.asymmetry.low <= asymmetry && asymmetry <= t.asymmetry.high) covered++
        measured += t.asymmetry?.value ?? 0
      }
      const seconds = (performance.now() - start) / 1000 / SEEDS
      alone.push([n.toLocaleString('en-US'), asymmetry, rejectionRate(rejected, SEEDS), (measured / SEEDS).toFixed(4), rejectionRate(covered, SEEDS), `${seconds.toFixed(3)} s`])
    }
  }
  const section: (string | number)[][] = []
  {
    const n = 10_000
    let rejected = 0
    let wrongGroup = 0
    let missing = 0
    const start = performance.now()
    for (let seed = 1; seed <= SEEDS; seed++) {
      const s = findSymmetries(wasm, mirrorCase(wasm, { n, seed }))
      const flip = s.discrete?.tests.find((t) => t.description === 'x → −x')
      if (!flip) missing++
      else if (flip.decision !== 'symmetric') rejected++
      if (s.discrete?.group !== 'ℤ₂') wrongGroup++
    }
    const seconds = (performance.now() - start) / 1000 / SEEDS
    section.push([n.toLocaleString('en-US'), rejectionRate(rejected, SEEDS), rejectionRate(wrongGroup, SEEDS), missing, `${seconds.toFixed(2)} s`])
  }
  return [
    {
      title: 'Discrete symmetry test: calibration and power (mirror x → −x, asymmetry A)',
      description:
        `The test of x → −x alone on mirrorCase (testdata/discreteCases.ts), ${SEEDS} seeds per row, level ${LEVEL}: ` +
        'A = 0 is an exact symmetry (the rejection rate is the false-rejection rate), A > 0 the power. Mean measured ' +
        'asymmetry (sign count of the most odd function, chosen on one half and measured on the other) and the share of ' +
        'seeds whose 95 % interval covers the true A.',
      columns: ['events', 'A', `rejected at ${LEVEL}`, 'mean measured A', '95 % interval covers A', 'time per seed'],
      rows: alone,
    },
    {
      title: 'Discrete symmetries in the whole section (mirror, exact)',
      description:
        `findSymmetries on mirrorCase with A = 0, ${SEEDS} seeds: the share of seeds where x → −x is rejected after Holm over ` +
        'the continuous and the discrete tests, and where the group reported is not ℤ₂ (a broken map passing, or the mirror lost).',
      columns: ['events', 'x → −x rejected', 'group ≠ ℤ₂', 'x → −x not proposed', 'time per seed'],
      rows: section,
    },
  ] satisfies BenchTable[]
}
