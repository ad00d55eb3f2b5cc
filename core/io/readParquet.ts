import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet'
import { checkParquetPages } from './checkParquetPages.js'
import { parquetCompressors } from './parquetCompressors.js'
import type { NamedColumns } from './columnTable.js'
import { checkShape, DEFAULT_READ_LIMITS, type ReadLimits } from './limits.js'
import { readError } from './readError.js'

/** Physical types read as numbers; a DECIMAL, a date or a string is not a feature. */
const NUMERIC = new Set(['BOOLEAN', 'INT32', 'INT64', 'FLOAT', 'DOUBLE'])
const NOT_NUMBERS = new Set(['DECIMAL', 'DATE', 'TIME_MILLIS', 'TIME_MICROS', 'TIMESTAMP_MILLIS', 'TIMESTAMP_MICROS', 'UTF8', 'JSON', 'BSON', 'INTERVAL'])

/**
 * The numeric columns of a Parquet file, read with hyparquet (snappy by hyparquet itself, the other codecs by hyparquet-compressors:
 * gzip, brotli, zstd, lz4). Top-level BOOLEAN, INT32, INT64, FLOAT and DOUBLE columns are numbers; nested, string,
 * decimal and time columns are skipped unless `required` names them, which is an error naming the column. A null is
 * an error naming its row and column, as an empty CSV cell is. The footer's row count and the pages' uncompressed
 * sizes are checked against `limits` before a page is decompressed (checkParquetPages), and the values are written
 * column by column into one buffer of rows × columns sized by the footer.
 *
 * @param required columns the caller will use (features and truth named by the user): each must be numeric
 * @throws {SymscopeError} too_large past `limits`; invalid_data naming the file and the problem: not Parquet, truncated or corrupt metadata or
 *   pages, a wanted column missing or not numeric, a null, NaN or infinite value (row and column)
 */
export async function readParquet(bytes: Uint8Array, file: string, required: readonly string[] = [], limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<NamedColumns> {
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
  const n = Number(metadata.num_rows)
  checkShape(file, n, names.length, limits)
  checkParquetPages(buffer, metadata, names, file, limits.maxBytes)
  const width = names.length
  const values = new Float64Array(n * width)
  const filled = new Array<number>(width).fill(0)
  let bad: { row: number; column: string; cell: unknown } | undefined
  const onChunk = ({ columnName, columnData, rowStart }: { columnName: string; columnData: ArrayLike<unknown>; rowStart: number }) => {
    const c = names.indexOf(columnName)
    if (c < 0 || rowStart + columnData.length > n) return
    for (let i = 0; i < columnData.length; i++) {
      const cell = columnData[i]
      const value = typeof cell === 'bigint' ? Number(cell) : typeof cell === 'boolean' ? Number(cell) : cell
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        if (!bad || rowStart + i < bad.row) bad = { row: rowStart + i, column: columnName, cell }
        continue
      }
      values[(rowStart + i) * width + c] = value
    }
    filled[c] += columnData.length
  }
  try {
    await parquetRead({ file: buffer, metadata, columns: names, compressors: parquetCompressors, onChunk })
  } catch (error) {
    throw readError(file, `corrupt or truncated data pages (${(error as Error).message})`)
  }
  if (bad) {
    const { row, column, cell } = bad
    throw readError(file, `row ${row + 1}, column '${column}': ${cell === null || cell === undefined ? 'null' : String(cell)} is not allowed`, { row: row + 1, column })
  }
  const short = filled.findIndex((count) => count !== n)
  if (short >= 0) throw readError(file, `column '${names[short]}' holds ${filled[short]} values, the footer says ${n} rows`)
  return { names, n, values }
}
