import { parseParameterText } from '../../core/datasets/index.js'
import { CliError } from './exitCodes.js'

/** Parses integer options strictly: "1e6" and "100000" are fine, "12abc" and "1.5" are not. */
export function parseInteger(option: string, text: string): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isInteger(value)) throw new CliError(`--${option} must be an integer; got '${text}'`)
  return value
}

/** Parses finite number options strictly. */
export function parseNumber(option: string, text: string): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value)) throw new CliError(`--${option} must be a number; got '${text}'`)
  return value
}

/** `--set name=value` pairs into a parameter object (types and ranges are checked by the dataset's schema). */
export function parseSets(sets: string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const set of sets) {
    const eq = set.indexOf('=')
    if (eq <= 0) throw new CliError(`--set expects name=value; got '${set}'`)
    const name = set.slice(0, eq).trim()
    if (Object.hasOwn(params, name)) throw new CliError(`--set ${name} is given twice`)
    params[name] = parseParameterText(set.slice(eq + 1))
  }
  return params
}

/** The options that pick generated events, shared by `generate` and `analyze` (parseArgs option specs). */
export const GENERATOR_OPTIONS = {
  n: { type: 'string', default: '10000' },
  seed: { type: 'string', default: '1' },
  set: { type: 'string', multiple: true, default: [] as string[] },
} as const

/**
 * The one positional argument a command takes (`what` names it, e.g. "one file or dataset"); `missing` is the
 * message for none, which shows an example.
 */
export function onePositional(command: string, positionals: readonly string[], what: string, missing: string): string {
  if (positionals.length === 1) return positionals[0]
  throw new CliError(positionals.length === 0 ? missing : `${command} takes ${what}; got ${positionals.length}: ${positionals.join(' ')}`)
}
