import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

describe('GET /api/v1/health', () => {
  it('answers ok with the version and a loaded wasm module', async () => {
    const response = await exports.default.fetch('http://symscope.test/api/v1/health')
    expect(response.status).toBe(200)
    const body = (await response.json()) as { status: string; wasmMemoryBytes: number }
    expect(body.status).toBe('ok')
    expect(body.wasmMemoryBytes).toBeGreaterThan(0)
  })
  it('answers an unknown route with a JSON 404', async () => {
    const response = await exports.default.fetch('http://symscope.test/api/v1/nope')
    expect(response.status).toBe(404)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })
})
