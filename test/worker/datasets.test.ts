import { describe, expect, it } from 'vitest'
import { datasetNames, readCsv } from '../../core/index.js'
import { client } from './client.js'

const api = client('10.0.2.1')

interface Listed {
  name: string
  features: string[]
  truth: string[]
  angularTruth: string[]
  degreesOfFreedom: number
  parameters: { name: string; type: string; default: unknown; minimum?: number; maximum?: number; unit?: string; description: string }[]
}

describe('GET /api/v1/datasets', () => {
  it('lists every registry dataset with its truth and parameter schema', async () => {
    const response = await api.get('/api/v1/datasets')
    expect(response.status).toBe(200)
    const { datasets } = (await response.json()) as { datasets: Listed[] }
    expect(datasets.map((d) => d.name)).toEqual(datasetNames())
    const eeMumu = datasets.find((d) => d.name === 'ee_mumu')!
    expect(eeMumu.degreesOfFreedom).toBe(2)
    expect(eeMumu.features).toHaveLength(8)
    expect(eeMumu.angularTruth).toEqual(['truth_phi'])
    const sqrtS = eeMumu.parameters.find((p) => p.name === 'sqrtS')!
    expect(sqrtS).toMatchObject({ type: 'number', default: 10, maximum: 1e5, unit: 'GeV' })
    expect(sqrtS.description).toMatch(/√s/)
  })
})

describe('POST /api/v1/datasets/{name}/events', () => {
  it('answers CSV: a header of features then truth, n rows, the same bytes for the same seed', async () => {
    const body = { n: 250, seed: 7, params: { sqrtS: 91.19, z: true } }
    const first = await api.post('/api/v1/datasets/ee_mumu/events', body)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toMatch(/^text\/csv/)
    const text = await first.text()
    const table = readCsv(text)
    expect(table.n).toBe(250)
    expect(table.featureNames).toEqual(['E1', 'px1', 'py1', 'pz1', 'E2', 'px2', 'py2', 'pz2'])
    expect(table.truthNames).toEqual(['truth_cosTheta', 'truth_phi'])
    expect(table.features[0]).toBeCloseTo(91.19 / 2, 10) // E of μ⁻ at rest in the centre-of-mass frame
    expect(await (await api.post('/api/v1/datasets/ee_mumu/events', body)).text()).toBe(text)
  })
  it('answers JSON as flat row-major arrays equal to the CSV', async () => {
    const csv = readCsv(await (await api.post('/api/v1/datasets/disk/events', { n: 40, seed: 3 })).text())
    const response = await api.post('/api/v1/datasets/disk/events', { n: 40, seed: 3, format: 'json' })
    expect(response.status).toBe(200)
    const events = (await response.json()) as { n: number; featureNames: string[]; truthNames: string[]; features: number[]; truth: number[]; params: object }
    expect(events.n).toBe(40)
    expect(events.params).toEqual({ radius: 1 })
    expect(events.featureNames).toEqual(['x1', 'x2'])
    expect(events.features).toEqual(Array.from(csv.features))
    expect(events.truth).toEqual(Array.from(csv.truth))
  })
  it('takes the defaults for an empty body (1000 events, seed 1, CSV)', async () => {
    const response = await api.post('/api/v1/datasets/circle/events', {})
    expect(response.status).toBe(200)
    expect(readCsv(await response.text()).n).toBe(1000)
  })
  it('generates the largest allowed request, 100,000 events', async () => {
    const response = await api.post('/api/v1/datasets/circle/events', { n: 100_000, format: 'json' })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { features: number[] }).features).toHaveLength(200_000)
  })
})
