/** The CLI's exit codes, documented in `symscope --help` and the README. */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** A bug in symscope: an unexpected exception (please report it). */
  internal: 1,
  /** Bad usage: unknown command or option, a bad option value, an unknown dataset or parameter, a value out of range. */
  usage: 2,
  /** Bad input data: a malformed file, NaN or infinite values, a file past a read limit, data that cannot be analysed. */
  data: 3,
  /** A file could not be read or written. */
  io: 4,
} as const

/** An error the CLI reports as one line on stderr, exiting with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message)
  }
}
