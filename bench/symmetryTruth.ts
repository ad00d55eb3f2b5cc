// The symmetry truth suite (issue 16): seeded random cases whose answer is known by construction
// (testdata/symmetryTruth/cases.ts: orbits of compact and non-compact groups, varieties, curves no low-degree
// polynomial cuts out, smearing, acceptance cuts, broken harmonics, anisotropic distributions, correlated
// coordinates, in random affine coordinates, unit scales and embeddings up to 20 dimensions), each graded right,
// withheld or wrong (testdata/symmetryTruth/grade.ts). Prints the confusion table per class and overall.
// SYMSCOPE_TRUTH_CASES sets the number of cases (default 306, 34 per class); SYMSCOPE_TRUTH_EVENTS the events per case.
import { findSymmetries } from '../core/index.js'
import { loadWasm } from '../core/wasm/node.js'
import { TRUTH_CLASSES, truthCase, type TruthClass } from '../testdata/symmetryTruth/cases.js'
import { grade, type Verdict } from '../testdata/symmetryTruth/grade.js'
import type { Bench, BenchTable } from './table.js'

const percent = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)} %` : '—')

export const run: Bench = async () => {
  const wasm = await loadWasm()
  const count = Number(process.env.SYMSCOPE_TRUTH_CASES ?? 306)
  const n = Number(process.env.SYMSCOPE_TRUTH_EVENTS ?? 4000)
  const tally = new Map<TruthClass, Record<Verdict, number>>(TRUTH_CLASSES.map((c) => [c, { right: 0, withheld: 0, wrong: 0 }]))
  const failures: string[] = []
  const withheldReasons = new Map<string, number>()
  const start = performance.now()
  for (let i = 0; i < count; i++) {
    const truth = truthCase(i, { n })
    let section: ReturnType<typeof findSymmetries> | null = null
    let crash = ''
    try {
      section = findSymmetries(wasm, { names: truth.names, data: truth.data, n: truth.n })
    } catch (error) {
      // Any exception on valid data is a bug (it would fail the whole analysis): counted wrong.
      crash = error instanceof Error ? error.message : String(error)
    }
    const { verdict, reason } = section ? grade(section, truth) : { verdict: 'wrong' as const, reason: `threw: ${crash.slice(0, 120)}` }
    tally.get(truth.truthClass)![verdict]++
    if (verdict === 'wrong') failures.push(`${truth.label}: ${reason}`)
    if (verdict === 'withheld') {
      const why = (section?.manifoldAlgebra?.reason ?? reason).replace(/\d[\d.e+−-]*/g, '#').slice(0, 90)
      withheldReasons.set(why, (withheldReasons.get(why) ?? 0) + 1)
    }
    if ((i + 1) % 25 === 0) process.stderr.write(`  ${i + 1}/${count} cases\n`)
  }
  const seconds = (performance.now() - start) / 1000
  const rows: (string | number)[][] = []
  const total = { right: 0, withheld: 0, wrong: 0 }
  for (const [name, t] of tally) {
    const all = t.right + t.withheld + t.wrong
    rows.push([name, String(all), String(t.right), `${t.withheld} (${percent(t.withheld, all)})`, `${t.wrong} (${percent(t.wrong, all)})`])
    for (const k of ['right', 'withheld', 'wrong'] as const) total[k] += t[k]
  }
  const all = total.right + total.withheld + total.wrong
  rows.push(['all', String(all), String(total.right), `${total.withheld} (${percent(total.withheld, all)})`, `${total.wrong} (${percent(total.wrong, all)})`])
  return [
    {
      title: 'Symmetry truth suite: right, withheld and wrong by class',
      description:
        `findSymmetries on ${count} seeded cases of ${n.toLocaleString('en-US')} events whose constraints and symmetries are known by construction ` +
        '(testdata/symmetryTruth/), graded by testdata/symmetryTruth/grade.ts: a determined manifold algebra must span exactly the true ' +
        'fields, every reported invariance must be a true one and, when the manifold algebra is determined or the region open, all of them; ' +
        `"undetermined" is withheld. ${seconds.toFixed(0)} s in all.`,
      columns: ['class', 'cases', 'right', 'withheld', 'wrong'],
      rows,
      notes: [
        ...failures.slice(0, 40).map((f) => `wrong: ${f}`),
        ...(failures.length > 40 ? [`… and ${failures.length - 40} more wrong`] : []),
        ...[...withheldReasons.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([why, k]) => `withheld ${k}×: ${why}`),
      ],
    },
  ] satisfies BenchTable[]
}
