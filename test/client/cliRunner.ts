import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { runCommandLine } from '../../client/cli/commandLine.js'

/** The built CLI (npm test builds first): tests run exactly what `npx symscope` runs. */
export const CLI = fileURLToPath(new URL('../../dist/client/cli/main.js', import.meta.url))

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

export function runCli(args: string[], options: { cwd?: string; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, ...options })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/**
 * The same command line run inside the test process (client/cli/commandLine.ts, which the executable runs on its
 * arguments): the exit code it answers and what it wrote to stdout and stderr. For invocations that write no file
 * (bad arguments, help texts): each process of `runCli` costs ~0.3–0.5 s of CPU to start Node and load the CLI, and
 * the suite ran ~60 of them for messages alone. What only a process shows (the exit status Node reports, signals,
 * partial files, peak memory, the built dist/) stays with `runCli`.
 */
export async function runCliInProcess(args: string[]): Promise<CliResult> {
  const written = { stdout: '', stderr: '' }
  const originals = { stdout: process.stdout.write, stderr: process.stderr.write }
  const capture = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array) => {
      written[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
      return true
    }) as typeof process.stdout.write
  process.stdout.write = capture('stdout')
  process.stderr.write = capture('stderr')
  try {
    const status = await runCommandLine(args)
    return { status, ...written }
  } finally {
    process.stdout.write = originals.stdout
    process.stderr.write = originals.stderr
  }
}
