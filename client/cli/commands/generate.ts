import { csvHeader, csvRows, formatOfName, generateChunks, npyHeader, npyRows, parquetOf, resolveRequest } from '../../../core/index.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { CliError } from '../exitCodes.js'
import { openOutput } from '../output.js'
import { GENERATOR_OPTIONS, onePositional, parseInteger, parseSets } from '../parseValues.js'
import { createProgressBar } from '../progressBar.js'
import { generateHelp } from '../usage.js'
import { parseCommandLine } from '../parseCommandLine.js'

/** What generate writes: CSV (default), NumPy .npy (float64, features then truth), Parquet (DOUBLE columns). */
const OUTPUT_FORMATS = ['csv', 'npy', 'parquet'] as const

/** Progress is drawn only for runs long enough to watch. */
const PROGRESS_MIN_EVENTS = 200_000

export async function generateCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandLine('generate', argv, {
    ...GENERATOR_OPTIONS,
    out: { type: 'string' },
    format: { type: 'string' },
    'no-truth': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  })
  if (values.help) {
    process.stdout.write(generateHelp())
    return
  }
  const dataset = onePositional('generate', positionals, 'one dataset name', 'generate needs a dataset name, e.g. symscope generate circle (symscope help generate lists them)')
  if (values.out === '') throw new CliError('--out needs a file name')
  const request = {
    dataset,
    n: parseInteger('n', values.n),
    seed: parseInteger('seed', values.seed),
    params: parseSets(values.set),
  }
  const { spec, n } = resolveRequest(request) // every bad value is reported before any output is opened
  const named = values.format ?? (values.out === undefined ? 'csv' : formatOfName(values.out) ?? 'csv')
  if (!(OUTPUT_FORMATS as readonly string[]).includes(named)) throw new CliError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}; got '${named}'`)
  const format = named as (typeof OUTPUT_FORMATS)[number]
  const withTruth = !values['no-truth']
  const nf = spec.features.length
  const nt = withTruth ? spec.truth.length : 0
  const wasm = await loadWasm()
  const output = openOutput(values.out)
  const progress =
    values.quiet || n < PROGRESS_MIN_EVENTS ? undefined : createProgressBar({ label: `generating ${spec.name}`, total: n, unit: 'events' })
  try {
    const names = [...spec.features, ...(withTruth ? spec.truth : [])]
    // Parquet is assembled in memory (its footer describes every column chunk); CSV and .npy stream by chunks.
    const parquetValues = format === 'parquet' ? new Float64Array(n * names.length) : undefined
    if (format === 'csv') await output.write(csvHeader(spec.features, withTruth ? spec.truth : []))
    if (format === 'npy') await output.write(npyHeader(n, names.length))
    for (const chunk of generateChunks(wasm, request)) {
      // Rows are written a chunk at a time: memory stays bounded whatever n is.
      const truth = withTruth ? chunk.truth : []
      if (format === 'csv') await output.write(csvRows(chunk.features, truth, chunk.n, nf, nt))
      else {
        const rows = npyRows(chunk.features, truth, chunk.n, nf, nt)
        if (parquetValues) parquetValues.set(new Float64Array(rows.buffer), chunk.first * names.length)
        else await output.write(rows)
      }
      progress?.update(chunk.first + chunk.n)
    }
    if (parquetValues) await output.write(await parquetOf(names, parquetValues, n))
    await output.close()
    progress?.finish()
  } catch (error) {
    output.abort()
    throw error
  }
}
