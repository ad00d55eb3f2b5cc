// symscope generate --format and analyze FILE in every format, run as processes: the same events written as CSV,
// .npy and Parquet give the same report (same id); broken files of every format exit 3 with one line, never 1.
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_INPUT_BYTES } from '../../core/index.js'
import { reportSchema, type Report } from '../../core/report/schema.js'
import { hdf5Bytes, lheText } from '../core/io/writers.js'
import { runCli } from './cliRunner.js'
import { withoutTimings } from '../withoutTimings.js'

const dir = mkdtempSync(join(tmpdir(), 'symscope-inputs-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const at = (name: string) => join(dir, name)

// The files every test below reads: the same events by generate in three formats, an LHE file, an HDF5 file.
beforeAll(async () => {
  for (const ending of ['csv', 'npy', 'parquet']) {
    const { status, stderr } = runCli(['generate', 'ee_mumu', '--n', '600', '--seed', '4', '--set', 'z=true', '--set', 'sqrtS=35', '--out', at(`events.${ending}`)])
    expect(stderr).toBe('')
    expect(status).toBe(0)
  }
  const events = Array.from({ length: 300 }, (_, i) => {
    const c = Math.cos(i * 0.7)
    const s = Math.sqrt(1 - c * c)
    const phi = i * 2.1
    const p = [45 * s * Math.cos(phi), 45 * s * Math.sin(phi), 45 * c]
    return { muons: [[45.0001, ...p, 0.1056583755], [45.0001, ...p.map((v) => -v), 0.1056583755]] }
  })
  writeFileSync(at('z.lhe'), lheText(events))
  writeFileSync(
    at('t.h5'),
    await hdf5Bytes((f) => {
      f.create_group('jets')
      f.create_dataset({ name: 'jets/table', data: Float64Array.from({ length: 600 }, (_, i) => Math.sin(i) + (i % 2) * Math.cos(i / 3)), shape: [300, 2] })
    }),
  )
}, 60_000)

const analyse = (file: string, out: string, extra: string[] = []): Report => {
  const { status, stderr } = runCli(['analyze', file, '--epochs', '2', '--out', at(out), '--quiet', ...extra])
  expect(stderr).toBe('')
  expect(status).toBe(0)
  return reportSchema.parse(JSON.parse(readFileSync(join(at(out), 'report.json'), 'utf8')))
}

describe('generate --format and analyze FILE', () => {
  it('the same events as CSV, .npy and Parquet give the same report, each naming its format', () => {
    const header = readFileSync(at('events.csv'), 'utf8').split('\n')[0]
    const csv = analyse(at('events.csv'), 'csv')
    const parquet = analyse(at('events.parquet'), 'parquet')
    const npy = analyse(at('events.npy'), 'npy', ['--columns', header])
    expect(csv.dataset).toMatchObject({ name: 'events', n: 600, truth: ['truth_cosTheta', 'truth_phi'] })
    // the same report but for the format each names, which its id covers
    expect([csv, parquet, npy].map((r) => r.dataset.format)).toEqual(['csv', 'parquet', 'npy'])
    expect(new Set([csv.id, parquet.id, npy.id]).size).toBe(3)
    const normalised = (r: Report) => ({ ...withoutTimings(r), id: '', dataset: { ...r.dataset, format: undefined } })
    expect(normalised(parquet)).toEqual(normalised(csv))
    expect(normalised(npy)).toEqual(normalised(csv))
    expect(runCli(['generate', 'circle', '--n', '5', '--format', 'root']).stderr).toMatch(/--format must be one of csv, npy, parquet; got 'root'/)
  }, 180_000)

  it('analyses an LHE file by its final-state muons and an HDF5 dataset by its path', () => {
    const lhe = analyse(at('z.lhe'), 'lhe', ['--particles', 'mu-,mu+', '--batch', '64'])
    expect(lhe.dataset).toMatchObject({ name: 'z', n: 300, features: ['E1', 'px1', 'py1', 'pz1', 'E2', 'px2', 'py2', 'pz2'], parameters: { eventWeight: 1.5e-3 } })
    expect(analyse(at('t.h5'), 'h5', ['--dataset', '/jets/table', '--columns', 'a,b', '--batch', '64']).dataset).toMatchObject({ name: 't', features: ['a', 'b'] })
  }, 180_000)
})

describe('broken files of every format: exit 3, one line, never an internal error', () => {
  it.each([
    ['a truncated .npy', 'cut.npy', () => readFileSync(at('events.npy')).subarray(0, 3000), [], /cut.npy: truncated/],
    ['a truncated Parquet file', 'cut.parquet', () => readFileSync(at('events.parquet')).subarray(0, 5000), [], /cut.parquet: not a readable Parquet file/],
    ['a Parquet file with flipped bytes', 'flip.parquet', () => flip(readFileSync(at('events.parquet')), 200), [], /flip.parquet: /],
    ['an LHE file cut inside an event', 'cut.lhe', () => Buffer.from(readFileSync(at('z.lhe'), 'utf8').slice(0, 5000)), [], /cut.lhe: event \d+ \(line \d+\)|cut.lhe: truncated/],
    ['a missing HDF5 dataset', 'missing.h5', () => readFileSync(at('t.h5')), ['--dataset', '/events'], /missing.h5: no dataset \/events \(datasets: \/jets\/table\)/],
    ['random bytes named .h5', 'noise.h5', () => Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 131) % 256)), [], /noise.h5: not an HDF5 file/],
    ['weighted LHE events', 'w.lhe', () => Buffer.from(lheText([1, 2].flatMap((w) => Array.from({ length: 30 }, () => ({ muons: [[40, 1, 2, 3, 0.1], [41, -1, -2, -3, 0.1]], weight: w }))))), [], /unweighted events/],
  ] as const)('%s', (_name, file, bytes, extra, message) => {
    writeFileSync(at(file), bytes())
    const { status, stderr } = runCli(['analyze', at(file), '--epochs', '1', '--out', at('never'), ...extra])
    expect(stderr).toMatch(message)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(status).toBe(3)
  })

  it('refuses a file over the size limit by its size, without reading it', () => {
    writeFileSync(at('huge.parquet'), '')
    truncateSync(at('huge.parquet'), MAX_INPUT_BYTES + 1) // sparse: no gigabyte is written
    const { status, stderr } = runCli(['analyze', at('huge.parquet')])
    expect(stderr).toMatch(new RegExp(`huge.parquet' has ${MAX_INPUT_BYTES + 1} bytes; the limit is ${MAX_INPUT_BYTES}`))
    expect(status).toBe(3)
  })
})

/** A copy with every `step`-th byte inverted. */
function flip(bytes: Uint8Array, step: number): Uint8Array {
  const copy = Uint8Array.from(bytes)
  for (let i = step; i < copy.length; i += step) copy[i] ^= 0xff
  return copy
}
