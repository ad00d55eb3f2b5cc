import { MAX_CSV_COLUMNS } from '../csv/limits.js'
import { SymscopeError } from '../errors.js'

/**
 * Largest input file any reader accepts, bytes: refused by its size before a byte is read. An analysis takes at most
 * a million events (MAX_ANALYSIS_EVENTS), which in any of the formats is far below this.
 */
export const MAX_INPUT_BYTES = 1024 * 1024 * 1024

/** Most columns a file may have, whatever its format (the CSV reader's MAX_CSV_COLUMNS). */
export const MAX_INPUT_COLUMNS = MAX_CSV_COLUMNS

/**
 * Most bytes a file may inflate to (a .gz file, a deflated .npz member, a Parquet file's pages together): inflation
 * stops at this many bytes, so a small bomb costs at most this much memory. Also under V8's longest string
 * (2²⁹ − 24 characters), which a CSV or LHE text must fit in.
 */
export const MAX_INFLATED_BYTES = 500 * 1024 * 1024

/** Most rows (events) a file may have: an analysis takes at most a million events (core/analysis/limits.ts). */
export const MAX_INPUT_ROWS = 1_000_000

/** Most cells (rows × columns) a file may have: 256 MiB of float64 values, the table every reader returns. */
export const MAX_INPUT_CELLS = 32 * 1024 * 1024

/**
 * The limits a read is held to, each checked against what a file declares (a .npy shape, an HDF5 dataspace, a
 * Parquet footer's row count, a ZIP member's size, an LHE event's particle count) before memory is allocated for it,
 * and against what is actually read while reading. The CLI reads with DEFAULT_READ_LIMITS, the API with its own
 * (worker/limits.ts).
 */
export interface ReadLimits {
  /** Bytes once inflated (MAX_INFLATED_BYTES). */
  maxBytes: number
  /** Rows, i.e. events (MAX_INPUT_ROWS). */
  maxRows: number
  /** Columns of the whole file, before features and truth are picked (MAX_INPUT_COLUMNS). */
  maxColumns: number
  /** Rows × columns (MAX_INPUT_CELLS). */
  maxCells: number
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxBytes: MAX_INFLATED_BYTES,
  maxRows: MAX_INPUT_ROWS,
  maxColumns: MAX_INPUT_COLUMNS,
  maxCells: MAX_INPUT_CELLS,
}

/** The limits in force: the defaults with `given` laid over them. */
export const readLimits = (given: Partial<ReadLimits> = {}): ReadLimits => ({ ...DEFAULT_READ_LIMITS, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) })

/** A file past a read limit: `too_large` (API 413, CLI exit 3), naming the file, what it holds and the limit. */
export const limitError = (file: string, message: string, limit: number) => new SymscopeError('too_large', `${file}: ${message}`, { limit })

const count = (value: number) => value.toLocaleString('en-US')

/**
 * Checks a declared shape (rows × columns) against the limits before anything is allocated for it.
 *
 * @throws {SymscopeError} too_large naming the file, the declared shape and the limit it passes
 */
export function checkShape(file: string, rows: number, columns: number, limits: ReadLimits, what = ''): void {
  const where = what ? `${what}: ` : ''
  if (columns > limits.maxColumns) throw limitError(file, `${where}${count(columns)} columns; the limit is ${count(limits.maxColumns)}`, limits.maxColumns)
  if (rows > limits.maxRows) throw limitError(file, `${where}${count(rows)} rows; the limit is ${count(limits.maxRows)}`, limits.maxRows)
  if (rows * columns > limits.maxCells) {
    throw limitError(file, `${where}${count(rows)} rows × ${count(columns)} columns = ${count(rows * columns)} values; the limit is ${count(limits.maxCells)}`, limits.maxCells)
  }
}
