// Hostile inputs through the CLI (issue 18), before and after the limits enforced while reading: for each file of
// test/hostile/hostileFiles.ts (CLI scale) and the widest CSV the readers accept (1,024 columns × 60 rows), the exit
// status, the child's own peak RSS (getrusage maxRSS at exit) and the wall time, in the same process run.
// "Before" is a copy of dist/ built from the commit before this work, given by SYMSCOPE_BEFORE_DIST (the folder that
// holds client/cli/main.js); without it only "after" is measured. Runs past 120 s are killed and shown as such.
// A second table: /health against wrangler dev while the largest upload is analysed in one request.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { hostileFiles, uniformNpy, wideCsv } from '../testdata/hostileFiles.js'
import { runMeasured, type MeasuredRun } from '../scripts/runMeasured.js'
import { startWranglerDev } from '../scripts/wranglerDev.js'
import { MAX_UPLOAD_BYTES } from '../worker/limits.js'
import { median, type Bench, type BenchTable } from './table.js'

const AFTER = fileURLToPath(new URL('../client/cli/main.js', import.meta.url))
const TIMEOUT_MS = 120_000

const show = (run: MeasuredRun | undefined) =>
  run === undefined ? ['—', '—', '—'] : run.timedOut ? ['killed', '—', `> ${TIMEOUT_MS / 1000}`] : [String(run.status), run.peakMiB === null ? '—' : run.peakMiB.toFixed(0), run.seconds.toFixed(1)]

export const run: Bench = async () => {
  const beforeDist = process.env.SYMSCOPE_BEFORE_DIST
  const before = beforeDist ? join(beforeDist, 'client/cli/main.js') : undefined
  const dir = mkdtempSync(join(tmpdir(), 'symscope-bench-hostile-'))
  try {
    const files = await hostileFiles('cli')
    const inputs = [...files.map((f) => ({ name: f.name, what: f.what, bytes: f.bytes })), { name: 'wide.csv', what: 'CSV of 1,024 columns × 60 rows (within the limits)', bytes: new TextEncoder().encode(wideCsv(60, 1024, 18)) }]
    const rows: string[][] = []
    for (const input of inputs) {
      writeFileSync(join(dir, input.name), input.bytes)
      // Small batches, so that the 60-row table trains (48 training events) and is analysed whole.
      const args = (tag: string) => ['analyze', join(dir, input.name), '--epochs', '2', '--batch', '16', '--quiet', '--out', join(dir, `out-${tag}-${input.name}`)]
      const old = before ? await runMeasured(before, args('before'), { timeoutMs: TIMEOUT_MS }) : undefined
      const now = await runMeasured(AFTER, args('after'), { timeoutMs: TIMEOUT_MS })
      rows.push([input.name, input.what, (input.bytes.length / 1024).toFixed(1), ...show(old), ...show(now)])
    }
    const table: BenchTable = {
      title: 'Hostile inputs through the CLI: peak memory and time, before and after the read limits',
      description:
        '`symscope analyze FILE --epochs 2 --batch 16` on each hostile file of test/hostile/hostileFiles.ts (generated from seed 18) and on the widest CSV the readers accept. ' +
        'Peak: the child process’s own peak RSS (getrusage maxRSS at exit, MiB); time: wall seconds; exit: the status (3: refused as bad data). ' +
        `Before: dist/ of commit 1a82c69; after: this build; same process run, one run each, killed after ${TIMEOUT_MS / 1000} s.`,
      columns: ['file', 'what', 'kB', 'exit before', 'peak MiB before', 's before', 'exit after', 'peak MiB after', 's after'],
      rows,
    }
    return [table, await healthDuringLargestUpload()]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const HEALTH_RUNS = 3

/**
 * The largest upload (50,000 × 10 uniform values as .npy, `epochs: 2`) posted to a fresh `wrangler dev` while
 * /api/v1/health is asked every 100 ms until it is answered: how long the analysis took and the longest and median
 * /health wait of each run (docs/limits.md, "No request stalls others").
 */
async function healthDuringLargestUpload(): Promise<BenchTable> {
  const server = await startWranglerDev('wrangler.toml', '/api/v1/health', { vars: { RATE_LIMIT_ANALYSES: '10000', RATE_LIMIT_REQUESTS: '100000' } })
  const rows: string[][] = []
  try {
    const cols = 10
    const count = Math.min(50_000, Math.floor((MAX_UPLOAD_BYTES - 128) / (8 * cols)))
    for (let run = 0; run < HEALTH_RUNS; run++) {
      // A seed per run: a repeated upload would be answered from the cache.
      const npy = uniformNpy(count, cols, 18 + run)
      const waits: number[] = []
      let settled = false
      const started = performance.now()
      const pending = fetch(`${server.origin}/api/v1/analyses?format=npy&config=${encodeURIComponent(JSON.stringify({ epochs: 2 }))}`, {
        method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: npy as unknown as BodyInit,
      }).finally(() => (settled = true))
      while (!settled) {
        const asked = performance.now()
        await (await fetch(`${server.origin}/api/v1/health`)).text()
        waits.push(performance.now() - asked)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      const response = await pending
      await response.text()
      const seconds = (performance.now() - started) / 1000
      rows.push([`${count.toLocaleString('en-US')} × ${cols} .npy, seed ${18 + run}`, String(response.status), seconds.toFixed(1), String(waits.length), Math.max(...waits).toFixed(0), median(waits).toFixed(0)])
    }
  } finally {
    await server.stop()
  }
  return {
    title: '/health while the largest upload is analysed in one request',
    description:
      'The largest upload the API takes (uniform values, 10 features, `epochs: 2`) posted to a fresh `wrangler dev`; /api/v1/health asked every 100 ms until it is answered. ' +
      'Before issue 18\'s pauses (core/stats/pause.ts) the longest wait was 1.6–2.3 s (the report\'s intrinsic dimension and the symmetry section each one synchronous block); the bound is 1 s (docs/limits.md).',
    columns: ['upload', 'status', 'analysis s', 'health asked', 'longest health ms', 'median health ms'],
    rows,
  }
}
