// A command's options through node:util parseArgs, with the CLI's one-line messages instead of Node's: an unknown
// option is named with the closest known one, a missing value names the option, and a negative number is a value
// (`--beta -1` reaches the range check, which says what β may be, instead of Node's three-line "ambiguous").
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { CliError } from './exitCodes.js'

type Options = NonNullable<ParseArgsConfig['options']>

/** A token that reads as a number, negative ones included ("-1", "-.5", "-1e-3", "-Infinity"). */
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$|^[-+]?Infinity$/i

/**
 * Edit distance between two short names with adjacent swaps counted as one edit (optimal string alignment:
 * "beat" is one edit from "beta"); options are at most a dozen letters.
 */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

/** The known option closest to `name`, when it is close enough to be a typo (at most a third of its letters off, rounded up). */
export function closestOption(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const option of known) {
    const d = distance(name, option)
    if (d < bestDistance) [best, bestDistance] = [option, d]
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.ceil(name.length / 3)) ? best : undefined
}

/**
 * Parses `argv` against `options` for `command`, checking every option token first so that each mistake is one line
 * naming the option (see symscope help `command`). `--name -3` becomes `--name=-3` for a string option, as the user
 * meant; any other value that starts with '-' is refused as missing (it is the next option).
 *
 * @throws {CliError} usage: an unknown option, a string option without its value, a boolean option given a value
 */
export function parseCommandLine<O extends Options>(command: string, argv: readonly string[], options: O) {
  const help = `symscope help ${command}`
  const shortNames = new Map(Object.entries(options).flatMap(([name, spec]) => (spec.short ? [[spec.short, name] as const] : [])))
  const args: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]
    if (token === '--') {
      args.push(...argv.slice(i))
      break
    }
    if (!token.startsWith('-') || token === '-' || NUMBER_TEXT.test(token)) {
      args.push(token)
      continue
    }
    const eq = token.indexOf('=')
    const written = eq < 0 ? token : token.slice(0, eq)
    const name = written.startsWith('--') ? written.slice(2) : shortNames.get(written.slice(1))
    const spec = name === undefined ? undefined : options[name]
    if (name === undefined || spec === undefined) {
      const guess = closestOption(written.replace(/^-+/, ''), Object.keys(options))
      throw new CliError(`unknown option '${written}' for ${command}${guess ? `; did you mean --${guess}?` : ''} (${help} lists the options)`)
    }
    if (spec.type === 'boolean') {
      if (eq >= 0) throw new CliError(`--${name} is a switch and takes no value; got '${token}' (${help})`)
      args.push(token)
      continue
    }
    if (eq >= 0) {
      args.push(token)
      continue
    }
    const value = argv[i + 1]
    if (value === undefined || (value.startsWith('-') && value !== '-' && !NUMBER_TEXT.test(value))) {
      throw new CliError(`--${name} needs a value${value === undefined ? '' : `; got the option '${value}' next`} (${help})`)
    }
    args.push(`--${name}=${value}`)
    i++
  }
  return parseArgs({ args, options, allowPositionals: true, strict: true })
}
