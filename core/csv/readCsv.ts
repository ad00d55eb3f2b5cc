import { SymscopeError } from '../errors.js'
import { pickColumns, type ColumnRoles, type ColumnTable } from '../io/columnTable.js'
import { MAX_CSV_COLUMNS } from './limits.js'

export interface ReadCsvOptions extends ColumnRoles {
  /** Most data rows accepted; more is an error naming the limit. */
  maxRows?: number
  /** Most values (data rows × header columns) accepted: the buffers never grow past it. */
  maxCells?: number
  /** Most columns of the header (default and at most MAX_CSV_COLUMNS). */
  maxColumns?: number
  /** Read only the first `takeRows` data rows (a sample of a large file); the rest is not parsed. */
  takeRows?: number
}

/** A numeric table read from CSV: the column table every reader returns (core/io/columnTable.ts). */
export type CsvTable = ColumnTable

const fail = (message: string, details: Record<string, unknown> = {}) => new SymscopeError('invalid_csv', message, details)
const tooLarge = (message: string, limit: number) => new SymscopeError('too_large', message, { limit })

/** The lines of a text one at a time, with their 1-based numbers; no array of every line is built. */
function* linesOf(text: string): Generator<[string, number]> {
  let start = 0
  let number = 1
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    const line = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end)
    yield [line, number++]
    start = end + 1
  }
}

/** A growing f64 buffer that doubles up to `cap` values and never past it. */
class ValueBuffer {
  values = new Float64Array(0)
  length = 0
  constructor(private readonly cap: number) {}
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(Math.min(this.cap, Math.max(1024, this.values.length * 2)))
      grown.set(this.values)
      this.values = grown
    }
    this.values[this.length++] = value
  }
  take(): Float64Array {
    return this.values.length === this.length ? this.values : this.values.slice(0, this.length)
  }
}

/** Splits one CSV line into fields; double-quoted fields may contain commas, `""` is a quote. */
function splitLine(line: string, lineNumber: number): string[] {
  if (!line.includes('"')) return line.split(',')
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (field += '"'), i++
      else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') fields.push(field), (field = '')
    else field += ch
  }
  if (quoted) throw fail(`line ${lineNumber}: unterminated quoted field`, { line: lineNumber })
  fields.push(field)
  return fields
}

/** Parses one numeric cell; NaN, infinities and anything non-numeric are errors naming line and column. */
function parseCell(text: string, lineNumber: number, column: number, name: string): number {
  const where = `line ${lineNumber}, column ${column + 1} ('${name}')`
  const trimmed = text.trim()
  if (trimmed === '') throw fail(`${where}: empty value`, { line: lineNumber, column: column + 1 })
  const value = Number(trimmed)
  if (Number.isNaN(value)) {
    const what = /^[+-]?nan$/i.test(trimmed) ? 'NaN is not allowed' : `'${trimmed.slice(0, 40)}' is not a number`
    throw fail(`${where}: ${what}`, { line: lineNumber, column: column + 1 })
  }
  if (!Number.isFinite(value)) {
    const what = /^[+-]?inf(inity)?$/i.test(trimmed) ? 'infinite values are not allowed' : `'${trimmed.slice(0, 40)}' is beyond the largest double (±1.8e308): infinite values are not allowed`
    throw fail(`${where}: ${what}`, { line: lineNumber, column: column + 1 })
  }
  return value
}

/**
 * Reads a numeric CSV with a header row. Columns named `truth_*` are truth observables, the rest features, unless
 * `options` names them. Every error is a SymscopeError('invalid_csv') naming the line (1-based, the header is line 1)
 * and column of the bad value: not a number, NaN, infinite, empty, or a row with the wrong number of fields.
 * Blank lines are skipped. Runs in O(cells); reads the text line by line into buffers that never grow past
 * `maxRows` × columns or `maxCells` values, so an oversized table is refused holding at most that much.
 *
 * @throws {SymscopeError} invalid_csv for malformed text; too_large past `maxRows` or `maxCells`
 */
export function readCsv(text: string, options: ReadCsvOptions = {}): CsvTable {
  const lines = linesOf(text)
  let next = lines.next()
  while (!next.done && next.value[0].trim() === '') next = lines.next()
  if (next.done) throw fail('the CSV is empty: expected a header row and at least one data row')
  const [headerText, headerLine] = next.value
  const header = splitLine(headerText.replace(/^\uFEFF/, ''), headerLine).map((name) => name.trim())
  const maxColumns = Math.min(options.maxColumns ?? MAX_CSV_COLUMNS, MAX_CSV_COLUMNS)
  if (header.length > maxColumns) throw tooLarge(`the header has ${header.length} columns; the limit is ${maxColumns}`, maxColumns)
  header.forEach((name, i) => {
    if (name === '') throw fail(`line ${headerLine}, column ${i + 1}: empty column name in the header`)
    if (header.indexOf(name) !== i) throw fail(`line ${headerLine}: column name '${name}' appears twice in the header`)
  })
  const { features, truth } = pickColumns(header, options, 'invalid_csv')
  const maxRows = options.maxRows ?? Infinity
  const maxCells = options.maxCells ?? Infinity
  const takeRows = options.takeRows ?? Infinity
  const rowCap = Math.min(maxRows, takeRows, Math.floor(maxCells / header.length))
  const featureValues = new ValueBuffer(Math.min(rowCap, 2 ** 30) * features.length)
  const truthValues = new ValueBuffer(Math.min(rowCap, 2 ** 30) * truth.length)
  let n = 0
  for (const [line, lineNumber] of lines) {
    if (line.trim() === '') continue
    if (n >= takeRows) break
    const fields = splitLine(line, lineNumber)
    if (fields.length !== header.length) {
      throw fail(`line ${lineNumber}: ${fields.length} fields, but the header has ${header.length}`, { line: lineNumber })
    }
    if (++n > maxRows) throw tooLarge(`more than ${maxRows} data rows: the limit is ${maxRows}`, maxRows)
    if (n * header.length > maxCells) {
      throw tooLarge(`more than ${n - 1} data rows of ${header.length} columns: the limit is ${maxCells} values (rows × columns)`, maxCells)
    }
    for (const i of features) featureValues.push(parseCell(fields[i], lineNumber, i, header[i]))
    for (const i of truth) truthValues.push(parseCell(fields[i], lineNumber, i, header[i]))
  }
  if (n === 0) throw fail('the CSV has a header but no data rows')
  return {
    featureNames: features.map((i) => header[i]),
    truthNames: truth.map((i) => header[i]),
    n,
    features: featureValues.take(),
    truth: truthValues.take(),
  }
}
