import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet'
import { checkParquetPages } from './checkParquetPages.js'
import { parquetCompressors } from './parquetCompressors.js'
import type { NamedColumns } from './columnTable.js'
import { MAX_INPUT_COLUMNS } from './limits.js'
import { readError } from './readError.js'

/** Physical types read as numbers; a DECIMAL, a date or a string is not a feature. */
const NUMERIC = new Set(['BOOLEAN', 'INT32', 'INT64', 'FLOAT', 'DOUBLE'])
const NOT_NUMBERS = new Set(['DECIMAL', 'DATE', 'TIME_MILLIS', 'TIME_MICROS', 'TIMESTAMP_MILLIS', 'TIMESTAMP_MICROS', 'UTF8', 'JSON', 'BSON', 'INTERVAL'])

/**
 * The numeric columns of a Parquet file, read with hyparquet (snappy by hyparquet itself, the other codecs by hyparquet-compressors:
 * gzip, brotli, zstd, lz4). Top-level BOOLEAN, INT32, INT64, FLOAT and DOUBLE columns are numbers; nested, string,
 * decimal and time columns are skipped unless `required` names them, which is an error naming the column. A null is
 * an error naming its row and column, as an empty CSV cell is.
 *
 * @param required columns the caller will use (features and truth named by the user): each must be numeric
 * @throws {SymscopeError} invalid_data naming the file and the problem: not Parquet, truncated or corrupt metadata or
 *   pages, a wanted column missing or not numeric, a null, NaN or infinite value (row and column)
 */
export async function readParquet(bytes: Uint8Array, file: string, required: readonly string[] = []): Promise<NamedColumns> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  let metadata
  try {
    metadata = parquetMetadata(buffer)
  } catch (error) {
    throw readError(file, `not a readable Parquet file (${(error as Error).message})`)
  }
  const fields = parquetSchema(metadata).children
  const numeric = (name: string) => {
    const field = fields.find((f) => f.element.name === name)
    if (!field) return `is not in the file (columns: ${fields.map((f) => f.element.name).join(', ')})`
    const { type, converted_type: converted, num_children: children } = field.element
    if (children || !type || !NUMERIC.has(type) || (converted && NOT_NUMBERS.has(converted))) return `is not numeric (${converted ?? type ?? 'nested'})`
    return null
  }
  for (const name of required) {
    const problem = numeric(name)
    if (problem) throw readError(file, `column '${name}' ${problem}`)
  }
  const names = fields.map((f) => f.element.name).filter((name) => numeric(name) === null)
  if (names.length === 0) throw readError(file, 'no numeric column')
  if (names.length > MAX_INPUT_COLUMNS) throw readError(file, `${names.length} columns; the limit is ${MAX_INPUT_COLUMNS}`)
  checkParquetPages(buffer, metadata, names, file)
  let rows: unknown[][] = []
  try {
    await parquetRead({ file: buffer, metadata, columns: names, compressors: parquetCompressors, rowFormat: 'array', onComplete: (r: unknown[][]) => (rows = r) })
  } catch (error) {
    throw readError(file, `corrupt or truncated data pages (${(error as Error).message})`)
  }
  const n = rows.length
  const width = names.length
  const values = new Float64Array(n * width)
  for (let r = 0; r < n; r++) {
    const row = rows[r]
    for (let c = 0; c < width; c++) {
      const cell = row[c]
      const value = typeof cell === 'bigint' ? Number(cell) : typeof cell === 'boolean' ? Number(cell) : cell
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw readError(file, `row ${r + 1}, column '${names[c]}': ${cell === null || cell === undefined ? 'null' : String(value)} is not allowed`, { row: r + 1, column: names[c] })
      }
      values[r * width + c] = value
    }
  }
  return { names, n, values }
}
