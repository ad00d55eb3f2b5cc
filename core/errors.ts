/**
 * Every error that bad input can cause. `code` is stable (the API returns it as `error.code`, the CLI maps it to an
 * exit code); `message` names the problem: the parameter and its allowed range, the line and column of a CSV cell.
 */
export type ErrorCode =
  | 'unknown_dataset'
  | 'unknown_parameter'
  | 'invalid_parameter'
  | 'invalid_csv'
  | 'too_large'
  | 'invalid_data'

export class SymscopeError extends Error {
  override readonly name = 'SymscopeError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

export const isSymscopeError = (error: unknown): error is SymscopeError => error instanceof SymscopeError
