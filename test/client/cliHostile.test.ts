// Hostile files through the CLI (issue 18): each one is refused with exit code 3 and a one-line message naming the
// limit, within the documented peak memory (docs/inputs.md, "Limits"), measured as the child process's own peak RSS.
// The files are generated at run time from a seed (test/hostile/hostileFiles.ts), a few kB to a few MB each.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_INFLATED_BYTES } from '../../core/io/limits.js'
import { hostileFiles, type HostileFile } from '../../testdata/hostileFiles.js'
import { runMeasured } from '../../scripts/runMeasured.js'
import { CLI } from './cliRunner.js'

/** What a refused file may cost beyond the inflated bytes it is allowed to hold: node, the wasm module, the reader. */
const BASE_MIB = 320
/** The bound of each file: the base, plus 1.25 × the inflated-bytes limit for the files that inflate up to it. */
const boundMiB = (file: HostileFile) => BASE_MIB + (file.limit === 'inflated bytes' || file.name === 'lying.npz' ? (1.25 * MAX_INFLATED_BYTES) / 2 ** 20 : 0)

/** The message each file must get: it names the file and the limit it passes. */
const MESSAGES: Record<string, RegExp> = {
  'bomb.csv.gz': /bomb\.csv\.gz: the data inflates to more than 524,288,000 bytes, the limit/,
  'bomb.npz': /bomb\.npz: member 'x\.npy' holds 545,259,6\d\d bytes, past the limit of 524,288,000 inflated bytes/,
  'lying.npz': /lying\.npz: member 'x\.npy': inflates to more than the 1024 bytes its directory entry says/,
  'shape.npy': /shape\.npy: shape \(1000000000, 8\): 1,000,000,000 rows; the limit is 1,000,000/,
  'dictionary.parquet': /dictionary\.parquet: 8,000,000 rows; the limit is 1,000,000/,
  'gzip.parquet': /gzip\.parquet: 8,000,000 rows; the limit is 1,000,000/,
  'brotli.parquet': /brotli\.parquet: 8,000,000 rows; the limit is 1,000,000/,
  'zstd.parquet': /zstd\.parquet: 8,000,000 rows; the limit is 1,000,000/,
  'fill.h5': /fill\.h5: \/events: shape \(5000000, 10\): 5,000,000 rows; the limit is 1,000,000/,
  'particles.lhe.gz': /particles\.lhe\.gz: event 1 \(line 6\): NUP = 1000000 particles; the limit is 10,000 per event/,
  'wide.lhe': /wide\.lhe: event 1 \(line 6\): more than 256 final-state particles make more than 1024 columns/,
  'nup.lhe': /nup\.lhe: event 1 \(line 6\): NUP = 1000000000 particles; the limit is 10,000/,
  'huge.csv': /huge: event 1, feature 'x1' is 1e\+308, beyond ±3\.40e\+38, the single-precision range/,
}

const dir = mkdtempSync(join(tmpdir(), 'symscope-hostile-'))
let files: HostileFile[] = []

beforeAll(async () => {
  files = await hostileFiles('cli')
  for (const file of files) writeFileSync(join(dir, file.name), file.bytes)
}, 180_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('hostile files through the CLI', () => {
  it('covers every codec and format', () => {
    expect(files.map((f) => f.name).sort()).toEqual(Object.keys(MESSAGES).sort())
  })

  it.each(Object.keys(MESSAGES))('%s: exit 3, one line naming the limit, peak memory within the bound', async (name) => {
    const file = files.find((f) => f.name === name)!
    const run = await runMeasured(CLI, ['analyze', join(dir, name), '--epochs', '1', '--quiet', '--out', join(dir, `out-${name}`)], { timeoutMs: 120_000 })
    expect(run.timedOut).toBe(false)
    expect(run.stderr.split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(MESSAGES[name])
    expect(run.status).toBe(3)
    expect(run.peakMiB).not.toBeNull()
    expect(run.peakMiB!, `${name}: peak ${run.peakMiB!.toFixed(0)} MiB in ${run.seconds.toFixed(1)} s`).toBeLessThan(boundMiB(file))
  }, 150_000)
})
