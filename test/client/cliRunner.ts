import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

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
