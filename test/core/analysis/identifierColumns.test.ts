// Identifier columns (core/analysis/identifierColumns.ts) and known tables (knownTables.ts), by construction: random
// tables mixing identifiers (shuffled unique event numbers, sorted run numbers with repeats, row indices) with
// measurements (continuous values, charges ±1, small counts, integers with repeats in random order); every identifier
// is found and no measurement is taken for one. Then the shipped CMS file through inputFromSource, as every front end reads it.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { identifierColumns, withoutFeatures } from '../../../core/analysis/identifierColumns.js'
import { inputFromSource } from '../../../core/analysis/inputFromSource.js'
import { recogniseTable } from '../../../core/analysis/knownTables.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { mulberry32, normalSampler } from '../../../testdata/random.js'

const wasm = await loadWasm()

type Column = { name: string; values: number[]; identifier: boolean }

function randomColumns(random: () => number, n: number): Column[] {
  const normal = normalSampler(random)
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]
  const shuffled = <T,>(values: T[]): T[] => {
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[values[i], values[j]] = [values[j], values[i]]
    }
    return values
  }
  const start = Math.floor(random() * 1e6)
  const runs = Math.max(2, Math.floor(random() * 20))
  const identifiers: Column[] = [
    { name: 'event', values: shuffled(Array.from({ length: n }, (_, i) => start + 7 * i + Math.floor(random() * 7))), identifier: true },
    { name: 'run', values: Array.from({ length: n }, (_, i) => 160000 + Math.floor((i * runs) / n) * 13), identifier: true },
    { name: 'index', values: Array.from({ length: n }, (_, i) => n - i), identifier: true },
  ]
  const measurements: Column[] = [
    { name: 'pt', values: Array.from({ length: n }, () => 20 + 10 * Math.abs(normal())), identifier: false },
    { name: 'charge', values: Array.from({ length: n }, () => (random() < 0.5 ? -1 : 1)), identifier: false },
    { name: 'jets', values: Array.from({ length: n }, () => Math.floor(-Math.log(1 - random()) * 2)), identifier: false },
    { name: 'hits', values: Array.from({ length: n }, () => Math.floor(random() * n * 0.3)), identifier: false },
    { name: 'constant', values: Array.from({ length: n }, () => 4), identifier: false },
  ]
  const chosen = [...identifiers, ...measurements].filter(() => random() < 0.7)
  return chosen.length ? shuffled(chosen) : [pick(measurements)]
}

describe('identifier columns', () => {
  it('finds every identifier and no measurement, on 200 random tables', () => {
    const random = mulberry32(19)
    for (let trial = 0; trial < 200; trial++) {
      const n = 30 + Math.floor(random() * 2000)
      const columns = randomColumns(random, n)
      const features = new Float64Array(n * columns.length)
      columns.forEach((c, k) => c.values.forEach((v, i) => (features[i * columns.length + k] = v)))
      const found = identifierColumns({ n, featureNames: columns.map((c) => c.name), features }).map((c) => c.name)
      expect(found.sort(), `trial ${trial}, n = ${n}`).toEqual(columns.filter((c) => c.identifier).map((c) => c.name).sort())
    }
  })

  it('leaves small tables alone and removes exactly the named columns', () => {
    expect(identifierColumns({ n: 10, featureNames: ['i'], features: Float64Array.from({ length: 10 }, (_, i) => i) })).toEqual([])
    const table = { n: 2, featureNames: ['a', 'b', 'c'], features: Float64Array.from([1, 2, 3, 4, 5, 6]) }
    expect(withoutFeatures(table, ['b'])).toEqual({ n: 2, featureNames: ['a', 'c'], features: Float64Array.from([1, 3, 4, 6]) })
  })
})

describe('the shipped CMS table, read without --from', () => {
  const data = readFileSync(new URL('../../../data/cms/Zmumu_Run2011A.csv', import.meta.url))

  it('is recognised as CMS dimuon events, and its Run and Event columns are left out, saying so', async () => {
    const input = await inputFromSource(wasm, { kind: 'file', name: 'Zmumu_Run2011A.csv', data })
    expect(input.featureNames).not.toContain('Run')
    expect(input.featureNames).not.toContain('Event')
    expect(input.featureNames).toEqual(['pt1', 'eta1', 'phi1', 'Q1', 'dxy1', 'iso1', 'pt2', 'eta2', 'phi2', 'Q2', 'dxy2', 'iso2'])
    expect(input.parameters.leftOutIdentifiers).toBe('Run (in row order), Event (every value distinct)')
    expect(input.parameters.knownTable).toMatch(/^a CMS dimuon table: --from cms-dimuon/)
  })

  it('keeps them when the features are named', async () => {
    const input = await inputFromSource(wasm, { kind: 'file', name: 'Zmumu_Run2011A.csv', data, features: ['Run', 'pt1', 'pt2'] })
    expect(input.featureNames).toEqual(['Run', 'pt1', 'pt2'])
    expect(input.parameters.leftOutIdentifiers).toBeUndefined()
  })

  it('recognises the lepton from the file name, or asks', () => {
    const columns = ['Run', 'Event', 'pt1', 'eta1', 'phi1', 'Q1', 'pt2', 'eta2', 'phi2', 'Q2']
    expect(recogniseTable(columns, 'Zee_Run2011A.csv')?.from).toBe('cms-dielectron')
    expect(recogniseTable(columns, 'Zmumu_Run2011A.csv')?.from).toBe('cms-dimuon')
    expect(recogniseTable(columns, 'pairs.csv')?.from).toBe('cms-dilepton')
    expect(recogniseTable(['pt1', 'eta1'], 'Zmumu.csv')).toBeNull()
  })
})
