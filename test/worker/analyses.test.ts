import { describe, expect, it } from 'vitest'
import { reportSchema } from '../../core/report/schema.js'
import { STEP_BUDGET } from '../../worker/limits.js'
import { client, errorOf } from './client.js'

const api = client('10.0.3.1')

/** A tiny training: 600 circle events leave 480 for training, one batch of 256 per epoch. */
const tiny = (epochs: number, seed: number) => ({ dataset: { generator: { name: 'circle', n: 600, seed: 4 } }, config: { epochs, seed } })

describe('POST /api/v1/analyses', () => {
  it('trains a small analysis in the request, then answers the same request from the store with the same bytes', async () => {
    const first = await api.post('/api/v1/analyses', tiny(2, 101))
    expect(first.status).toBe(200)
    expect(first.headers.get('x-symscope-cache')).toBe('miss')
    expect(Number(first.headers.get('x-symscope-steps'))).toBe(2)
    const text = await first.text()
    const report = reportSchema.parse(JSON.parse(text))
    expect(report.training.backend).toBe('fused')
    expect(report.training.steps).toBe(2)
    expect(first.headers.get('etag')).toBe(`"${report.id}"`)
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')

    const second = await api.post('/api/v1/analyses', tiny(2, 101))
    expect(second.status).toBe(200)
    expect(second.headers.get('x-symscope-cache')).toBe('hit')
    expect(second.headers.get('x-symscope-steps')).toBe('0')
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(await second.text()).toBe(text)
  })

  it('serves the report by id with its ETag, and 304 for If-None-Match', async () => {
    const posted = await api.post('/api/v1/analyses', tiny(2, 102))
    const text = await posted.text()
    const { id } = JSON.parse(text) as { id: string }
    const got = await api.get(`/api/v1/analyses/${id}`)
    expect(got.status).toBe(200)
    expect(got.headers.get('x-symscope-cache')).toBe('hit')
    expect(await got.text()).toBe(text)
    const again = await api.get(`/api/v1/analyses/${id}`, { 'if-none-match': `"${id}"` })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(`"${id}"`)
    expect(await again.text()).toBe('')
  })

  it('analyses CSV text with its column roles', async () => {
    const csv = await (await api.post('/api/v1/datasets/circle/events', { n: 600, seed: 5, params: { noise: 0.01 } })).text()
    const response = await api.post('/api/v1/analyses', { dataset: { csv, name: 'ring.csv' }, config: { epochs: 2, seed: 103, angular: ['truth_theta'] } })
    expect(response.status).toBe(200)
    const report = reportSchema.parse(await response.json())
    expect(report.dataset).toMatchObject({ name: 'ring', source: 'file', format: 'csv', n: 600, features: ['x1', 'x2'], truth: ['truth_theta'] })
    expect(report.correlations.every((c) => c.truth === 'truth_theta')).toBe(true)
  })

  it('trains up to the step budget in the request and queues one step more', async () => {
    const budget = { STEP_BUDGET: '4' }
    const within = await api.post('/api/v1/analyses', tiny(4, 104), budget)
    expect(within.status).toBe(200)
    expect(Number(within.headers.get('x-symscope-steps'))).toBe(4)
    const over = await api.post('/api/v1/analyses', tiny(5, 104), budget)
    expect(over.status).toBe(202)
    expect(over.headers.get('x-symscope-steps')).toBe('0')
  })

  it('never trains more than the real step budget in a request: one step past it is queued', async () => {
    const response = await api.post('/api/v1/analyses', tiny(STEP_BUDGET + 1, 105))
    expect(response.status).toBe(202)
    expect(response.headers.get('x-symscope-steps')).toBe('0')
    const status = (await response.json()) as { id: string; status: string; progress: { steps: number; totalSteps: number } }
    expect(status).toMatchObject({ status: 'queued', progress: { steps: 0, totalSteps: STEP_BUDGET + 1 } })
    expect(response.headers.get('location')).toBe(`/api/v1/analyses/${status.id}`)
    const polled = await api.get(`/api/v1/analyses/${status.id}`)
    expect(polled.status).toBe(200)
    expect(((await polled.json()) as { status: string }).status).toBe('queued')
  })

  it('refuses a training larger than the largest job with 413 pointing to the local client', async () => {
    const response = await api.post('/api/v1/analyses', { dataset: { generator: { name: 'circle', n: 10_000 } }, config: { epochs: 2000, samples: 100_000_000 } })
    expect(response.status).toBe(413)
    const error = await errorOf(response)
    expect(error.code).toBe('too_large')
    expect(error.message).toMatch(/62000 optimiser steps/)
    expect(error.message).toMatch(/npx symscope analyze/)
  })
})

describe('GET /api/v1/analyses/{id}', () => {
  it('answers 404 for an id never submitted', async () => {
    const response = await api.get(`/api/v1/analyses/${'0'.repeat(64)}`)
    expect(response.status).toBe(404)
    expect((await errorOf(response)).code).toBe('not_found')
  })
})
