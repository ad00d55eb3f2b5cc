// The stopping rule (core/vae/convergence.ts) against its acceptance checks, on the fused trainer, one thread:
// - stability: on each dataset and seed, the relevant count of the default (converged) run against the count after
//   ten times its samples (same seed, trained on to the cap whatever the checks say);
// - staircase: the linear VAE on `gaussian` over β from 0.01 to 3, measured relevances against the toy model's
//   1 − βD/(2λ_k), and which points the rule flags (unconverged or collapsing) against the predicted collapses;
// - time (bench/convergenceTime.ts): a converged report on e⁺e⁻ → μ⁺μ⁻ at n = 10⁴, 10⁵, 10⁶ against the count after
//   10× the samples, the former fixed 60 epochs and PyTorch under the same rule, with where the seconds go.
// SYMSCOPE_BENCH_PARTS picks parts (time,staircase,stability), SYMSCOPE_BENCH_SEEDS the seeds.
// Counts are the report's: R ≥ threshold on the whole validation split (relevanceSpectrum).
import { readFileSync } from 'node:fs'
import { inputFromSource, prepareAnalysis, reportFromTraining, trainAnalysis, type DataSource } from '../core/analysis/index.js'
import { relevanceSpectrum } from '../core/analysis/spectrum.js'
import { DEFAULT_THRESHOLD } from '../core/analysis/limits.js'
import { relevance } from '../core/stats/relevance.js'
import { disposeVae, encodeRows, type TrainedVae } from '../core/vae/index.js'
import type { VaeConfig } from '../core/vae/config.js'
import { loadWasm } from '../core/wasm/node.js'
import type { SymscopeWasm } from '../core/wasm/module.js'
import { timeTables } from './convergenceTime.js'
import type { Bench, BenchTable } from './table.js'

const CMS = new URL('../../data/cms/Zmumu_Run2011A.csv', import.meta.url)
const SEEDS = (process.env.SYMSCOPE_BENCH_SEEDS ?? '1,2,3').split(',').map(Number)
const EVENTS = 20_000

interface Case {
  label: string
  source: (seed: number) => DataSource
  config?: Partial<VaeConfig>
}

const generator = (dataset: string, params?: Record<string, unknown>) => (seed: number): DataSource => ({ kind: 'generator', dataset, n: EVENTS, seed, params })

const CASES: Case[] = [
  { label: 'circle', source: generator('circle') },
  { label: 'disk', source: generator('disk') },
  { label: 'ee_mumu (QED, √s = 10 GeV)', source: generator('ee_mumu') },
  { label: 'ee_mumu (γ/Z, √s = 91.19 GeV)', source: generator('ee_mumu', { sqrtS: 91.19, z: true }) },
  { label: 'drell_yan', source: generator('drell_yan') },
  { label: 'CMS Z → μμ (Zmumu_Run2011A.csv)', source: () => ({ kind: 'file', name: 'Zmumu_Run2011A.csv', data: readFileSync(CMS, 'utf8'), from: 'cms-dimuon' }) },
  { label: 'gaussian', source: generator('gaussian') },
  { label: 'gaussian --linear', source: generator('gaussian'), config: { linear: true } },
]

/** The report's count (R ≥ threshold over the validation split) of a training; disposes its VAE. */
function reportCount(wasm: SymscopeWasm, data: Float32Array, cols: number, trained: TrainedVae, latent: number): number {
  try {
    const encoded = encodeRows(trained.vae, data, cols, trained.validationRows)
    const stats = relevance(wasm, encoded.means, encoded.logVars, trained.validationRows.length, latent)
    return relevanceSpectrum(stats, DEFAULT_THRESHOLD).relevantCount
  } finally {
    disposeVae(trained.vae)
  }
}

async function stability(wasm: SymscopeWasm): Promise<BenchTable> {
  const rows: (string | number)[][] = []
  let agree = 0
  let total = 0
  for (const c of CASES) {
    for (const seed of SEEDS) {
      const input = await inputFromSource(wasm, c.source(seed))
      const prepared = await prepareAnalysis(wasm, input, { config: { seed, ...c.config } })
      const { data, cols } = prepared.features.matrix
      const short = await trainAnalysis(wasm, prepared)
      const samples = short.convergence.samples
      const converged = short.convergence.converged
      const count = reportCount(wasm, data, cols, short, prepared.config.latent)
      const long = await prepareAnalysis(wasm, input, { config: { seed, ...c.config, samples: 10 * samples, epochs: 100_000 } })
      const longTrained = await trainAnalysis(wasm, long, { untilCap: true })
      const longCount = reportCount(wasm, data, cols, longTrained, prepared.config.latent)
      total++
      if (count === longCount && converged) agree++
      rows.push([c.label, String(seed), input.n.toLocaleString('en-US'), converged ? 'yes' : 'no', samples.toLocaleString('en-US'), String(count), String(longCount), count === longCount ? 'same' : 'DIFFERENT'])
      process.stderr.write(`  ${c.label} seed ${seed}: ${count} at ${samples} (${converged ? 'converged' : 'capped'}), ${longCount} after 10×\n`)
    }
  }
  return {
    title: 'Stopping rule: the default count against the count after 10× the samples',
    description:
      `Each dataset (${EVENTS.toLocaleString('en-US')} events, the CMS file whole) and training seed: the default run, stopped by ` +
      'core/vae/convergence.ts, then the same training run on to ten times its samples. Fused trainer, one thread.',
    columns: ['Data', 'Seed', 'Events', 'Converged', 'Samples (default)', 'Count (default)', 'Count (10× samples)', ''],
    rows,
    notes: [`${agree} of ${total} runs converged with the same count as after 10× the samples.`],
  }
}

async function staircase(wasm: SymscopeWasm): Promise<BenchTable> {
  const betas = [0.01, 0.02, 0.04, 0.06, 0.1, 0.2, 0.3, 0.45, 0.7, 1, 1.5, 2, 3]
  const input = await inputFromSource(wasm, { kind: 'generator', dataset: 'gaussian', n: EVENTS, seed: 1 })
  const rows: (string | number)[][] = []
  let bad = 0
  let badFlags = 0
  for (const beta of betas) {
    const prepared = await prepareAnalysis(wasm, input, { config: { linear: true, beta, latent: 8, seed: 1 } })
    const report = await reportFromTraining(wasm, prepared, await trainAnalysis(wasm, prepared))
    const c = report.training.convergence!
    const toy = report.linearToy!
    const features = toy.ranks.filter((r) => r.eigenvalue !== null).length
    const collapses = toy.ranks.map((r) => (r.eigenvalue === null ? null : (2 * r.eigenvalue) / features))
    const near = collapses.some((b) => b !== null && Math.abs(beta - b) <= 0.15 * b)
    const flagged = !c.converged || c.latents.some((l) => l.collapsing)
    const deviation = Math.max(...toy.ranks.map((r) => Math.abs((r.measured ?? 0) - r.predicted)))
    if (!flagged && deviation > 0.03) bad++
    if (flagged && !near) badFlags++
    rows.push([
      String(beta), c.converged ? 'yes' : 'no', String(c.latents.filter((l) => l.collapsing).length), c.samples.toLocaleString('en-US'),
      toy.ranks.map((r) => (r.measured ?? 0).toFixed(3)).join(', '), toy.ranks.map((r) => r.predicted.toFixed(3)).join(', '),
      deviation.toFixed(3), near ? 'yes' : '', flagged ? (near ? 'flagged' : 'FLAGGED FAR') : deviation <= 0.03 ? 'ok' : 'OFF',
    ])
    process.stderr.write(`  β ${beta}: converged ${c.converged}, deviation ${deviation.toFixed(3)}\n`)
  }
  return {
    title: 'Stopping rule: the linear staircase against the toy model',
    description:
      `gaussian (${EVENTS.toLocaleString('en-US')} events, seed 1), --linear, latent 8, default settings otherwise: the measured relevances ` +
      '(ranks 1–3) against R_k = 1 − βD/(2λ_k) with the data\'s own λ_k; "near" marks β within 15 % of a predicted collapse 2λ_k/D.',
    columns: ['β', 'Converged', 'Collapsing', 'Samples', 'Measured R', 'Predicted R', 'Largest |Δ|', 'Near a collapse', ''],
    rows,
    notes: [`${bad} unflagged points off by more than 0.03; ${badFlags} flagged points farther than 15 % from a predicted collapse.`],
  }
}

export const run: Bench = async () => {
  const wasm = await loadWasm()
  const which = (process.env.SYMSCOPE_BENCH_PARTS ?? 'stability,staircase,time').split(',')
  const tables: BenchTable[] = []
  if (which.includes('time')) tables.push(...(await timeTables(wasm)))
  if (which.includes('staircase')) tables.push(await staircase(wasm))
  if (which.includes('stability')) tables.push(await stability(wasm))
  return tables
}
