import { readCsv } from '../csv/readCsv.js'
import { tableFromColumns, type ColumnRoles, type ColumnTable, type NamedColumns } from './columnTable.js'
import { formatOf, isGzip, type InputFormat } from './formats.js'
import { inflate } from './inflate.js'
import { limitError, MAX_INPUT_BYTES, readLimits, type ReadLimits } from './limits.js'
import { readError } from './readError.js'
import { readHdf5 } from './readHdf5.js'
import { readLhe, type ReadLheOptions } from './readLhe.js'
import { readNpy, npyColumns } from './readNpy.js'
import { readNpz } from './readNpz.js'
import { readParquet } from './parquet.js'

/** How to read a file: its format (else guessed), the column roles, and each format's own choices. */
export interface ReadOptions extends ColumnRoles, ReadLheOptions {
  format?: InputFormat
  /** Names of an unnamed array's columns (.npy, .npz member, 2-D HDF5 dataset); default c0 … c(N−1). */
  columns?: readonly string[]
  /** The dataset inside a container: an HDF5 path (`/events`) or a .npz key. */
  dataset?: string
  /** LHE event weights: `uniform` (default) refuses events of different weights, `ignore` reads them unweighted. */
  weights?: 'uniform' | 'ignore'
  /** Most data rows (default MAX_INPUT_ROWS), and a sample of the first rows only (then the cell limit bounds the read). */
  maxRows?: number
  takeRows?: number
  /** The other read limits (inflated bytes, columns, cells); default DEFAULT_READ_LIMITS (core/io/limits.ts). */
  limits?: Partial<ReadLimits>
}

/** A file read as a column table, with what the format adds. */
export interface ReadResult {
  format: InputFormat
  table: ColumnTable
  /** Facts about the data the format carries (an LHE file's uniform weight), for the input's parameters. */
  notes: Record<string, number | string | boolean>
}

const LHE_WEIGHT_TOLERANCE = 1e-9

/** The relative spread of a set of weights (max − min over |max|); 0 when they are equal. */
function weightSpread(weights: Float64Array): { min: number; max: number; spread: number } {
  let min = Infinity
  let max = -Infinity
  for (const w of weights) (min = Math.min(min, w)), (max = Math.max(max, w))
  return { min, max, spread: max === 0 ? 0 : (max - min) / Math.abs(max) }
}

/** LHE columns: the particles' momenta, then the process id and scale as truth where they vary between events. */
function lheColumns(text: string, file: string, options: ReadOptions, notes: ReadResult['notes'], limits: ReadLimits): NamedColumns {
  const events = readLhe(text, file, options, limits)
  const { min, max, spread } = weightSpread(events.weights)
  if (options.weights !== 'ignore') {
    // The VAE's loss is an unweighted mean over events: weighted events would be trained as if unweighted.
    if (min <= 0 || spread > LHE_WEIGHT_TOLERANCE) {
      const first = events.weights.findIndex((w) => w !== events.weights[0])
      const which = min <= 0 ? `event ${events.weights.findIndex((w) => w <= 0) + 1} has weight ${min}` : `event ${first + 1} has weight ${events.weights[first]}, event 1 ${events.weights[0]}`
      throw readError(file, `${which}: the analysis trains on unweighted events; unweight them first, or read them as unweighted with --weights ignore`)
    }
    notes.eventWeight = max
  } else notes.weightsIgnored = true
  const extra: [string, Float64Array][] = []
  const varies = (values: Float64Array) => values.some((v) => v !== values[0])
  if (varies(events.processIds)) extra.push(['truth_processId', events.processIds])
  else notes.processId = events.processIds[0]
  if (varies(events.scales)) extra.push(['truth_scale', events.scales])
  else notes.scale = events.scales[0]
  if (extra.length === 0) return events
  const width = events.names.length + extra.length
  const values = new Float64Array(events.n * width)
  for (let r = 0; r < events.n; r++) {
    values.set(events.values.subarray(r * events.names.length, (r + 1) * events.names.length), r * width)
    extra.forEach(([, column], j) => (values[r * width + events.names.length + j] = column[r]))
  }
  return { names: [...events.names, ...extra.map(([name]) => name)], n: events.n, values }
}

/** The first `n` rows of a table. */
function firstRows(table: ColumnTable, n: number): ColumnTable {
  const nf = table.featureNames.length
  const nt = table.truthNames.length
  return { ...table, n, features: table.features.slice(0, n * nf), truth: table.truth.slice(0, n * nt) }
}

/**
 * Reads a file of any supported format into the column table the analysis takes (core/io/columnTable.ts): the
 * format from `options.format`, the name's ending or the first bytes; a .gz file is inflated first. Every reader
 * fails with one line naming the file and the place (line, event, row, column, dataset path). Every limit of
 * `options.limits` and `options.maxRows` is enforced while reading: inflation stops at `maxBytes`, declared shapes
 * are checked before anything is allocated for them, and rows go into buffers that never grow past the limits
 * (docs/inputs.md, "Limits").
 *
 * @throws {SymscopeError} too_large for a file above MAX_INPUT_BYTES (before anything is parsed) or past a read
 *   limit; invalid_csv or
 *   invalid_data for a file that is not what its format says
 */
export async function readColumnTable(data: Uint8Array | string, file: string, options: ReadOptions = {}): Promise<ReadResult> {
  const size = typeof data === 'string' ? data.length : data.byteLength
  if (size > MAX_INPUT_BYTES) throw limitError(file, `${size} bytes; the limit is ${MAX_INPUT_BYTES}`, MAX_INPUT_BYTES)
  // With takeRows only the first rows are kept: the row limit gives way to the cell limit, which bounds the read.
  const limits = readLimits({ ...options.limits, maxRows: options.takeRows !== undefined ? Number.MAX_SAFE_INTEGER : options.maxRows })
  let bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data
  if (isGzip(bytes)) bytes = await inflate(bytes, 'gzip', limits.maxBytes, file)
  const format = formatOf(file, bytes, options.format)
  const text = () => {
    // A text format is decoded whole: held to the inflated-bytes limit, which is below V8's longest string.
    if (bytes.byteLength > limits.maxBytes) throw limitError(file, `${bytes.byteLength.toLocaleString('en-US')} bytes of ${format.toUpperCase()} text; the limit is ${limits.maxBytes.toLocaleString('en-US')}`, limits.maxBytes)
    return typeof data === 'string' ? data : new TextDecoder().decode(bytes)
  }
  const notes: ReadResult['notes'] = {}
  const roles = { features: options.features, truth: options.truth }
  const unnamedOnly = (what: string) => {
    if (options.columns && format !== 'npy' && format !== 'npz' && format !== 'hdf5') throw readError(file, `--columns names the columns of unnamed arrays (.npy, .npz, HDF5); ${what} files name their own`)
  }
  unnamedOnly(format)
  if (options.particles && format !== 'lhe') throw readError(file, '--particles applies to LHE files')
  if (options.dataset && format !== 'hdf5' && format !== 'npz') throw readError(file, '--dataset applies to HDF5 and .npz files')
  let table: ColumnTable
  switch (format) {
    case 'csv':
      table = readCsv(text(), { ...roles, maxRows: limits.maxRows, maxColumns: limits.maxColumns, maxCells: limits.maxCells, takeRows: options.takeRows })
      break
    case 'npy':
      table = tableFromColumns(npyColumns(readNpy(bytes, file, limits), file, options.columns), roles)
      break
    case 'npz':
      table = tableFromColumns(await readNpz(bytes, file, { array: options.dataset, columns: options.columns, limits }), roles)
      break
    case 'parquet': {
      // parquet.ts loads hyparquet only for a Parquet file: its codecs are ~290 kB of the web worker's code otherwise.
      table = tableFromColumns(await readParquet(bytes, file, [...(options.features ?? []), ...(options.truth ?? [])], limits), roles)
      break
    }
    case 'lhe':
      table = tableFromColumns(lheColumns(text(), file, options, notes, limits), roles)
      break
    case 'hdf5':
      table = tableFromColumns(await readHdf5(bytes, file, { dataset: options.dataset, columns: options.columns, limits }), roles)
      break
  }
  if (format !== 'csv') {
    if (options.takeRows !== undefined && table.n > options.takeRows) table = firstRows(table, options.takeRows)
  }
  return { format, table, notes }
}
