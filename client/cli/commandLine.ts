// The command line as a function: `symscope generate | analyze | reproduce | scan …` for the arguments given, writing
// to this process's stdout and stderr, answering the exit code (client/cli/exitCodes.ts). main.ts, the `symscope`
// executable, runs it on process.argv; the tests of argument messages call it inside the test process.
import { CliError, EXIT } from './exitCodes.js'
import { mainHelp } from './mainUsage.js'

// Everything loads on demand, so that a command pays only for what it uses: `generate` not for TensorFlow.js, and
// `--help` not for core's library (statistics, symmetries, zod's schemas: ~0.3 s of CPU; docs/performance.md).
const usage = () => import('./usage.js')
const commands: Record<string, { run: (argv: string[]) => Promise<void>; help: () => Promise<string> }> = {
  generate: { run: async (argv) => (await import('./commands/generate.js')).generateCommand(argv), help: async () => (await usage()).generateHelp() },
  analyze: { run: async (argv) => (await import('./commands/analyze.js')).analyzeCommand(argv), help: async () => (await usage()).analyzeHelp() },
  reproduce: { run: async (argv) => (await import('./commands/reproduce.js')).reproduceCommand(argv), help: async () => (await usage()).reproduceHelp() },
  scan: { run: async (argv) => (await import('./commands/scan.js')).scanCommand(argv), help: async () => (await usage()).scanHelp() },
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  if (command === undefined) {
    process.stderr.write(mainHelp())
    throw new CliError('no command given', EXIT.usage)
  }
  if (command === '--help' || command === '-h') return void process.stdout.write(mainHelp())
  if (command === '--version' || command === '-v') return void process.stdout.write(`symscope ${(await import('../../core/index.js')).VERSION}\n`)
  if (command === 'help') {
    const topic = rest[0]
    if (topic === undefined) return void process.stdout.write(mainHelp())
    if (!Object.hasOwn(commands, topic)) throw new CliError(`no help for '${topic}': commands are ${Object.keys(commands).join(', ')}`)
    return void process.stdout.write(await commands[topic].help())
  }
  if (!Object.hasOwn(commands, command)) {
    throw new CliError(`unknown command '${command}' (commands: ${Object.keys(commands).join(', ')}; see symscope --help)`)
  }
  await commands[command].run(rest)
}

/** Core's setting names where the CLI's options differ (core/vae/config.ts VaeConfig → --lr, --batch, --validation). */
const OPTION_OF_SETTING: Record<string, string> = { learningRate: 'lr', batchSize: 'batch', validationSplit: 'validation' }
const OPTIONS = new Set(['n', 'seed', 'latent', 'hidden', 'layers', 'activation', 'linear', 'beta', 'lr', 'batch', 'epochs', 'validation', 'patience', 'threshold', 'threads', 'seeds'])

/** Core names a setting as the API does ("epochs must be …"); the CLI names the option the user typed ("--epochs must be …"). */
function asOptionMessage(message: string, parameter: unknown): string {
  if (typeof parameter !== 'string') return message
  const option = OPTION_OF_SETTING[parameter] ?? parameter
  if (!OPTIONS.has(option)) return message
  if (message.startsWith(`${parameter} = `)) return `--${option} ${message.slice(parameter.length + 3)}`
  if (message.startsWith(`${parameter} `)) return `--${option}${message.slice(parameter.length)}`
  return message
}

/** Turns any failure into one line on stderr and the documented exit code. */
async function exitCodeOf(error: unknown): Promise<{ code: number; message: string }> {
  if (error instanceof CliError) return { code: error.exitCode, message: error.message }
  // Core is loaded only here, for its error class: the command that threw has usually loaded it already.
  const { isSymscopeError } = await import('../../core/index.js')
  if (isSymscopeError(error)) {
    // An option's value out of range (a generator's n, say) is usage; a file past a limit or malformed is data.
    const data = error.code === 'invalid_csv' || error.code === 'invalid_data' || (error.code === 'too_large' && error.details.parameter === undefined)
    return { code: data ? EXIT.data : EXIT.usage, message: asOptionMessage(error.message, error.details.parameter) }
  }
  const code = (error as { code?: string })?.code
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    // parseCommandLine checks options first; this is the fallback for what it does not foresee, kept to one line.
    return { code: EXIT.usage, message: `${(error as Error).message.split('\n')[0]} (see symscope --help)` }
  }
  return { code: EXIT.internal, message: `internal error: ${(error as Error)?.stack ?? String(error)}` }
}

/** Runs the command line `argv` (without node and the script); every failure becomes one line on stderr. */
export async function runCommandLine(argv: string[]): Promise<number> {
  try {
    await main(argv)
    return EXIT.ok
  } catch (error: unknown) {
    const { code, message } = await exitCodeOf(error)
    process.stderr.write(`symscope: ${message}\n`)
    return code
  }
}
