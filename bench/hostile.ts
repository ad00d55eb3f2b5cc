// Hostile inputs through the CLI (issue 18), before and after the limits enforced while reading: for each file of
// test/hostile/hostileFiles.ts (CLI scale) and the widest CSV the readers accept (1,024 columns × 60 rows), the exit
// status, the child's own peak RSS (getrusage maxRSS at exit) and the wall time, in the same process run.
// "Before" is a copy of dist/ built from the commit before this work, given by SYMSCOPE_BEFORE_DIST (the folder that
// holds client/cli/main.js); without it only "after" is measured. Runs past 120 s are killed and shown as such.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { hostileFiles, wideCsv } from '../testdata/hostileFiles.js'
import { runMeasured, type MeasuredRun } from '../scripts/runMeasured.js'
import type { Bench, BenchTable } from './table.js'

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
    return [table]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
