import { describe, expect, it } from 'vitest'
import { client, errorOf } from './client.js'

const api = client('10.0.1.1')

describe('GET /api/v1/health', () => {
  it('answers ok with the version and a loaded wasm module', async () => {
    const response = await api.get('/api/v1/health')
    expect(response.status).toBe(200)
    const body = (await response.json()) as { status: string; wasmMemoryBytes: number }
    expect(body.status).toBe('ok')
    expect(body.wasmMemoryBytes).toBeGreaterThan(0)
  })
  it('answers HEAD like GET, without a body', async () => {
    const response = await api.fetch('/api/v1/health', { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })
  it('answers another method with a JSON 405 naming the allowed ones', async () => {
    const response = await api.fetch('/api/v1/health', { method: 'POST' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    expect((await errorOf(response)).code).toBe('method_not_allowed')
  })
  it('answers an unknown route with a JSON 404', async () => {
    const response = await api.get('/api/v1/nope')
    expect(response.status).toBe(404)
    expect((await errorOf(response)).code).toBe('not_found')
  })
})
