import { SymscopeError } from '../errors.js'

/**
 * Checks a row-major matrix argument before it reaches a wasm kernel: `rows` and `cols` positive integers, at least
 * `minimumRows` rows, `data.length === rows × cols`, every value finite. Messages name the calling function:
 * "columnVariances requires at least two rows".
 *
 * @throws {SymscopeError} invalid_data, with `details` naming the offending row and column where there is one.
 */
export function checkMatrix(caller: string, data: ArrayLike<number>, rows: number, cols: number, minimumRows = 2): void {
  if (!Number.isInteger(cols) || cols < 1) {
    throw new SymscopeError('invalid_data', `${caller} requires at least one column (got cols = ${cols})`)
  }
  if (!Number.isInteger(rows) || rows < minimumRows) {
    const words = ['no', 'one', 'two', 'three'][minimumRows] ?? String(minimumRows)
    throw new SymscopeError('invalid_data', `${caller} requires at least ${words} row${minimumRows === 1 ? '' : 's'} (got ${rows})`)
  }
  if (data.length !== rows * cols) {
    throw new SymscopeError(
      'invalid_data',
      `${caller} requires data of length rows × cols = ${rows * cols} (got ${data.length})`,
    )
  }
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      const row = Math.floor(i / cols)
      const column = i % cols
      throw new SymscopeError('invalid_data', `${caller} requires finite values (row ${row + 1}, column ${column + 1} is ${data[i]})`, {
        row,
        column,
      })
    }
  }
}
