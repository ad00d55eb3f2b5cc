import { SymscopeError } from '../errors.js'

/**
 * Checks two paired samples for a correlation: the same number of rows (x may have `xColumns` values per row, y
 * `yColumns`), at least two rows, every value finite. Returns the number of rows.
 *
 * @throws {SymscopeError} invalid_data naming the caller: "pearson requires x and y of the same length (…)"
 */
export function checkPair(caller: string, x: ArrayLike<number>, y: ArrayLike<number>, xColumns = 1, yColumns = 1): number {
  for (const [name, columns] of [['xColumns', xColumns], ['yColumns', yColumns]] as const) {
    if (!Number.isInteger(columns) || columns < 1) {
      throw new SymscopeError('invalid_data', `${caller} requires a positive integer ${name} (got ${columns})`)
    }
  }
  const n = y.length / yColumns
  if (!Number.isInteger(n) || x.length !== n * xColumns) {
    const shape = xColumns === 1 && yColumns === 1 ? 'the same length' : 'the same number of rows'
    throw new SymscopeError('invalid_data', `${caller} requires x and y of ${shape} (got ${x.length} and ${y.length} values)`)
  }
  if (n < 2) throw new SymscopeError('invalid_data', `${caller} requires at least two rows (got ${n})`)
  for (const [name, values] of [['x', x], ['y', y]] as const) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        throw new SymscopeError('invalid_data', `${caller} requires finite values (${name}[${i}] is ${values[i]})`)
      }
    }
  }
  return n
}
