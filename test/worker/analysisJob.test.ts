// A job too large for one request: queued, then trained in slices by its Durable Object's alarms, which the test runs
// itself (vitest.config.ts delays them so they never fire on their own).
import { runDurableObjectAlarm } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { readCsv } from '../../core/csv/readCsv.js'
import { reportSchema } from '../../core/report/schema.js'
import type { JobStatus } from '../../worker/schemas/analysis.js'
import { npyBytes } from '../core/io/plainWriters.js'
import { withoutTimings } from '../withoutTimings.js'
import { client, type Overrides } from './client.js'

const api = client('10.0.4.1')
const budget: Overrides = { STEP_BUDGET: '3' }

const stubOf = (id: string) => env.ANALYSIS_JOBS.get(env.ANALYSIS_JOBS.idFromName(id))

async function poll(id: string): Promise<JobStatus> {
  const response = await api.get(`/api/v1/analyses/${id}`)
  expect(response.status).toBe(200)
  return (await response.json()) as JobStatus
}

/** Submits, checks the 202, runs slices until done while checking each status; returns the statuses seen. */
async function runJob(body: unknown): Promise<{ id: string; seen: JobStatus[] }> {
  const submitted = await api.post('/api/v1/analyses', body, budget)
  expect(submitted.status).toBe(202)
  const queued = (await submitted.json()) as JobStatus
  expect(queued.status).toBe('queued')
  expect(submitted.headers.get('location')).toBe(`/api/v1/analyses/${queued.id}`)
  const seen = [await poll(queued.id)]
  while (seen.at(-1)!.status === 'queued' || seen.at(-1)!.status === 'running') {
    expect(await runDurableObjectAlarm(stubOf(queued.id))).toBe(true)
    const status = await stubOf(queued.id).status()
    expect(status).not.toBeNull()
    seen.push(status!)
    expect(seen.length).toBeLessThan(20)
  }
  return { id: queued.id, seen }
}

describe('an analysis job', () => {
  it('goes queued → running → done in slices within the step budget, and its report validates', async () => {
    const body = { dataset: { generator: { name: 'circle', n: 600, seed: 8 } }, config: { epochs: 8, seed: 201 } }
    const { id, seen } = await runJob(body)
    expect(seen.map((s) => s.status)).toEqual(['queued', 'running', 'running', 'done'])
    expect(seen.map((s) => s.progress.steps)).toEqual([0, 3, 6, 8])
    expect(seen.at(-1)).toMatchObject({ slices: 3, largestSliceSteps: 3, stepBudget: 3, progress: { totalSteps: 8 } })
    for (const status of seen) expect(status.largestSliceSteps).toBeLessThanOrEqual(3)

    const done = await api.get(`/api/v1/analyses/${id}`)
    expect(done.status).toBe(200)
    expect(done.headers.get('etag')).toBe(`"${id}"`)
    const text = await done.text()
    const report = reportSchema.parse(JSON.parse(text))
    expect(report.id).toBe(id)
    expect(report.training.steps).toBe(8)
    expect(report.training.history).toHaveLength(8)

    // The same request again is answered from the store: the job's bytes, nothing trained.
    const again = await api.post('/api/v1/analyses', body, budget)
    expect(again.status).toBe(200)
    expect(again.headers.get('x-symscope-cache')).toBe('hit')
    expect(await again.text()).toBe(text)
  })

  it('keeps CSV data in its storage across slices', async () => {
    const csv = await (await api.post('/api/v1/datasets/disk/events', { n: 600, seed: 9 })).text()
    const { id, seen } = await runJob({ dataset: { csv }, config: { epochs: 4, seed: 202 } })
    expect(seen.at(-1)).toMatchObject({ status: 'done', slices: 2, largestSliceSteps: 3 })
    const report = reportSchema.parse(await (await api.get(`/api/v1/analyses/${id}`)).json())
    expect(report.dataset).toMatchObject({ source: 'file', format: 'csv', name: 'upload', truth: ['truth_radius', 'truth_theta'] })
  })

  it('a second submission of a queued job answers its status instead of starting another', async () => {
    const body = { dataset: { generator: { name: 'circle', n: 600, seed: 10 } }, config: { epochs: 5, seed: 203 } }
    const first = (await (await api.post('/api/v1/analyses', body, budget)).json()) as JobStatus
    await runDurableObjectAlarm(stubOf(first.id))
    const second = await api.post('/api/v1/analyses', body, budget)
    expect(second.status).toBe(202)
    expect((await second.json()) as JobStatus).toMatchObject({ id: first.id, status: 'running', progress: { steps: 3 } })
  })
})

describe('an analysis job of a binary upload', () => {
  it('keeps the uploaded bytes in its storage across slices and reports what the JSON CSV would, its format named', async () => {
    const csv = await (await api.post('/api/v1/datasets/disk/events', { n: 600, seed: 11 })).text()
    const table = readCsv(csv)
    const rows = Array.from({ length: table.n }, (_, i) => [...table.features.subarray(2 * i, 2 * i + 2), ...table.truth.subarray(2 * i, 2 * i + 2)]).flat()
    const bytes = npyBytes(rows, [table.n, 4], '<f8')
    const submitted = await api.fetch(
      `/api/v1/analyses?format=npy&name=disk&columns=x1,x2,truth_radius,truth_theta&config=${encodeURIComponent(JSON.stringify({ epochs: 4, seed: 204 }))}`,
      { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes as BufferSource },
      budget,
    )
    expect(submitted.status).toBe(202)
    const { id } = (await submitted.json()) as JobStatus
    for (let slice = 0; slice < 2; slice++) expect(await runDurableObjectAlarm(stubOf(id))).toBe(true)
    expect(await stubOf(id).status()).toMatchObject({ status: 'done', slices: 2 })
    const report = reportSchema.parse(await (await api.get(`/api/v1/analyses/${id}`)).json())
    expect(report.dataset).toMatchObject({ name: 'disk', n: 600, features: ['x1', 'x2'], truth: ['truth_radius', 'truth_theta'] })
    expect(report.dataset).toMatchObject({ source: 'file', format: 'npy' })
    // The same events as CSV text are the same data: the same report but for the format it names, hence its own id.
    const asCsv = await api.post('/api/v1/analyses', { dataset: { csv, name: 'disk.csv' }, config: { epochs: 4, seed: 204 } }, budget)
    expect(asCsv.status).toBe(202)
    const { id: csvId } = (await asCsv.json()) as JobStatus
    for (let slice = 0; slice < 2; slice++) expect(await runDurableObjectAlarm(stubOf(csvId))).toBe(true)
    const csvReport = reportSchema.parse(await (await api.get(`/api/v1/analyses/${csvId}`)).json())
    expect(csvReport.dataset.format).toBe('csv')
    expect(csvReport.id).not.toBe(id)
    const normalised = (r: typeof report) => ({ ...withoutTimings(r), id: '', dataset: { ...r.dataset, format: undefined } })
    expect(normalised(csvReport)).toEqual(normalised(report))
  })
})
