import { describe, expect, it } from 'vitest'
import { client } from './client.js'

const api = client('10.0.6.1')

type Json = Record<string, any>

describe('GET /api/v1/openapi.json', () => {
  it('documents every route with schemas generated from the validators', async () => {
    const response = await api.get('/api/v1/openapi.json')
    expect(response.status).toBe(200)
    const doc = (await response.json()) as Json
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/api/v1/analyses', '/api/v1/analyses/{id}', '/api/v1/scans', '/api/v1/scans/{id}', '/api/v1/datasets', '/api/v1/datasets/{name}/events', '/api/v1/docs', '/api/v1/health', '/api/v1/openapi.json'].sort(),
    )
    const schemas = doc.components.schemas as Json
    for (const id of ['AnalysisRequest', 'AnalysisConfig', 'GeneratorSource', 'DatasetSource', 'EventsRequest', 'Report', 'AnalysisJob', 'Error', 'DatasetList']) {
      expect(schemas[id], id).toBeDefined()
    }
    // The same numbers the validators enforce: core's VAE ranges with the server's caps, defaults as documented.
    expect(schemas.AnalysisConfig.additionalProperties).toBe(false)
    expect(schemas.AnalysisConfig.properties.hidden).toMatchObject({ type: 'integer', minimum: 1, maximum: 256 })
    expect(schemas.AnalysisConfig.properties.latent).toMatchObject({ minimum: 1, maximum: 64 })
    expect(schemas.EventsRequest.properties.n).toMatchObject({ minimum: 1, maximum: 100000, default: 1000 })
    expect(schemas.EventsRequest.properties.format.enum).toEqual(['csv', 'json'])
    expect(schemas.GeneratorSource.properties.n.default).toBe(10000)
    expect(schemas.Report.required).toContain('latents')
    // The binary upload: a body of bytes, its format among those the worker reads, named in the query.
    const analyses = doc.paths['/api/v1/analyses'].post
    expect(Object.keys(analyses.requestBody.content)).toEqual(['application/json', 'application/octet-stream'])
    expect(analyses.parameters.find((p: Json) => p.name === 'format').schema.enum).toEqual(['parquet', 'npy', 'npz'])
    // Every $ref resolves.
    for (const match of JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) expect(schemas[match[1]], match[1]).toBeDefined()
  })
})

describe('GET /api/v1/docs', () => {
  it('is a readable page of the endpoints, with curl examples, limits and error codes, cross-origin isolated', async () => {
    const response = await api.get('/api/v1/docs')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp')
    const html = await response.text()
    expect(html).toContain('curl -i -X POST http://symscope.test/api/v1/analyses')
    expect(html).toContain('/api/v1/datasets/{name}/events')
    expect(html).toContain('STEP_BUDGET')
    expect(html).toContain('rate_limited')
  })
})

describe('the web client and CORS', () => {
  it('serves the static client at / with COOP/COEP', async () => {
    const response = await api.get('/')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp')
    expect(await response.text()).toMatch(/<html/i)
  })
  it('answers a missing file with a JSON 404', async () => {
    const response = await api.get('/no-such-page.html')
    expect(response.status).toBe(404)
    expect(((await response.json()) as Json).error.code).toBe('not_found')
  })
  it('answers preflight requests for any origin and exposes the API headers', async () => {
    const preflight = await api.fetch('/api/v1/analyses', {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type')
    const response = await api.fetch('/api/v1/datasets', { headers: { origin: 'https://example.org' } })
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-expose-headers')).toMatch(/x-symscope-cache/)
    expect(response.headers.get('access-control-expose-headers')).toMatch(/ETag/)
  })
})
