import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { analyze, cmsDimuonInput, inputFromEvents, type AnalysisInput } from '../../../core/analysis/index.js'
import { compareWithExpectation, generateEvents, PAPER_SUITE, type Comparison, type Experiment, type SymscopeWasm } from '../../../core/index.js'
import type { Report } from '../../../core/report/index.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { parseTrainer, startThreads, startTrainer } from '../trainer.js'
import { CliError, EXIT } from '../exitCodes.js'
import { parseInteger } from '../parseValues.js'
import { trainingProgress } from '../trainingProgress.js'
import { reproduceHelp } from '../usage.js'
import { checkOutputFolder, writeOutputFolder } from '../outputFolder.js'
import { reportFiles } from '../writeReport.js'
import { parseCommandLine } from '../parseCommandLine.js'

/** The CMS file shipped with the package (data/cms/, CC BY 4.0): dist/client/cli/commands → the package root. */
const DEFAULT_CMS = fileURLToPath(new URL('../../../../data/cms/Zmumu_Run2011A.csv', import.meta.url))

interface Row {
  experiment: Experiment
  report: Report | null
  comparison?: Comparison
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


/** The summary table: one line per experiment, what it expects, what it found, whether they agree and why. */
export function summaryMarkdown(rows: Row[], quick: boolean): string {
  const lines = [
    `# symscope reproduce${quick ? ' --quick' : ''}`,
    '',
    'The experiments of V. Sanz, "Learning symmetries in datasets" (arXiv:2504.05174), with symscope\'s documented',
    'settings. "Found" is the VAE\'s count, the paper\'s measure: the rounded TwoNN dimension of the relevant-latent means,',
    'with its interval; "undetermined" means the interval includes the expected count. Each report (linked) holds the',
    'verdict, which opens with the data\'s free coordinates by scale, and every statistic.',
    '',
    '| experiment | expected | found | agrees | why |',
    '| --- | --- | --- | --- | --- |',
  ]
  for (const { experiment, report, skipped, comparison } of rows) {
    const title = `[${experiment.title}](${experiment.id}/report.md)`
    if (!report || !comparison) {
      lines.push(`| ${title} | ${experiment.expectation} | — | — | skipped: ${skipped} |`)
      continue
    }
    const cell = (text: string) => text.replaceAll('|', '\\|')
    lines.push(`| ${title} | ${cell(comparison.expected)} | ${cell(comparison.found)} | ${comparison.agrees} | ${cell(comparison.why)} |`)
  }
  lines.push('', `Seconds per experiment: ${rows.map((r) => `${r.experiment.id} ${r.seconds.toFixed(1)}`).join(', ')}.`, '')
  return lines.join('\n')
}

export async function reproduceCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandLine('reproduce', argv, {
    out: { type: 'string', default: 'symscope-reproduce' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    cms: { type: 'string', default: DEFAULT_CMS },
    seed: { type: 'string', default: '1' },
    backend: { type: 'string', default: 'fused' },
    threads: { type: 'string', default: '1' },
    force: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  })
  if (values.help) return void process.stdout.write(reproduceHelp())
  if (positionals.length) throw new CliError(`reproduce takes no arguments; got ${positionals.join(' ')}`)
  if (values.out === '') throw new CliError('--out needs a directory name')
  // Never two runs in one folder (issue 19.3): a second `--only` run beside a full one would leave stale reports
  // that the new summary does not list. Refused before anything trains; the folder is written whole at the end.
  checkOutputFolder(values.out, values.force)
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
      const comparison = compareWithExpectation(experiment, report, { quick: values.quick, events: input.n, epochs })
      rows.push({ experiment, report, comparison, seconds: (performance.now() - started) / 1000 })
      if (!values.quiet) process.stderr.write(`${experiment.id}: ${report.verdict}\n`)
    }
  } finally {
    await threads?.close()
  }
  const summary = summaryMarkdown(rows, values.quick)
  const json = rows.map(({ experiment, report, skipped, seconds, comparison }) => ({ id: experiment.id, title: experiment.title, skipped, seconds, comparison: comparison ?? null, report: report?.id ?? null, verdict: report?.verdict ?? null, relevantCount: report?.relevantCount ?? null, intrinsicDimension: report ? { data: report.intrinsicDimension.data, latent: report.intrinsicDimension.latent } : null }))
  writeOutputFolder(
    values.out,
    [
      { name: 'summary.md', data: summary },
      { name: 'summary.json', data: `${JSON.stringify(json, null, 2)}\n` },
      ...rows.flatMap(({ experiment, report }) => (report ? reportFiles(report, experiment.id) : [])),
    ],
    { what: 'the reproduction' },
  )
  process.stdout.write(`${summary}\nwrote ${values.out}/summary.md and one folder per experiment\n`)
}
