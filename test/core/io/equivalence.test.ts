// The same events in every format give the same report as the CSV: the same numbers, every field but the format the
// report names (dataset.format), and so an id of its own (an id stands for one report's bytes). Each file is written
// by an independent writer (writers.ts).
import { beforeAll, describe, expect, it } from 'vitest'
import { analyze, inputFromSource } from '../../../core/analysis/index.js'
import { csvHeader, csvRows, generateEvents, type EventSet, type SymscopeWasm } from '../../../core/index.js'
import type { Report } from '../../../core/report/schema.js'
import { setupTensorflow } from '../../../core/tf/node.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { withoutTimings } from '../analysis/analysisCase.js'
import { hdf5Bytes, lheText, npyBytes, parquetBytes, zipBytes } from './writers.js'

const settings = { config: { epochs: 3, seed: 5 } }
let wasm: SymscopeWasm
let events: EventSet
let names: string[]
/** Event i's features then truth. */
let rows: number[][]
let csvReport: Report

const report = async (name: string, data: Uint8Array | string, options = {}) =>
  analyze(wasm, await inputFromSource(wasm, { kind: 'file', name, data, ...options }), settings)

const column = (j: number) => rows.map((row) => row[j])

/** `other` is the CSV's report in every byte but its format, which it names, and its id, which covers the format. */
function expectSameAsCsv(other: Report, format: string): void {
  expect(other.dataset.format).toBe(format)
  expect(other.id).not.toBe(csvReport.id)
  const normalised = (r: Report) => ({ ...withoutTimings(r), id: '', dataset: { ...r.dataset, format: undefined } })
  expect(normalised(other)).toEqual(normalised(csvReport))
}

beforeAll(async () => {
  wasm = await loadWasm()
  await setupTensorflow('wasm')
  // e⁺e⁻ → μ⁺μ⁻ with γ/Z at 35 GeV: 8 features of real-valued kinematics and 2 truth columns
  events = generateEvents(wasm, { dataset: 'ee_mumu', n: 600, seed: 17, params: { z: true, sqrtS: 35 } })
  names = [...events.featureNames, ...events.truthNames]
  rows = Array.from({ length: events.n }, (_, i) => [...events.features.subarray(8 * i, 8 * i + 8), ...events.truth.subarray(2 * i, 2 * i + 2)])
  csvReport = await report('events.csv', csvHeader(events.featureNames, events.truthNames) + csvRows(events.features, events.truth, events.n, 8, 2))
}, 120_000)

describe('the same events in another format', () => {
  it('Parquet (hyparquet-writer): the same report, its format named', async () => {
    const bytes = parquetBytes(Object.fromEntries(names.map((name, j) => [name, column(j)])))
    const parquet = await report('events.parquet', bytes)
    expectSameAsCsv(parquet, 'parquet')
  })

  it('.npy (header by hand, Fortran order), columns named by --columns: the same report, its format named', async () => {
    const npy = await report('events.npy', npyBytes(rows.flat(), [events.n, names.length], '<f8', true), { columns: names })
    expectSameAsCsv(npy, 'npy')
  })

  it('.npz of one 1-D array per column (deflated ZIP by hand): the same report, its format named', async () => {
    const members = names.map((name, j) => ({ name: `${name}.npy`, bytes: npyBytes(column(j), [events.n], '<f8') }))
    const npz = await report('events.npz', zipBytes(members, true))
    expectSameAsCsv(npz, 'npz')
  })

  it('HDF5 compound dataset (h5wasm): the same report, its format named', async () => {
    const bytes = await hdf5Bytes((file) => {
      file.create_dataset({
        name: 'events',
        data: new Map(names.map((name, j) => [name, Float64Array.from(column(j))])) as never,
        shape: [events.n],
        dtype: names.map((name) => [name, '<d']) as never,
      })
    })
    const hdf5 = await report('events.h5', bytes, { dataset: '/events' })
    expectSameAsCsv(hdf5, 'hdf5')
  })

  it('LHE (written from the spec, with beams and a Z): the same numbers as the features-only CSV', async () => {
    const muons = (i: number) => [0, 4].map((o) => [...events.features.subarray(8 * i + o, 8 * i + o + 4), 0.1056583755])
    const text = lheText(Array.from({ length: events.n }, (_, i) => ({ muons: muons(i) })))
    const lhe = await report('events.lhe', text)
    const featuresOnly = await report('events.csv', csvHeader(events.featureNames, []) + csvRows(events.features, [], events.n, 8, 0))
    expect(lhe.dataset.sha256).toBe(featuresOnly.dataset.sha256)
    // The LHE header's facts (the uniform weight, the process id and scale) are in the parameters, hence in the id.
    expect(lhe.dataset.parameters).toEqual({ eventWeight: 1.5e-3, processId: 1, scale: 91.1876 })
    expect(lhe.id).not.toBe(featuresOnly.id)
    const numbers = (r: Report) => ({ latents: r.latents, intrinsicDimension: r.intrinsicDimension, history: (withoutTimings(r) as Report).training.history })
    expect(numbers(lhe)).toEqual(numbers(featuresOnly))
  })
})
