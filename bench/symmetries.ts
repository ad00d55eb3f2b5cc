// The symmetry section (core/symmetries/findSymmetries.ts) end to end, with its per-event passes — block sums of
// monomials up to degree 4, the constraints measured on every event, the Monte Carlo copies of the invariance tests,
// the row order (assembly/symmetries/) — in wasm against their plain-TypeScript twins (reference/symmetryKernels.ts).
// Everything else (eigen-decompositions, the tangency SVD, Gride's neighbours, formulas) is the same on both sides. Both sides are measured
// alternately in this process run; the ratio is what to read.
// With SYMSCOPE_BEFORE_DIST=<the dist/ folder of a 0.3.0 build (1a82c69)>, the first table re-runs 0.3.0's
// findSymmetries on the same events, alternating with this build's (issues 16 and 20 bound the section to 1.5× it).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { findSymmetries, generateEvents, monomialBasis, wasmMoments, type SymscopeWasm } from '../core/index.js'
import { cmsDimuonInput } from '../core/transforms/cmsDimuon.js'
import { loadWasm } from '../core/wasm/node.js'
import { typescriptMoments } from '../reference/monomialMoments.js'
import { typescriptKernels } from '../reference/symmetryKernels.js'
import { median, type Bench, type BenchTable } from './table.js'

const REPEATS = 7
const CMS = new URL('../../data/cms/Zmumu_Run2011A.csv', import.meta.url)

interface Case {
  label: string
  names: readonly string[]
  data: Float64Array
  n: number
}

function cases(wasm: SymscopeWasm): Case[] {
  const generated = (label: string, dataset: string, n: number) => {
    const events = generateEvents(wasm, { dataset, n, seed: 1 })
    return { label, names: events.featureNames, data: events.features, n: events.n }
  }
  const out = [generated('ee_mumu (QED, √s = 10 GeV)', 'ee_mumu', 100_000), generated('drell_yan (13 TeV)', 'drell_yan', 100_000)]
  const input = cmsDimuonInput(wasm, readFileSync(CMS, 'utf8'), 'Zmumu_Run2011A.csv')
  out.push({ label: 'CMS Z → μμ (Zmumu_Run2011A.csv)', names: input.featureNames, data: Float64Array.from(input.features as ArrayLike<number>), n: input.n })
  return out
}

/** Median ms of `repeats` alternating runs of each side (after one warm-up each). */
function alternate(a: () => unknown, b: () => unknown, repeats = REPEATS): [number, number] {
  const [times] = alternateTimes([a, b], repeats)
  return [median(times[0]), median(times[1])]
}

/** Wall and CPU ms (process.cpuUsage: the time this process ran, less sensitive to other processes' load) of each of `fns`, run alternately `repeats` times after one warm-up each. */
function alternateTimes(fns: (() => unknown)[], repeats: number): [number[][], number[][]] {
  for (const fn of fns) fn()
  const wall = fns.map((): number[] => [])
  const cpu = fns.map((): number[] => [])
  for (let i = 0; i < repeats; i++) {
    for (const [k, fn] of fns.entries()) {
      const start = performance.now()
      const used = process.cpuUsage()
      fn()
      const { user, system } = process.cpuUsage(used)
      wall[k].push(performance.now() - start)
      cpu[k].push((user + system) / 1000)
    }
  }
  return [wall, cpu]
}

const BEFORE_REPEATS = 15

/** 0.3.0's findSymmetries and wasm loader, from the dist/ folder given by SYMSCOPE_BEFORE_DIST (null without it). */
async function before(): Promise<{ findSymmetries: typeof findSymmetries; wasm: unknown } | null> {
  const dist = process.env.SYMSCOPE_BEFORE_DIST
  if (!dist) return null
  const core = await import(pathToFileURL(join(dist, 'core/index.js')).href)
  const loader = await import(pathToFileURL(join(dist, 'core/wasm/node.js')).href)
  return { findSymmetries: core.findSymmetries, wasm: await loader.loadWasm() }
}

export const run: Bench = async () => {
  const wasm = await loadWasm()
  const whole: (string | number)[][] = []
  const kernel: (string | number)[][] = []
  const discrete: (string | number)[][] = []
  const against: (string | number)[][] = []
  const old = await before()
  for (const c of cases(wasm)) {
    if (old) {
      // 0.3.0 against this build on the same events (each loads its own wasm module), alternating.
      const [wall, cpu] = alternateTimes([
        () => old.findSymmetries(old.wasm as SymscopeWasm, { names: c.names, data: c.data, n: c.n }),
        () => findSymmetries(wasm, { names: c.names, data: c.data, n: c.n }),
      ], BEFORE_REPEATS)
      const [wallBefore, wallNow, cpuBefore, cpuNow] = [median(wall[0]), median(wall[1]), Math.min(...cpu[0]), Math.min(...cpu[1])]
      // Each repetition's two runs follow each other, so their ratio shares that moment's load: the median of these
      // ratios and their quartiles say how far the load moved the comparison.
      const paired = cpu[1].map((t, i) => t / cpu[0][i]).sort((a, b) => a - b)
      const quartile = (f: number) => paired[Math.round(f * (paired.length - 1))].toFixed(2)
      against.push([
        c.label, c.n.toLocaleString('en-US'), wallBefore, wallNow, `${(wallNow / wallBefore).toFixed(2)}×`, cpuBefore, cpuNow, `${(cpuNow / cpuBefore).toFixed(2)}×`,
        `${median(paired).toFixed(2)}× (${quartile(0.25)}–${quartile(0.75)})`,
      ])
    }
    // The discrete section's cost (issue 20): the same search with and without it, wasm kernels both times.
    let group = ''
    const [withMs, withoutMs] = alternate(
      () => {
        const s = findSymmetries(wasm, { names: c.names, data: c.data, n: c.n })
        group = `${s.discrete?.group ?? '—'} (${s.discrete?.tried ?? 0} maps tried, ${s.discrete?.tested ?? 0} tested)`
      },
      () => findSymmetries(wasm, { names: c.names, data: c.data, n: c.n }, { discrete: false }),
    )
    discrete.push([c.label, c.n.toLocaleString('en-US'), withoutMs, withMs, `${(withMs / withoutMs).toFixed(2)}×`, group])

    let summary = ''
    const sections: [string, string] = ['', '']
    const [wasmMs, tsMs] = alternate(
      () => {
        const s = findSymmetries(wasm, { names: c.names, data: c.data, n: c.n })
        summary = `${s.constraints.length} constraints, ${s.manifoldAlgebra?.name ?? '—'} → ${s.distributionAlgebra?.name ?? '—'}`
        sections[0] = JSON.stringify(s)
      },
      () => (sections[1] = JSON.stringify(findSymmetries(wasm, { names: c.names, data: c.data, n: c.n }, { kernels: typescriptKernels }))),
    )
    if (sections[0] !== sections[1]) throw new Error(`symmetries bench: the wasm and TypeScript kernels gave different sections for ${c.label}`)
    whole.push([c.label, c.n.toLocaleString('en-US'), wasmMs, tsMs, `${(tsMs / wasmMs).toFixed(1)}×`, summary])

    // The hot loop alone: degree-4 block sums over all D features (the largest call the search can make here).
    const cols = c.names.length
    const request = {
      columns: Int32Array.from({ length: cols }, (_, j) => j),
      shift: new Float64Array(cols),
      scale: new Float64Array(cols).fill(0.01),
    }
    const basis = monomialBasis(cols, 4)
    const fromWasm = wasmMoments(wasm, c.data, c.n, cols)
    const fromTs = typescriptMoments(wasm, c.data, c.n, cols)
    const [kernelWasm, kernelTs] = alternate(() => fromWasm.sums(request, basis, 16), () => fromTs.sums(request, basis, 16), 5)
    fromWasm.dispose()
    kernel.push([c.label, c.n.toLocaleString('en-US'), String(basis.count), kernelWasm, kernelTs, `${(kernelTs / kernelWasm).toFixed(1)}×`])
  }
  const againstTable: BenchTable[] = old ? [{
    title: 'Symmetry section against 0.3.0',
    description:
      `findSymmetries of 0.3.0 (the dist/ given by SYMSCOPE_BEFORE_DIST, its own wasm) and of this build on the same events, run alternately ${BEFORE_REPEATS} times after one warm-up each: ` +
      'the median wall time, the least CPU time of the process (process.cpuUsage), which other processes\' load inflates least, and the median (quartiles) of the CPU ratios of the runs paired in each repetition.',
    columns: ['events', 'n', '0.3.0 wall ms', 'now wall ms', 'wall ratio', '0.3.0 CPU ms', 'now CPU ms', 'CPU ratio (least)', 'paired CPU ratio, median (quartiles)'],
    rows: against,
  }] : []
  return [
    ...againstTable,
    {
      title: 'Symmetry section with and without the discrete symmetries',
      description:
        'findSymmetries (wasm kernels) with the discrete maps proposed, checked against the constraints and tested against ' +
        `their images (issue 20), and without them (option discrete: false). Median of ${REPEATS} alternating runs after one warm-up each.`,
      columns: ['events', 'n', 'without ms', 'with ms', 'ratio', 'group'],
      rows: discrete,
    },
    {
      title: 'Symmetry section: wasm vs plain TypeScript kernels',
      description:
        'findSymmetries on the raw events (constraints up to degree 4, manifold and distribution algebras with the calibrated ' +
        'tests, the discrete maps; no VAE), with the per-event passes (monomial moments, constraint measurements, Monte Carlo copies, row order, the discrete maps\' image sums and signs) ' +
        'in wasm or in their plain-TypeScript twins. ' +
        `Median of ${REPEATS} alternating runs after one warm-up each.`,
      columns: ['events', 'n', 'wasm ms', 'TypeScript ms', 'speed-up', 'result'],
      rows: whole,
      notes: ['Both sides give identical sections (same f64 operations in the same order; compared in this run, the benchmark fails otherwise).'],
    },
    {
      title: 'Monomial moments (the hot loop): wasm vs plain TypeScript',
      description:
        'Block sums (16 blocks) of every monomial up to degree 4 in all 8 features, the copy of the events into wasm ' +
        'memory done once beforehand (as findSymmetries does). Median of 5 alternating runs.',
      columns: ['events', 'n', 'monomials', 'wasm ms', 'TypeScript ms', 'speed-up'],
      rows: kernel,
    },
  ] satisfies BenchTable[]
}
