// Time to a converged report on e⁺e⁻ → μ⁺μ⁻ at n = 10⁴, 10⁵, 10⁶ (issue 17's speed goal: on one core, 10⁵ events
// ≤ 5 s and 10⁶ ≤ 20 s end to end, with the count of a 10× longer run), in one process run:
// - symscope with the stopping rule (fused trainer, one thread), step by step: generation, preparation, the symmetry
//   section, training, and the report's statistics, each section function timed as reportFromTraining calls it;
// - the count after ten times the rule's samples (same seed, trained on to that cap);
// - symscope's former fixed 60 epochs;
// - PyTorch (one thread) on the same prepared features and split, stopped by the same rule (bench/pytorch.ts);
// - the CLI end to end (`symscope analyze ee_mumu --n N --threads 1`), process start and files included.
// Each step's CPU time (this process, all its threads: the fused trainer runs on one; V8's helpers add a little) is
// given beside its wall time: on a shared machine the wall time counts the waits for a core, the CPU time does not.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inputFromSource, prepareAnalysis, reportFromTraining, symmetriesOf, trainAnalysis, type PreparedAnalysis } from '../core/analysis/index.js'
import {
  dimensionSection, evaluationTruth, latentMapsSection, latentSection, topLatentFacts, truthSection,
} from '../core/analysis/reportSections.js'
import { encodeRows } from '../core/vae/index.js'
import type { Symmetries } from '../core/symmetries/schema.js'
import type { SymscopeWasm } from '../core/wasm/module.js'
import { NO_TORCH_NOTE, pytorchUnderRule, torchAvailable, type PytorchRun } from './pytorch.js'
import type { BenchTable } from './table.js'

/** Largest n at which the fixed 60 epochs are run (SYMSCOPE_BENCH_FIXED_MAX); above it they are estimated. */
const FIXED_MAX_EVENTS = Number(process.env.SYMSCOPE_BENCH_FIXED_MAX ?? 1_000_000)
const SIZES = (process.env.SYMSCOPE_BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number)
const CLI = fileURLToPath(new URL('../client/cli/main.js', import.meta.url))

/** Wall and CPU seconds of one step. */
interface Timing {
  wall: number
  cpu: number
}

async function timed<T>(fn: () => T | Promise<T>): Promise<[T, Timing]> {
  const cpu = process.cpuUsage()
  const started = performance.now()
  const value = await fn()
  const used = process.cpuUsage(cpu)
  return [value, { wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 }]
}

/** CPU seconds of this process's waited-for children (/proc/self/stat fields 16–17, in clock ticks of 1/100 s). */
function childrenCpu(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')
  return (Number(fields[13]) + Number(fields[14])) / 100
}

/** The CLI's whole analysis in a child process, one thread. */
function cliRun(n: number): Timing {
  const dir = mkdtempSync(join(tmpdir(), 'symscope-bench-'))
  try {
    const cpu = childrenCpu()
    const started = performance.now()
    const result = spawnSync(process.execPath, [CLI, 'analyze', 'ee_mumu', '--n', String(n), '--threads', '1', '--out', join(dir, 'report')], { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`symscope analyze failed: ${result.stderr}`)
    return { wall: (performance.now() - started) / 1000, cpu: childrenCpu() - cpu }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const STEPS = [
  'generation', 'preparation', 'symmetry section (core/symmetries)', 'training', 'encoding the validation events',
  'relevance and its bootstrap', 'intrinsic dimension (TwoNN, Gride)', 'truth correlations', 'latent maps', 'top latent\'s independence level',
  'report (reportFromTraining, all of the above after training)',
] as const
type Step = (typeof STEPS)[number]

interface SizeRun {
  n: number
  steps: Map<Step, Timing>
  total: Timing
  samples: number
  converged: boolean
  count: number
  prepared: PreparedAnalysis
  symmetries: Symmetries
}

/** symscope with the stopping rule, each step timed; the sections are timed on their own, then once more inside reportFromTraining. */
async function ruleRun(wasm: SymscopeWasm, n: number): Promise<SizeRun> {
  const steps = new Map<Step, Timing>()
  const step = async <T>(name: Step, fn: () => T | Promise<T>): Promise<T> => {
    const [value, timing] = await timed(fn)
    steps.set(name, timing)
    return value
  }
  const input = await step('generation', () => inputFromSource(wasm, { kind: 'generator', dataset: 'ee_mumu', n, seed: 1 }))
  const prepared = await step('preparation', () => prepareAnalysis(wasm, input))
  const symmetries = await step('symmetry section (core/symmetries)', () => symmetriesOf(wasm, prepared))
  const trained = await step('training', () => trainAnalysis(wasm, prepared))
  const { matrix } = prepared.features
  const { config, threshold } = prepared
  const evalRows = trained.validationRows
  const rows = evalRows.length
  const k = config.latent
  const encoded = await step('encoding the validation events', () => encodeRows(trained.vae, matrix.data, matrix.cols, evalRows))
  const { order, relevant } = await step('relevance and its bootstrap', () => latentSection(wasm, encoded, rows, config, threshold))
  await step('intrinsic dimension (TwoNN, Gride)', () => dimensionSection(wasm, matrix, trained, encoded, rows, k, relevant))
  const truth = evaluationTruth(input, evalRows)
  const { correlations } = await step('truth correlations', () => truthSection(wasm, input, truth, encoded, rows, k, order, relevant))
  await step('latent maps', () => latentMapsSection(trained.vae, input, matrix, evalRows, truth, encoded, k, order))
  await step('top latent\'s independence level', () => topLatentFacts(wasm, input, truth, encoded, rows, k, order, correlations))
  const samples = trained.convergence.samples
  const converged = trained.convergence.converged
  const report = await step('report (reportFromTraining, all of the above after training)', () => reportFromTraining(wasm, prepared, trained, symmetries))
  const counted: Step[] = ['generation', 'preparation', 'symmetry section (core/symmetries)', 'training', 'report (reportFromTraining, all of the above after training)']
  const total = counted.reduce((t, s) => ({ wall: t.wall + steps.get(s)!.wall, cpu: t.cpu + steps.get(s)!.cpu }), { wall: 0, cpu: 0 })
  return { n, steps, total, samples, converged, count: report.relevantCount, prepared, symmetries }
}

/** The report's count after `samples` training samples (trained to that cap whatever the checks say), and the time of its training and report. */
async function countAfter(wasm: SymscopeWasm, run: SizeRun, samples: number, epochs = 100_000): Promise<{ count: number; timing: Timing }> {
  const long = await prepareAnalysis(wasm, run.prepared.input, { config: { samples, epochs } })
  const [report, timing] = await timed(async () => reportFromTraining(wasm, long, await trainAnalysis(wasm, long, { untilCap: true }), run.symmetries))
  return { count: report.relevantCount, timing }
}

const seconds = (t: Timing) => `${t.wall.toFixed(1)} s (CPU ${t.cpu.toFixed(1)} s)`
const thousands = (v: number) => v.toLocaleString('en-US')

export async function timeTables(wasm: SymscopeWasm): Promise<BenchTable[]> {
  const rows: (string | number)[][] = []
  const runs: SizeRun[] = []
  const clis: Timing[] = []
  const torch = torchAvailable()
  for (const n of SIZES) {
    const rule = await ruleRun(wasm, n)
    runs.push(rule)
    const training = rule.steps.get('training')!
    const tenfold = await countAfter(wasm, rule, 10 * rule.samples)
    let fixedCell: string
    let speedUp: string
    if (n <= FIXED_MAX_EVENTS) {
      const fixed = await countAfter(wasm, rule, 1_000_000_000, 60)
      const [, generation] = await timed(() => inputFromSource(wasm, { kind: 'generator', dataset: 'ee_mumu', n, seed: 1 }))
      const wall = fixed.timing.wall + generation.wall + rule.steps.get('preparation')!.wall + rule.steps.get('symmetry section (core/symmetries)')!.wall
      const cpu = fixed.timing.cpu + generation.cpu + rule.steps.get('preparation')!.cpu + rule.steps.get('symmetry section (core/symmetries)')!.cpu
      fixedCell = `${seconds({ wall, cpu })}, count ${fixed.count}`
      speedUp = `${(cpu / rule.total.cpu).toFixed(1)}×`
    } else {
      // 60 epochs are 60 × ⌊0.8 n / 256⌋ steps: estimated from this run's own training rate, not run.
      const samples = 60 * Math.floor((0.8 * n) / 256) * 256
      const cpu = (samples / rule.samples) * training.cpu + (rule.total.cpu - training.cpu)
      fixedCell = `≈ CPU ${cpu.toFixed(0)} s, estimated from ${thousands(samples)} samples at this run's rate (not run)`
      speedUp = `≈ ${(cpu / rule.total.cpu).toFixed(0)}×`
    }
    let torchCells = ['not measured', '']
    if (torch) {
      const t: PytorchRun = await pytorchUnderRule(wasm, rule.prepared, 1)
      torchCells = [
        `${t.seconds.toFixed(1)} s (CPU ${t.cpuSeconds.toFixed(1)} s), ${thousands(t.samples)} samples, ${t.converged ? 'converged' : 'NOT converged'}, count ${t.relevantCount}`,
        `${(t.cpuSeconds / training.cpu).toFixed(1)}×`,
      ]
    }
    const cli = cliRun(n)
    clis.push(cli)
    rows.push([
      thousands(n),
      seconds(rule.total),
      seconds(cli),
      `${seconds(training)}, ${thousands(rule.samples)} samples, ${rule.converged ? 'converged' : 'NOT converged'}`,
      `${rule.count} / ${tenfold.count}`,
      fixedCell,
      speedUp,
      ...torchCells,
    ])
    process.stderr.write(`  n ${n}: rule ${seconds(rule.total)}, CLI ${seconds(cli)}, count ${rule.count} / ${tenfold.count} after 10×\n`)
  }
  const time: BenchTable = {
    title: 'Time to a converged report: e⁺e⁻ → μ⁺μ⁻, one core',
    description:
      'symscope end to end in this process (generation, preparation, the symmetry section, training on the fused trainer with one thread ' +
      'under the stopping rule, every statistic of the report) and as the CLI (`symscope analyze ee_mumu --n N --threads 1`, process start ' +
      'and files included); the count against the count after 10× the rule\'s samples; symscope\'s former fixed 60 epochs (the same steps ' +
      'around a 60-epoch training); PyTorch (Debian\'s python3-torch, one thread, bench/pytorchConvergence.py) training the same network on ' +
      'the same standardised events and split, stopped by the same rule (core/vae/convergence.ts decides at its checks). Seed 1, one process run.',
    columns: [
      'Events', 'symscope, rule: report', 'CLI end to end', 'symscope training', 'Count (rule / 10× samples)', 'Fixed 60 epochs: report',
      'Speed-up (CPU)', 'PyTorch 1 thread, same rule: training', 'PyTorch / symscope training (CPU)',
    ],
    rows,
    notes: [
      'Goal (issue 17), one core: 10⁵ events ≤ 5 s and 10⁶ ≤ 20 s end to end. Read the CPU seconds: the wall time on this shared machine counts the waits for a core.',
      ...(torch ? ['PyTorch\'s seconds are its training loop (steps and checks), without the report around it; its weights start from PyTorch\'s own initialisation and noise.'] : [NO_TORCH_NOTE]),
    ],
  }
  const breakdown: BenchTable = {
    title: 'Where the seconds go: e⁺e⁻ → μ⁺μ⁻ under the stopping rule, one core',
    description:
      'Each step of the analysis above, timed alone in the same runs (wall, and CPU in brackets). The report\'s sections are timed one by one, ' +
      'then together as reportFromTraining runs them; the CLI adds process start, loading WebAssembly, writing report.md and the figures.',
    columns: ['Step', ...runs.map((r) => `n = ${thousands(r.n)}`)],
    rows: [
      ...STEPS.map((s) => [s, ...runs.map((r) => seconds(r.steps.get(s)!))]),
      ['sum of generation, preparation, symmetry section, training and report', ...runs.map((r) => seconds(r.total))],
      ['CLI end to end', ...clis.map(seconds)],
    ],
    notes: [
      'The training\'s samples follow from the stopping rule (core/vae/convergence.ts) and the seed, not from n: a check every 65,536 samples, at least two windows of checks (9 checks).',
    ],
  }
  return [time, breakdown]
}
