import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { analyze, inputFromEvents, type AnalysisInput } from '../../../core/analysis/index.js'
import { generateEvents } from '../../../core/index.js'
import type { Report } from '../../../core/report/schema.js'
import { PAPER_SUITE, type Experiment } from '../../../core/reproduce/suite.js'
import { cmsDimuonInput } from '../../../core/transforms/cmsDimuon.js'
import type { SymscopeWasm } from '../../../core/wasm/module.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { parseTrainer, startThreads, startTrainer } from '../trainer.js'
import { CliError, EXIT } from '../exitCodes.js'
import { parseInteger } from '../parseValues.js'
import { trainingProgress } from '../trainingProgress.js'
import { reproduceHelp } from '../usage.js'
import { writeReport } from '../writeReport.js'

/** The CMS file shipped with the package (data/cms/, CC BY 4.0): dist/client/cli/commands → the package root. */
const DEFAULT_CMS = fileURLToPath(new URL('../../../../data/cms/Zmumu_Run2011A.csv', import.meta.url))

interface Row {
  experiment: Experiment
  report: Report | null
  skipped?: string
  seconds: number
}

function inputOf(wasm: SymscopeWasm, experiment: Experiment, quick: boolean, seed: number, cmsPath: string): AnalysisInput {
  const n = quick ? experiment.events.quick : experiment.events.full
  if ('cms' in experiment.data) {
    return cmsDimuonInput(wasm, readFileSync(cmsPath, 'utf8'), 'Zmumu_Run2011A.csv', { takeRows: n })
  }
  return inputFromEvents(generateEvents(wasm, { dataset: experiment.data.dataset, n, seed, params: experiment.data.params }))
}

const fmt = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? '—' : v.toFixed(digits))

/** The summary table: one row per experiment, the numbers a reader compares with the paper. */
export function summaryMarkdown(rows: Row[], quick: boolean): string {
  const lines = [
    `# symscope reproduce${quick ? ' --quick' : ''}`,
    '',
    'The experiments of V. Sanz, "Learning symmetries in datasets" (arXiv:2504.05174), with symscope\'s documented',
    'settings. Intrinsic dimension: TwoNN of the standardised data and of the relevant-latent means. "Determined" is',
    'the R² of k-nearest-neighbour regression of each truth observable on the relevant latents together.',
    '',
    '| experiment | features (constant) | relevant latents | ID data | ID latents | expected | determined by the relevant latents | verdict |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ]
  for (const { experiment, report, skipped } of rows) {
    if (!report) {
      lines.push(`| [${experiment.title}](${experiment.id}/report.md) | — | — | — | — | ${experiment.expectation} | — | skipped: ${skipped} |`)
      continue
    }
    const determined = report.relevantSetCorrelations.map((c) => `${c.truth.replace(/^truth_/, '')} ${c.determination.toFixed(2)}`).join(', ')
    lines.push(
      `| [${experiment.title}](${experiment.id}/report.md) | ${report.dataset.features.length} (${report.dataset.constantFeatures.length}) | ` +
        `${report.relevantCount} of ${report.config.latent} | ${fmt(report.intrinsicDimension.data)} | ${fmt(report.intrinsicDimension.latent)} | ` +
        `${experiment.expectation} | ${determined || '—'} | ${report.verdict} |`,
    )
  }
  lines.push('', `Seconds per experiment: ${rows.map((r) => `${r.experiment.id} ${r.seconds.toFixed(1)}`).join(', ')}.`, '')
  return lines.join('\n')
}

export async function reproduceCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'symscope-reproduce' },
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      cms: { type: 'string', default: DEFAULT_CMS },
      seed: { type: 'string', default: '1' },
      backend: { type: 'string', default: 'fused' },
      threads: { type: 'string', default: '1' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) return void process.stdout.write(reproduceHelp())
  if (positionals.length) throw new CliError(`reproduce takes no arguments; got ${positionals.join(' ')}`)
  const trainer = parseTrainer(values.backend)
  const ids = PAPER_SUITE.map((e) => e.id)
  const only = values.only?.split(',').map((s) => s.trim())
  for (const id of only ?? []) if (!ids.includes(id)) throw new CliError(`--only: unknown experiment '${id}' (experiments: ${ids.join(', ')})`)
  const seed = parseInteger('seed', values.seed)
  const suite = PAPER_SUITE.filter((e) => !only || only.includes(e.id))
  const wasm = await loadWasm()
  await startTrainer(trainer)
  // The CMS file ships with the package, so a missing one is a wrong --cms, said before anything trains.
  if (suite.some((e) => 'cms' in e.data) && !existsSync(values.cms)) {
    throw new CliError(`--cms: no CMS file at ${values.cms}`, EXIT.io)
  }
  const rows: Row[] = []
  const threads = await startThreads(values.threads, trainer)
  try {
    for (const [i, experiment] of suite.entries()) {
      const started = performance.now()
      // Training stops on convergence (core/vae/convergence.ts) within the default sample budget; the experiment's
      // epochs no longer cap it (a cap that low would leave the quick runs undetermined).
      const epochs = values.quick ? experiment.epochs.quick : experiment.epochs.full
      const input = inputOf(wasm, experiment, values.quick, seed, values.cms)
      const progress = trainingProgress(`[${i + 1}/${suite.length}] ${experiment.id}`, epochs, values.quiet)
      const config = { ...experiment.config, seed }
      const report = await analyze(wasm, input, { config, trainer, threads, onEpoch: progress.onEpoch })
      progress.finish()
      writeReport(join(values.out, experiment.id), report)
      rows.push({ experiment, report, seconds: (performance.now() - started) / 1000 })
      if (!values.quiet) process.stderr.write(`${experiment.id}: ${report.verdict}\n`)
    }
  } finally {
    await threads?.close()
  }
  try {
    mkdirSync(values.out, { recursive: true })
    const summary = summaryMarkdown(rows, values.quick)
    writeFileSync(join(values.out, 'summary.md'), summary)
    const json = rows.map(({ experiment, report, skipped, seconds }) => ({ id: experiment.id, title: experiment.title, skipped, seconds, report: report?.id ?? null, verdict: report?.verdict ?? null, relevantCount: report?.relevantCount ?? null, intrinsicDimension: report ? { data: report.intrinsicDimension.data, latent: report.intrinsicDimension.latent } : null }))
    writeFileSync(join(values.out, 'summary.json'), `${JSON.stringify(json, null, 2)}\n`)
    process.stdout.write(`${summary}\nwrote ${values.out}/summary.md and one folder per experiment\n`)
  } catch (error) {
    throw new CliError(`cannot write to '${values.out}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, EXIT.io)
  }
}
