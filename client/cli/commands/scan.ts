import { existsSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { formatReportNumber, reportSchema, scanMarkdown, type Report } from '../../../core/report/index.js'
import { parseBetaGrid, planScan, scanFromReports, scanIndex } from '../../../core/scan/index.js'
import type { VaeConfig } from '../../../core/vae/index.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { scanFigures } from '../../plots/scanFigures.js'
import { DATA_OPTIONS, dataSettings, list, MODEL_OPTIONS, modelSettings, optional } from '../analysisOptions.js'
import { CliError } from '../exitCodes.js'
import { loadInput } from '../loadInput.js'
import { checkOutputFolder, writeOutputFolder } from '../outputFolder.js'
import { GENERATOR_OPTIONS, onePositional, parseInteger, parseSets } from '../parseValues.js'
import { createProgressBar } from '../progressBar.js'
import { MAX_JOBS, runPool } from '../scanPool.js'
import { parseTrainer } from '../trainer.js'
import { scanHelp } from '../usage.js'
import { writeReport } from '../writeReport.js'
import { parseCommandLine } from '../parseCommandLine.js'

/** The point cache's folder inside --out when --cache is not given. */
const POINTS = 'points'

/** A cached point's report, or null when the cache has none (or one that does not parse, which is then retrained). */
function cachedReport(dir: string, id: string): Report | null {
  const path = join(dir, id, 'report.json')
  if (!existsSync(path)) return null
  try {
    const report = reportSchema.parse(JSON.parse(readFileSync(path, 'utf8')))
    return report.id === id ? report : null
  } catch {
    return null
  }
}

export async function scanCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandLine('scan', argv, {
    ...GENERATOR_OPTIONS,
    ...DATA_OPTIONS,
    ...MODEL_OPTIONS,
    beta: { type: 'string' },
    seeds: { type: 'string', default: '1' },
    latent: { type: 'string' },
    jobs: { type: 'string' },
    cache: { type: 'string' },
    out: { type: 'string', default: 'symscope-scan' },
    force: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  })
  if (values.help) return void process.stdout.write(scanHelp())
  const source = onePositional('scan', positionals, 'one file or dataset', 'scan needs a CSV file or a dataset name, e.g. symscope scan circle --beta 0.01:3:12 (symscope help scan)')
  if (values.beta === undefined) throw new CliError('scan needs a β grid: --beta from:to:n (log-spaced, e.g. 0.01:3:12) or --beta 0.1,0.2,0.5')
  const trainer = parseTrainer(values.backend)
  if (values.out === '') throw new CliError('--out needs a directory name')
  // The default cache lives in the folder: an unfinished scan's points are this scan's own, reused, not another run's.
  const ownCache = values.cache === undefined ? [POINTS] : []
  checkOutputFolder(values.out, values.force, ownCache)
  const jobs = values.jobs === undefined ? availableParallelism() : parseInteger('jobs', values.jobs)
  if (!(jobs >= 1 && jobs <= MAX_JOBS)) throw new CliError(`--jobs must be from 1 to ${MAX_JOBS}; got ${jobs}`)
  const seed = parseInteger('seed', values.seed)
  const seedCount = parseInteger('seeds', values.seeds)
  if (!(seedCount >= 1)) throw new CliError(`--seeds must be at least 1; got ${seedCount}`)
  const shared: Partial<VaeConfig> = modelSettings(values)
  const threshold = optional('threshold', values.threshold, false)
  // The grid: β from its text, seeds S, S + 1, … (S = --seed, which also seeds the generated data), latent sizes.
  const grid = {
    beta: parseBetaGrid(values.beta),
    seeds: Array.from({ length: Math.min(seedCount, 10_000) }, (_, i) => seed + i),
    latent: (list(values.latent) ?? []).map((text) => parseInteger('latent', text)),
  }

  const wasm = await loadWasm()
  const input = await loadInput(wasm, source, {
    n: parseInteger('n', values.n),
    seed,
    params: parseSets(values.set),
    ...dataSettings(values),
  })
  // Every point checked and its report id known before anything trains.
  const plan = await planScan(wasm, input, { grid, config: shared, threshold, trainer })
  const cache = values.cache ?? join(values.out, POINTS)
  const reports: (Report | null)[] = plan.points.map((p) => cachedReport(cache, p.prepared.id))
  const missing = plan.points.map((p, i) => ({ p, i })).filter(({ i }) => reports[i] === null)

  const epochs = plan.config.epochs
  const bar = values.quiet ? null : createProgressBar({ label: `scan of ${input.name}: ${missing.length} of ${plan.points.length} points to train`, total: missing.length * epochs, unit: 'epochs' })
  const progress = new Array(missing.length).fill(0)
  let done = 0
  const trained = await runPool(
    input,
    missing.map(({ p }) => ({ config: { ...shared, beta: p.beta, seed: p.seed, latent: p.latent }, threshold })),
    {
      jobs,
      trainer,
      onEpoch: (task, epoch) => {
        progress[task] = epoch
        bar?.update(progress.reduce((a, b) => a + b, 0), `${done}/${missing.length} points done`)
      },
      onDone: (task, report) => {
        // Written as each point finishes: a scan stopped half-way keeps what it trained.
        writeReport(join(cache, (report as Report).id), report as Report)
        progress[task] = epochs
        done++
        bar?.update(progress.reduce((a, b) => a + b, 0), `${done}/${missing.length} points done`)
      },
    },
  )
  if (missing.length) bar?.finish()
  missing.forEach(({ i }, t) => (reports[i] = reportSchema.parse(trained[t])))

  const scan = scanFromReports(scanIndex(plan), reports as Report[])
  const figures = scanFigures(scan)
  // All or nothing: a partial folder renamed into place, the point cache carried over from the old folder.
  writeOutputFolder(
    values.out,
    [
      { name: 'scan.json', data: `${JSON.stringify(scan, null, 2)}\n` },
      { name: 'scan.md', data: scanMarkdown(scan, { figures }) },
      ...figures.map((f) => ({ name: f.name, data: f.svg })),
    ],
    { keep: ownCache, what: 'the scan' },
  )
  const s = scan.series[0]
  const collapse = s.collapse.map((c) => `rank ${c.rank} ${c.beta === null ? '—' : `β ${formatReportNumber(c.beta)}`}`).join(', ')
  process.stdout.write(
    [
      `${plan.points.length} points: ${missing.length} trained, ${plan.points.length - missing.length} from the cache (${cache})`,
      `collapse (latent size ${s.latent}): ${collapse}`,
      `wrote ${values.out}/scan.json, scan.md and ${figures.length} figures`,
    ].join('\n') + '\n',
  )
}
