// Wall time of a 12-point `symscope scan` with 1 and with 2 worker threads, each in a child process of the built CLI
// (a fresh cache each time, so every point trains), alternately in this process run; the ratio is the speed-up of
// the pool. Then the same scan again on the warm cache: every point a hit.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { median, type Bench } from './table.js'

const CLI = fileURLToPath(new URL('../client/cli/main.js', import.meta.url))
/** 12 points: 6 β × 2 seeds on the circle, 4,000 events, 20 epochs each (bench/browserScan.ts runs the same in the app). */
export const SCAN = ['scan', 'circle', '--n', '4000', '--epochs', '20', '--beta', '0.01:3:6', '--seeds', '2', '--quiet']
const REPEATS = 2

/** Runs the CLI's scan with `jobs` threads into dir/name (a fresh cache there) and times it. */
export function timeScan(jobs: number, dir: string, name: string): { seconds: number; scanJson: string } {
  const out = join(dir, name)
  const start = performance.now()
  execFileSync(process.execPath, [CLI, ...SCAN, '--jobs', String(jobs), '--out', out], { stdio: 'pipe' })
  return { seconds: (performance.now() - start) / 1000, scanJson: readFileSync(join(out, 'scan.json'), 'utf8') }
}

export const run: Bench = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'symscope-bench-scan-'))
  try {
    const load = loadavg()[0]
    const one: number[] = []
    const two: number[] = []
    let same = true
    for (let r = 0; r < REPEATS; r++) {
      const a = timeScan(1, dir, `one-${r}`)
      const b = timeScan(2, dir, `two-${r}`)
      one.push(a.seconds)
      two.push(b.seconds)
      same &&= a.scanJson === b.scanJson
    }
    const warmStart = performance.now()
    execFileSync(process.execPath, [CLI, ...SCAN, '--jobs', '2', '--out', join(dir, 'one-0')], { stdio: 'pipe' })
    const warm = (performance.now() - warmStart) / 1000
    const [t1, t2] = [median(one), median(two)]
    return [
      {
        title: 'A 12-point scan: 1 worker thread against 2',
        description:
          `\`symscope ${SCAN.join(' ')}\` (6 β × 2 seeds, 4,000 events, 20 epochs a point) in a child process, with --jobs 1 and ` +
          `--jobs 2 alternately, a fresh cache each run; median of ${REPEATS}. Then once more on a warm cache (every point a hit).`,
        columns: ['jobs', 'wall s', 'speed-up', 'scan.json identical'],
        rows: [
          ['1', t1, '1.00×', '—'],
          ['2', t2, `${(t1 / t2).toFixed(2)}×`, same ? 'yes' : 'NO'],
          ['2, warm cache', warm, `${(t1 / warm).toFixed(1)}×`, '—'],
        ],
        notes: [
          `This machine has ${availableParallelism()} cores, shared with other work (load average ${load.toFixed(1)} when the run began): the speed-up of 2 jobs is bounded by 2 and by what else runs.`,
          'The same scan in the web app, "in this browser": `node dist/bench/run.js browserScan` (bench/browserScan.ts).',
        ],
      },
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
