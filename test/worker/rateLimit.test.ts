import { describe, expect, it } from 'vitest'
import { client, errorOf } from './client.js'

describe('per-client rate limiting', () => {
  it('answers 429 with Retry-After and a JSON error past the limit, per client IP', async () => {
    const api = client('10.0.5.1')
    const low = { RATE_LIMIT_REQUESTS: '3' }
    for (let i = 0; i < 3; i++) expect((await api.fetch('/api/v1/health', {}, low)).status).toBe(200)
    const limited = await api.fetch('/api/v1/health', {}, low)
    expect(limited.status).toBe(429)
    const retryAfter = Number(limited.headers.get('retry-after'))
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true)
    expect(limited.headers.get('access-control-allow-origin')).toBe('*')
    const error = await errorOf(limited)
    expect(error.code).toBe('rate_limited')
    expect(error.message).toMatch(/3 requests per 60 s/)
    // Another client has its own window.
    expect((await client('10.0.5.2').fetch('/api/v1/health', {}, low)).status).toBe(200)
  })

  it('limits analyses separately and more tightly', async () => {
    const api = client('10.0.5.3')
    const low = { RATE_LIMIT_ANALYSES: '1' }
    const body = JSON.stringify({ dataset: { generator: { name: 'circle', n: 10 } } })
    const post = () => api.fetch('/api/v1/analyses', { method: 'POST', headers: { 'content-type': 'application/json' }, body }, low)
    expect((await post()).status).toBe(400) // counted, then refused: too few events (n = 10) for an analysis
    const limited = await post()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await api.fetch('/api/v1/datasets', {}, low)).status).toBe(200)
  })
})
