import { constraintText, discreteText, distributionText, manifoldText, scaleText, type Report } from '../../../core/report/index.js'
import { analyze, type AnalysisPhase } from '../../../core/analysis/index.js'
import type { VaeConfig } from '../../../core/vae/index.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { DATA_OPTIONS, dataSettings, MODEL_OPTIONS, modelSettings, optional } from '../analysisOptions.js'
import { parseTrainer, startThreads, startTrainer } from '../trainer.js'
import { CliError } from '../exitCodes.js'
import { loadInput } from '../loadInput.js'
import { checkOutputFolder } from '../outputFolder.js'
import { GENERATOR_OPTIONS, onePositional, parseInteger, parseSets } from '../parseValues.js'
import { stepProgress } from '../stepProgress.js'
import { trainingProgress } from '../trainingProgress.js'
import { analyzeHelp } from '../usage.js'
import { writeReport } from '../writeReport.js'
import { parseCommandLine } from '../parseCommandLine.js'

/** How training stopped: converged after how many samples, or not converged at its cap (the count undetermined). */
export function trainingLine(report: Report): string {
  const t = report.training
  const c = t.convergence
  const time = `in ${t.seconds.toFixed(1)} s on ${t.backend}`
  if (!c) return `trained ${t.history.length} epochs ${time}`
  const samples = `${c.samples.toLocaleString('en-US')} samples (${t.history.length} epochs)`
  if (c.converged) return `trained ${samples} ${time}: converged (relevances steady over the last ${2 * c.window} check intervals, count and loss over the last ${c.window})`
  const collapsing = c.latents.filter((l) => l.collapsing).map((l) => `z${l.index}`)
  return (
    `trained ${samples} ${time}: NOT converged at the cap of ${c.capSamples.toLocaleString('en-US')} samples; ` +
    `relevant count undetermined (${report.relevantCount} above the threshold when it stopped` +
    `${collapsing.length ? `; collapsing: ${collapsing.join(', ')}` : ''}): raise --samples or --epochs`
  )
}

/** The few lines printed when an analysis is done: the verdict, the spectrum, and where the files are. */
export function summarise(report: Report, dir: string): string {
  const spectrum = report.latents
    .map((l) => `z${l.index} ${l.relevance.toFixed(3)}${l.relevant ? '*' : ''}`)
    .join('  ')
  const id = report.intrinsicDimension
  const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(2))
  const lines = [
    report.verdict,
    `relevance (* relevant, threshold ${report.config.threshold}): ${spectrum}`,
    `intrinsic dimension: data ${fmt(id.data)}, relevant latents ${fmt(id.latent)}`,
  ]
  const s = report.symmetries
  if (s) {
    lines.push(`constraints: ${s.constraints.map(constraintText).join('; ') || 'none'}`)
    const scale = scaleText(s)
    if (scale) lines.push(`free coordinates by scale: ${scale}`)
    if (s.manifoldAlgebra) lines.push(`symmetry algebra of the data: ${manifoldText(s.manifoldAlgebra)}`)
    if (s.distributionAlgebra) lines.push(`invariances of the distribution: ${distributionText(s.distributionAlgebra)}`)
    if (s.discrete) lines.push(`discrete symmetries: ${discreteText(s.discrete)}`)
    if (s.alignment.length) lines.push(`relevant latents along the symmetry orbits: ${s.alignment.map((a) => `z${a.latent} ${a.fraction.toFixed(2)}`).join(', ')}`)
  }
  return [
    ...lines,
    trainingLine(report),
    `wrote ${dir}/report.json, report.md and figures`,
  ].join('\n')
}

export async function analyzeCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandLine('analyze', argv, {
    ...GENERATOR_OPTIONS,
    ...DATA_OPTIONS,
    ...MODEL_OPTIONS,
    latent: { type: 'string' },
    beta: { type: 'string' },
    threads: { type: 'string', default: '1' },
    out: { type: 'string', default: 'symscope-report' },
    force: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  })
  if (values.help) return void process.stdout.write(analyzeHelp())
  const source = onePositional('analyze', positionals, 'one file or dataset', 'analyze needs a data file or a dataset name, e.g. symscope analyze circle (symscope help analyze)')
  const trainer = parseTrainer(values.backend)
  if (values.out === '') throw new CliError('--out needs a directory name')
  checkOutputFolder(values.out, values.force)
  const config: Partial<VaeConfig> = {
    seed: parseInteger('seed', values.seed),
    latent: optional('latent', values.latent, true),
    beta: optional('beta', values.beta, false),
    ...modelSettings(values),
  }
  const threshold = optional('threshold', values.threshold, false)
  const wasm = await loadWasm()
  const input = await loadInput(wasm, source, {
    n: parseInteger('n', values.n),
    seed: config.seed!,
    params: parseSets(values.set),
    ...dataSettings(values),
  })
  const { leftOutIdentifiers, knownTable } = input.parameters
  if (!values.quiet && typeof leftOutIdentifiers === 'string') process.stderr.write(`symscope: left out as event identifiers, not measurements: ${leftOutIdentifiers} (--features keeps them)\n`)
  if (!values.quiet && typeof knownTable === 'string') process.stderr.write(`symscope: this is ${knownTable}\n`)
  await startTrainer(trainer)
  const threads = await startThreads(values.threads, trainer)
  const progress = trainingProgress(`training on ${input.name}`, config.epochs ?? 0, values.quiet)
  const steps = stepProgress(`${input.n.toLocaleString('en-US')} events × ${input.featureNames.length} features`, values.quiet)
  const onPhase = (phase: AnalysisPhase, estimate: number | null) => {
    if (phase === 'statistics') progress.finish() // the training's bar ends before the next step's line
    steps.onPhase(phase, estimate)
  }
  let report
  try {
    report = await analyze(wasm, input, { config, threshold, trainer, threads, onEpoch: progress.onEpoch, onPhase, pause: steps.pause })
  } finally {
    await threads?.close()
  }
  steps.finish()
  writeReport(values.out, report)
  process.stdout.write(`${summarise(report, values.out)}\n`)
}
