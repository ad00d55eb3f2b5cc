import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Preloaded into the child (node --require): prints its peak resident set size when it exits, so a run is held to
 * a memory bound without /usr/bin/time. process.resourceUsage().maxRSS is in kilobytes (getrusage). Written to a
 * temporary file once, so the compiled copy (dist/test) needs no file beside it.
 */
const PRELOAD_SOURCE = "process.on('exit', () => process.stderr.write('\\npeak-rss-kb ' + process.resourceUsage().maxRSS + '\\n'))\n"
let preload: string | undefined
function preloadPath(): string {
  if (preload) return preload
  preload = join(mkdtempSync(join(tmpdir(), 'symscope-peak-')), 'peakRss.cjs')
  writeFileSync(preload, PRELOAD_SOURCE)
  return preload
}

/** What a measured CLI run gave: exit status, stderr (without the measurement line), peak RSS in MiB, seconds. */
export interface MeasuredRun {
  status: number | null
  stderr: string
  peakMiB: number | null
  seconds: number
  timedOut: boolean
}

/**
 * Runs `node --require peakRss.cjs CLI args…` and reads the child's own peak RSS from its last stderr line (getrusage
 * maxRSS at exit). A run past `timeoutMs` is killed (SIGKILL): then there is no peak, and `timedOut` says so.
 */
export function runMeasured(cli: string, args: string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<MeasuredRun> {
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', preloadPath(), cli, ...args], { cwd: options.cwd, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (part: Buffer) => (stderr += part.toString()))
    let timedOut = false
    const timer = setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), options.timeoutMs ?? 120_000)
    child.on('close', (status) => {
      clearTimeout(timer)
      const peak = /peak-rss-kb (\d+)\s*$/.exec(stderr)
      resolve({
        status,
        stderr: stderr.replace(/\n?peak-rss-kb \d+\s*$/, '').trim(),
        peakMiB: peak ? Number(peak[1]) / 1024 : null,
        seconds: (performance.now() - started) / 1000,
        timedOut,
      })
    })
  })
}
