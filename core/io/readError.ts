import { SymscopeError } from '../errors.js'

/** The error of a file that cannot be read as its format: one line, `invalid_data`, naming the file and the place. */
export const readError = (file: string, message: string, details: Record<string, unknown> = {}) =>
  new SymscopeError('invalid_data', `${file}: ${message}`, details)
