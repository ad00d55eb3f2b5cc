// Columns that number the events rather than measure them (run and event numbers, row indices): fed to the VAE they
// are "features" with as many values as events, and the analysis reports meaningless extra latents. Every front end
// reads files through inputFromSource, which leaves them out and says so in the report (issue 19, item 6).
import type { ColumnTable } from '../io/columnTable.js'

/** Fraction of consecutive rows in order (non-decreasing or non-increasing) above which a column is a row counter. */
export const IN_ORDER_FRACTION = 0.99

/** Fewest rows on which "every value distinct" or "in order" means something (a handful of rows is by chance). */
const MIN_ROWS = 20

export interface IdentifierColumn {
  name: string
  /** Why it is taken for an identifier. */
  why: 'every value distinct' | 'in row order'
}

/**
 * The feature columns of `table` that look like identifiers: integer-valued with more than one value, and either
 * distinct on every row (event numbers) or in row order on at least IN_ORDER_FRACTION of consecutive rows (run
 * numbers, indices: sorted files keep them in order; a measured quantity is in order on about half of the pairs).
 * A small table (under 20 rows) has none.
 */
export function identifierColumns(table: Pick<ColumnTable, 'n' | 'featureNames' | 'features'>): IdentifierColumn[] {
  const { n, featureNames, features } = table
  const cols = featureNames.length
  if (n < MIN_ROWS) return []
  const found: IdentifierColumn[] = []
  for (let c = 0; c < cols; c++) {
    let integer = true
    let up = 0
    let down = 0
    for (let i = 0; i < n && integer; i++) {
      const value = features[i * cols + c]
      if (!Number.isInteger(value)) integer = false
      if (i > 0) {
        const previous = features[(i - 1) * cols + c]
        if (value >= previous) up++
        if (value <= previous) down++
      }
    }
    if (!integer) continue
    const values = new Set<number>()
    for (let i = 0; i < n; i++) values.add(features[i * cols + c])
    if (values.size < 2) continue
    if (values.size === n) found.push({ name: featureNames[c], why: 'every value distinct' })
    else if (Math.max(up, down) >= IN_ORDER_FRACTION * (n - 1)) found.push({ name: featureNames[c], why: 'in row order' })
  }
  return found
}

/** `table` without the feature columns named in `drop` (truth untouched). */
export function withoutFeatures<T extends Pick<ColumnTable, 'n' | 'featureNames' | 'features'>>(table: T, drop: readonly string[]): T {
  const keep = table.featureNames.map((name, c) => (drop.includes(name) ? -1 : c)).filter((c) => c >= 0)
  const cols = table.featureNames.length
  const features = new Float64Array(table.n * keep.length)
  for (let i = 0; i < table.n; i++) for (let k = 0; k < keep.length; k++) features[i * keep.length + k] = table.features[i * cols + keep[k]]
  return { ...table, featureNames: keep.map((c) => table.featureNames[c]), features }
}

/** The report's note on what was left out: "Run (in row order), Event (every value distinct)". */
export const identifierNote = (columns: readonly IdentifierColumn[]): string => columns.map((c) => `${c.name} (${c.why})`).join(', ')
