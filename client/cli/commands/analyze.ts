import { parseArgs } from 'node:util'
import { analyze } from '../../../core/analysis/index.js'
import type { Report } from '../../../core/report/schema.js'
import type { Activation, VaeConfig } from '../../../core/vae/index.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { parseTrainer, startThreads, startTrainer } from '../trainer.js'
import { CliError } from '../exitCodes.js'
import { loadInput } from '../loadInput.js'
import { GENERATOR_OPTIONS, parseInteger, parseNumber, parseSets } from '../parseValues.js'
import { trainingProgress } from '../trainingProgress.js'
import { analyzeHelp } from '../usage.js'
import { writeReport } from '../writeReport.js'

const list = (text: string | undefined) => (text === undefined ? undefined : text.split(',').map((s) => s.trim()).filter(Boolean))

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
    const constraints = s.constraints.map((c) => `${c.formula}${c.exact ? '' : ' (approx.)'}`).join('; ')
    lines.push(`constraints: ${constraints || 'none'}`)
    if (s.manifoldAlgebra) lines.push(`symmetry algebra of the data: ${s.manifoldAlgebra.name} (dimension ${s.manifoldAlgebra.dimension})`)
    if (s.distributionAlgebra) lines.push(`invariances of the distribution: ${s.distributionAlgebra.name} (dimension ${s.distributionAlgebra.dimension})`)
    if (s.alignment.length) lines.push(`relevant latents along the symmetry orbits: ${s.alignment.map((a) => `z${a.latent} ${a.fraction.toFixed(2)}`).join(', ')}`)
  }
  return [
    ...lines,
    `trained ${report.training.history.length} epochs in ${report.training.seconds.toFixed(1)} s on ${report.training.backend}`,
    `wrote ${dir}/report.json, report.md and figures`,
  ].join('\n')
}

export async function analyzeCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...GENERATOR_OPTIONS,
      features: { type: 'string' },
      truth: { type: 'string' },
      angular: { type: 'string' },
      from: { type: 'string' },
      latent: { type: 'string' },
      hidden: { type: 'string' },
      layers: { type: 'string' },
      activation: { type: 'string' },
      linear: { type: 'boolean', default: false },
      beta: { type: 'string' },
      lr: { type: 'string' },
      batch: { type: 'string' },
      epochs: { type: 'string' },
      validation: { type: 'string' },
      patience: { type: 'string' },
      threshold: { type: 'string' },
      backend: { type: 'string', default: 'fused' },
      threads: { type: 'string', default: '1' },
      out: { type: 'string', default: 'symscope-report' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) return void process.stdout.write(analyzeHelp())
  if (positionals.length !== 1) {
    throw new CliError(
      positionals.length === 0
        ? 'analyze needs a CSV file or a dataset name, e.g. symscope analyze circle (symscope help analyze)'
        : `analyze takes one file or dataset; got ${positionals.length}: ${positionals.join(' ')}`,
    )
  }
  const trainer = parseTrainer(values.backend)
  if (values.out === '') throw new CliError('--out needs a directory name')
  const optional = (name: string, text: string | undefined, integer: boolean) =>
    text === undefined ? undefined : integer ? parseInteger(name, text) : parseNumber(name, text)
  const config: Partial<VaeConfig> = {
    seed: parseInteger('seed', values.seed),
    latent: optional('latent', values.latent, true),
    hidden: optional('hidden', values.hidden, true),
    layers: optional('layers', values.layers, true),
    activation: values.activation as Activation | undefined,
    linear: values.linear || undefined,
    beta: optional('beta', values.beta, false),
    learningRate: optional('lr', values.lr, false),
    batchSize: optional('batch', values.batch, true),
    epochs: optional('epochs', values.epochs, true),
    validationSplit: optional('validation', values.validation, false),
    patience: optional('patience', values.patience, true),
  }
  const threshold = optional('threshold', values.threshold, false)
  const wasm = await loadWasm()
  const input = loadInput(wasm, positionals[0], {
    n: parseInteger('n', values.n),
    seed: config.seed!,
    params: parseSets(values.set),
    features: list(values.features),
    truth: list(values.truth),
    angular: list(values.angular),
    from: values.from,
  })
  await startTrainer(trainer)
  const threads = await startThreads(values.threads, trainer)
  const progress = trainingProgress(`training on ${input.name}`, config.epochs ?? 0, values.quiet)
  let report
  try {
    report = await analyze(wasm, input, { config, threshold, trainer, threads, onEpoch: progress.onEpoch })
  } finally {
    await threads?.close()
  }
  progress.finish()
  writeReport(values.out, report)
  process.stdout.write(`${summarise(report, values.out)}\n`)
}
