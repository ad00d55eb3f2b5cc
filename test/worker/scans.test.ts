// Scans through the API: POST /api/v1/scans fans the points out as analysis jobs, which the test drives by running
// their alarms (vitest.config.ts delays them so they never fire on their own); GET /api/v1/scans/{id} answers the
// progress, then the scan. The points are the CLI's: the same report ids, the same relevances.
import { runDurableObjectAlarm } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { scanSchema } from '../../core/report/scanSchema.js'
import type { ScanStatus } from '../../worker/schemas/scan.js'
import { client, errorOf, type Overrides } from './client.js'

const api = client('10.0.9.1')
const budget: Overrides = { STEP_BUDGET: '4' }
const stubOf = (id: string) => env.ANALYSIS_JOBS.get(env.ANALYSIS_JOBS.idFromName(id))

/** Runs every queued point's job to the end. */
async function drive(status: ScanStatus): Promise<void> {
  for (const point of status.points) {
    if (point.status === 'done') continue
    for (let slice = 0; slice < 20; slice++) {
      expect(await runDurableObjectAlarm(stubOf(point.id))).toBe(true)
      const job = await stubOf(point.id).status()
      expect(job!.status).not.toBe('failed')
      if (job!.status === 'done') break
    }
  }
}

const dataset = { generator: { name: 'circle', n: 600, seed: 5 } }
const config = { epochs: 3 }

describe('POST /api/v1/scans', () => {
  it('queues one job per point, answers progress, then the scan; a second scan trains nothing and an overlapping one only its new points', async () => {
    const body = { dataset, grid: { beta: [0.05, 0.5], seeds: [1, 2] }, config }
    const submitted = await api.post('/api/v1/scans', body, budget)
    expect(submitted.status).toBe(202)
    const queued = (await submitted.json()) as ScanStatus
    expect(submitted.headers.get('location')).toBe(`/api/v1/scans/${queued.id}`)
    expect(queued.progress).toEqual({ done: 0, points: 4 })
    expect(queued.points.map((p) => [p.beta, p.seed, p.status])).toEqual([[0.05, 1, 'queued'], [0.05, 2, 'queued'], [0.5, 1, 'queued'], [0.5, 2, 'queued']])
    const polled = await api.get(`/api/v1/scans/${queued.id}`)
    expect(polled.status).toBe(200)
    expect(((await polled.json()) as ScanStatus).status).toBe('running')

    await drive(queued)
    const done = await api.get(`/api/v1/scans/${queued.id}`)
    expect(done.status).toBe(200)
    const text = await done.text()
    const scan = scanSchema.parse(JSON.parse(text))
    expect(scan.id).toBe(queued.id)
    expect(scan.points.map((p) => p.id)).toEqual(queued.points.map((p) => p.id))
    // Each point is an ordinary analysis: POST /analyses with its settings is answered from the store.
    const point = await api.post('/api/v1/analyses', { dataset, config: { ...config, beta: 0.5, seed: 2 } })
    expect(point.headers.get('x-symscope-cache')).toBe('hit')
    expect(((await point.json()) as { id: string }).id).toBe(scan.points[3].id)

    // The same scan again: every point from the store, the scan at once, the same bytes.
    const again = await api.post('/api/v1/scans', body, budget)
    expect(again.status).toBe(200)
    expect(await again.text()).toBe(text)
    // An overlapping scan: only its new β is queued.
    const overlap = await api.post('/api/v1/scans', { dataset, grid: { beta: [0.05, 0.2], seeds: [1, 2] }, config }, budget)
    expect(overlap.status).toBe(202)
    const partial = (await overlap.json()) as ScanStatus
    expect(partial.points.map((p) => p.status)).toEqual(['done', 'done', 'queued', 'queued'])
  }, 240_000)

  it('gives the points the CLI gives: the same ids and relevances (test/worker/fixtures/cliScan.json)', async () => {
    // Made by: symscope scan circle --n 600 --seed 5 --epochs 3 --beta 0.05,0.5 --seeds 2 --jobs 2 (seeds 5, 6; the data seed 5).
    const cli = (await import('./fixtures/cliScan.json')).default as { points: { id: string; relevances: number[] }[]; id: string }
    const body = { dataset, grid: { beta: [0.05, 0.5], seeds: [5, 6] }, config }
    const submitted = await api.post('/api/v1/scans', body, budget)
    const status = (await submitted.json()) as ScanStatus
    await drive(status)
    const scan = scanSchema.parse(await (await api.get(`/api/v1/scans/${status.id}`)).json())
    expect(scan.id).toBe(cli.id)
    expect(scan.points.map((p) => p.id)).toEqual(cli.points.map((p) => p.id))
    scan.points.forEach((p, i) => p.relevances.forEach((r, k) => expect(Math.abs(r - cli.points[i].relevances[k])).toBeLessThan(1e-6)))
  }, 240_000)

  it('refuses bad grids with a 4xx and queues nothing', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ dataset, grid: { beta: [0] }, config }, 400, /every β must be a number > 0/],
      [{ dataset, grid: { beta: '0.1:1:65' }, config }, 400, /integer from 1 to 64/],
      [{ dataset, grid: { beta: [0.1, 0.1] }, config }, 400, /repeats/],
      [{ dataset, grid: { beta: '0.01:1:13', seeds: [1, 2] }, config }, 413, /26 points .*at most 24/],
      [{ dataset, grid: { beta: [0.1] }, config: { epochs: 3, beta: 0.2 } }, 400, /comes from the grid/],
      [{ dataset: { generator: { name: 'circle', n: 100_000 } }, grid: { beta: [0.1] }, config: { epochs: 2000, samples: 100_000_000 } }, 413, /largest job/],
    ]
    for (const [body, status, message] of cases) {
      const response = await api.post('/api/v1/scans', body, budget)
      expect(response.status, JSON.stringify(body)).toBe(status)
      expect((await errorOf(response)).message).toMatch(message)
    }
    expect((await api.get(`/api/v1/scans/${'0'.repeat(64)}`)).status).toBe(404)
  }, 120_000)

  it('counts a scan as its points against the analyses rate limit', async () => {
    const limited = client('10.0.9.2')
    const response = await limited.post('/api/v1/scans', { dataset, grid: { beta: [0.05, 0.5], seeds: [7, 8] }, config }, { ...budget, RATE_LIMIT_ANALYSES: '3' })
    expect(response.status).toBe(429)
    expect((await errorOf(response)).message).toMatch(/counts as 4/)
  })
})
