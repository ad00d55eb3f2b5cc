// POST /api/v1/analyses with a binary body: Parquet or .npy bytes (application/octet-stream), the format and the
// settings in the query. The same events as the CSV text are the same data (the same report but for the format it names); bad bytes are a 4xx, one line,
// and nothing is stored.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { readCsv } from '../../core/csv/readCsv.js'
import { reportSchema } from '../../core/report/schema.js'
import { MAX_UPLOAD_BYTES } from '../../worker/limits.js'
import { npyBytes, parquetBytes } from '../core/io/plainWriters.js'
import { withoutTimings } from '../withoutTimings.js'
import { client, errorOf } from './client.js'

const api = client('10.0.10.1')

const upload = (query: string, body: Uint8Array, contentType = 'application/octet-stream') =>
  api.fetch(`/api/v1/analyses?${query}`, { method: 'POST', headers: { 'content-type': contentType }, body: body as BufferSource })

const config = (settings: object) => `config=${encodeURIComponent(JSON.stringify(settings))}`

async function circleCsv(seed: number): Promise<string> {
  return (await api.post('/api/v1/datasets/circle/events', { n: 600, seed, params: { noise: 0.01 } })).text()
}

const storedReports = async () => (await env.REPORTS.list()).objects.length

describe('a binary upload to POST /api/v1/analyses', () => {
  it('analyses a Parquet file, and the same events as CSV text are the same analysis but for the format it names (and so its id)', async () => {
    const csv = await circleCsv(21)
    const table = readCsv(csv)
    const bytes = parquetBytes({
      x1: Array.from({ length: table.n }, (_, i) => table.features[2 * i]),
      x2: Array.from({ length: table.n }, (_, i) => table.features[2 * i + 1]),
      truth_theta: table.truth,
    })
    const response = await upload(`format=parquet&name=ring.parquet&angular=truth_theta&${config({ epochs: 2, seed: 301 })}`, bytes)
    expect(response.status).toBe(200)
    expect(response.headers.get('x-symscope-cache')).toBe('miss')
    const text = await response.text()
    const report = reportSchema.parse(JSON.parse(text))
    expect(report.dataset).toMatchObject({ name: 'ring', source: 'file', format: 'parquet', n: 600, features: ['x1', 'x2'], truth: ['truth_theta'] })
    const asCsv = await api.post('/api/v1/analyses', { dataset: { csv, name: 'ring.csv' }, config: { epochs: 2, seed: 301, angular: ['truth_theta'] } })
    expect(asCsv.headers.get('x-symscope-cache')).toBe('miss')
    const csvReport = reportSchema.parse(await asCsv.json())
    expect(csvReport.id).not.toBe(report.id)
    const normalised = (r: typeof report) => ({ ...withoutTimings(r), id: '', dataset: { ...r.dataset, format: undefined } })
    expect(normalised(csvReport)).toEqual(normalised(report))
  })

  it('analyses an .npy array with its columns named in the query', async () => {
    const table = readCsv(await circleCsv(22))
    const response = await upload(`format=npy&columns=x1,x2&${config({ epochs: 2, seed: 302 })}`, npyBytes(table.features, [table.n, 2], '<f4'))
    expect(response.status).toBe(200)
    expect(reportSchema.parse(await response.json()).dataset).toMatchObject({ name: 'upload', features: ['x1', 'x2'] })
  })

  const good = npyBytes(Array.from({ length: 1200 }, (_, i) => Math.sin(i)), [600, 2], '<f8')
  const cases: [string, string, () => Uint8Array, number, string, RegExp][] = [
    ['no format', '', () => good, 400, 'invalid_request', /format/],
    ['HDF5 (not read by the API)', 'format=hdf5', () => good, 400, 'invalid_request', /format/],
    ['an unknown query key', 'format=npy&epochs=3', () => good, 400, 'invalid_request', /epochs/],
    ['config that is not JSON', 'format=npy&config=%7Bepochs', () => good, 400, 'bad_request', /config: the query parameter is not JSON text/],
    ['a bad setting in config', `format=npy&${config({ epochs: 0 })}`, () => good, 400, 'invalid_request', /epochs/],
    ['an empty body', 'format=npy', () => new Uint8Array(0), 400, 'invalid_request', /body: empty/],
    ['a truncated .npy', 'format=npy', () => good.subarray(0, 700), 422, 'invalid_data', /upload: truncated: shape \(600, 2\) of f8 needs 9600 data bytes/],
    ['Parquet bytes sent as .npy', 'format=npy', () => parquetBytes({ a: [1, 2] }), 422, 'invalid_data', /not a .npy file/],
    ['a file over the upload limit', 'format=npy', () => new Uint8Array(MAX_UPLOAD_BYTES + 1), 413, 'too_large', new RegExp(`exceeds ${MAX_UPLOAD_BYTES} bytes`)],
  ]
  it.each(cases)('%s: %i %s, one line, nothing stored', async (_name, query, body, status, code, message) => {
    const before = await storedReports()
    const response = await upload(query, body())
    expect(response.status).toBe(status)
    const error = await errorOf(response)
    expect(error.code).toBe(code)
    expect(error.message).toMatch(message)
    expect(error.message).not.toContain('\n')
    expect(await storedReports()).toBe(before)
  })

  it('never answers a 5xx to truncated or corrupted Parquet and .npy bytes', async () => {
    const parquet = parquetBytes({ x1: Array.from({ length: 600 }, (_, i) => Math.cos(i)), x2: Array.from({ length: 600 }, (_, i) => Math.sin(i)) })
    const statuses = new Set<number>()
    for (const [format, bytes] of [['parquet', parquet], ['npy', good]] as const) {
      for (let k = 0; k < 12; k++) {
        // truncations at spread-out lengths, then single flipped bytes across the file
        const broken = k < 6 ? bytes.slice(0, Math.floor((bytes.length * (k + 1)) / 7)) : bytes.slice()
        if (k >= 6) broken[Math.floor((bytes.length * (k - 5)) / 7)] ^= 0xff
        const response = await upload(`format=${format}&${config({ epochs: 1, seed: 303 })}`, broken)
        statuses.add(response.status)
        expect(response.status, `${format} case ${k}`).toBeLessThan(500)
        if (response.status !== 200) expect((await errorOf(response)).message).not.toContain('\n')
        else await response.body?.cancel()
      }
    }
    expect([...statuses].some((s) => s >= 400)).toBe(true)
  })
})
