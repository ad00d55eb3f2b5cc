import { SymscopeError } from '../errors.js'
import { pickColumns, type ColumnRoles, type ColumnTable } from '../io/columnTable.js'
import { MAX_CSV_COLUMNS } from './limits.js'

export interface ReadCsvOptions extends ColumnRoles {
  /** Most data rows accepted; more is an error naming the limit. */
  maxRows?: number
  /** Read only the first `takeRows` data rows (a sample of a large file); the rest is not parsed. */
  takeRows?: number
}

/** A numeric table read from CSV: the column table every reader returns (core/io/columnTable.ts). */
export type CsvTable = ColumnTable

const fail = (message: string, details: Record<string, unknown> = {}) => new SymscopeError('invalid_csv', message, details)

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
  if (!Number.isFinite(value)) throw fail(`${where}: infinite values are not allowed`, { line: lineNumber, column: column + 1 })
  return value
}

/**
 * Reads a numeric CSV with a header row. Columns named `truth_*` are truth observables, the rest features, unless
 * `options` names them. Every error is a SymscopeError('invalid_csv') naming the line (1-based, the header is line 1)
 * and column of the bad value: not a number, NaN, infinite, empty, or a row with the wrong number of fields.
 * Blank lines are skipped. Runs in O(cells).
 */
export function readCsv(text: string, options: ReadCsvOptions = {}): CsvTable {
  const lines = text.split(/\r?\n/)
  const headerLine = lines.findIndex((line) => line.trim() !== '')
  if (headerLine < 0) throw fail('the CSV is empty: expected a header row and at least one data row')
  const header = splitLine(lines[headerLine].replace(/^\uFEFF/, ''), headerLine + 1).map((name) => name.trim())
  if (header.length > MAX_CSV_COLUMNS) throw fail(`the header has ${header.length} columns; the limit is ${MAX_CSV_COLUMNS}`)
  header.forEach((name, i) => {
    if (name === '') throw fail(`line ${headerLine + 1}, column ${i + 1}: empty column name in the header`)
    if (header.indexOf(name) !== i) throw fail(`line ${headerLine + 1}: column name '${name}' appears twice in the header`)
  })
  const { features, truth } = pickColumns(header, options, 'invalid_csv')
  const maxRows = options.maxRows ?? Infinity
  const takeRows = options.takeRows ?? Infinity
  const featureValues: number[] = []
  const truthValues: number[] = []
  let n = 0
  for (let l = headerLine + 1; l < lines.length; l++) {
    const line = lines[l]
    if (line.trim() === '') continue
    if (n >= takeRows) break
    const lineNumber = l + 1
    const fields = splitLine(line, lineNumber)
    if (fields.length !== header.length) {
      throw fail(`line ${lineNumber}: ${fields.length} fields, but the header has ${header.length}`, { line: lineNumber })
    }
    if (++n > maxRows) throw fail(`more than ${maxRows} data rows: the limit is ${maxRows}`, { limit: maxRows })
    for (const i of features) featureValues.push(parseCell(fields[i], lineNumber, i, header[i]))
    for (const i of truth) truthValues.push(parseCell(fields[i], lineNumber, i, header[i]))
  }
  if (n === 0) throw fail('the CSV has a header but no data rows')
  return {
    featureNames: features.map((i) => header[i]),
    truthNames: truth.map((i) => header[i]),
    n,
    features: Float64Array.from(featureValues),
    truth: Float64Array.from(truthValues),
  }
}
