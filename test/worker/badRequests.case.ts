// The shared bad-input suite (after Hono's common router suite): every case is one malformed request and the
// documented 4xx JSON error it must get. None may get a 5xx. Run per route by badRequests.test.ts.
import { describe, expect, it } from 'vitest'
import { client } from './client.js'

export interface BadRequestCase {
  name: string
  method?: string
  path: string
  /** A JSON value (sent as JSON), or raw text sent as is. */
  body?: unknown
  raw?: string
  headers?: Record<string, string>
  status: number
  code: string
  message?: RegExp
}

const EVENTS = '/api/v1/datasets/circle/events'
const ANALYSES = '/api/v1/analyses'
const json = { 'content-type': 'application/json' }
const generator = (fields: object, config: object = {}) => ({ dataset: { generator: { name: 'circle', n: 600, ...fields } }, config: { epochs: 1, ...config } })
const csv = (text: string, config: object = {}) => ({ dataset: { csv: text }, config: { epochs: 1, ...config } })
const ring = (rows: number) => 'x1,x2\n' + Array.from({ length: rows }, (_, i) => `${Math.cos(i)},${Math.sin(i)}`).join('\n') + '\n'

export const eventsCases: BadRequestCase[] = [
  { name: 'malformed JSON', path: EVENTS, raw: '{"n": 10,', status: 400, code: 'bad_request', message: /Malformed JSON/ },
  { name: 'an empty JSON body', path: EVENTS, raw: '', status: 400, code: 'bad_request' },
  { name: 'a JSON array for a body', path: EVENTS, body: [], status: 400, code: 'invalid_request' },
  { name: 'n as a string', path: EVENTS, body: { n: '10' }, status: 400, code: 'invalid_request', message: /^n: / },
  { name: 'n = 0', path: EVENTS, body: { n: 0 }, status: 400, code: 'invalid_request', message: /^n: / },
  { name: 'n negative', path: EVENTS, body: { n: -5 }, status: 400, code: 'invalid_request' },
  { name: 'n not an integer', path: EVENTS, body: { n: 1.5 }, status: 400, code: 'invalid_request' },
  { name: 'n too large', path: EVENTS, body: { n: 100_001 }, status: 413, code: 'too_large', message: /100,000 events per request/ },
  { name: 'a negative seed', path: EVENTS, body: { seed: -1 }, status: 400, code: 'invalid_request', message: /^seed: / },
  { name: 'an unknown format', path: EVENTS, body: { format: 'xml' }, status: 400, code: 'invalid_request', message: /^format: / },
  { name: 'an unknown body key', path: EVENTS, body: { count: 5 }, status: 400, code: 'invalid_request', message: /count/ },
  { name: 'params not an object', path: EVENTS, body: { params: 3 }, status: 400, code: 'invalid_request', message: /^params: / },
  { name: 'a parameter of the wrong JSON type', path: EVENTS, body: { params: { radius: 'big' } }, status: 400, code: 'invalid_request', message: /params\.radius/ },
  { name: 'an unknown parameter', path: EVENTS, body: { params: { speed: 1 } }, status: 400, code: 'unknown_parameter', message: /'speed'/ },
  { name: 'a parameter out of range', path: EVENTS, body: { params: { radius: -1 } }, status: 400, code: 'invalid_parameter', message: /'radius'/ },
  { name: 'a boolean for a number parameter', path: EVENTS, body: { params: { noise: true } }, status: 400, code: 'invalid_parameter', message: /'noise'/ },
  {
    name: 'parameters inconsistent together',
    path: '/api/v1/datasets/drell_yan/events',
    body: { params: { mMin: 120, mMax: 60 } },
    status: 400,
    code: 'invalid_parameter',
    message: /mMin/,
  },
  { name: 'an unknown dataset', path: '/api/v1/datasets/nope/events', body: {}, status: 404, code: 'unknown_dataset', message: /'nope'/ },
  { name: 'a text/plain body', path: EVENTS, raw: '{}', headers: { 'content-type': 'text/plain' }, status: 415, code: 'unsupported_media_type' },
  { name: 'a form body', path: EVENTS, raw: 'n=5', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415, code: 'unsupported_media_type' },
  { name: 'no content type', path: EVENTS, raw: '{}', headers: { 'content-type': '' }, status: 415, code: 'unsupported_media_type' },
  { name: 'an oversized body', path: EVENTS, body: { n: 5, params: {}, pad: 'x'.repeat(70 * 1024) }, status: 413, code: 'too_large', message: /65536 bytes/ },
  { name: 'GET on a POST route', method: 'GET', path: EVENTS, status: 405, code: 'method_not_allowed' },
  { name: 'DELETE on the list', method: 'DELETE', path: '/api/v1/datasets', status: 405, code: 'method_not_allowed' },
]

export const analysesCases: BadRequestCase[] = [
  { name: 'malformed JSON', path: ANALYSES, raw: '{"dataset": ', status: 400, code: 'bad_request' },
  { name: 'no dataset', path: ANALYSES, body: {}, status: 400, code: 'invalid_request', message: /^dataset: / },
  { name: 'both generator and CSV', path: ANALYSES, body: { dataset: { generator: { name: 'circle' }, csv: 'x\n1\n' } }, status: 400, code: 'invalid_request', message: /exactly one/ },
  { name: 'neither generator nor CSV', path: ANALYSES, body: { dataset: {} }, status: 400, code: 'invalid_request', message: /exactly one/ },
  { name: 'dataset as a string', path: ANALYSES, body: { dataset: 'circle' }, status: 400, code: 'invalid_request' },
  { name: 'an unknown generator', path: ANALYSES, body: { dataset: { generator: { name: 'sphere' } } }, status: 404, code: 'unknown_dataset' },
  { name: 'generator n = 0', path: ANALYSES, body: generator({ n: 0 }), status: 400, code: 'invalid_request', message: /dataset\.generator\.n/ },
  { name: 'generator n too large', path: ANALYSES, body: generator({ n: 200_000 }), status: 413, code: 'too_large' },
  { name: 'too few events to analyse', path: ANALYSES, body: generator({ n: 10 }), status: 400, code: 'invalid_parameter', message: /n = 10: an analysis needs at least 50 events/ },
  { name: 'an unknown generator parameter', path: ANALYSES, body: generator({ params: { spin: 1 } }), status: 400, code: 'unknown_parameter' },
  { name: 'an unknown config key', path: ANALYSES, body: generator({}, { learningrate: 0.1 }), status: 400, code: 'invalid_request', message: /learningrate/ },
  { name: 'epochs = 0', path: ANALYSES, body: generator({}, { epochs: 0 }), status: 400, code: 'invalid_request', message: /config\.epochs/ },
  { name: 'latent too large', path: ANALYSES, body: generator({}, { latent: 1000 }), status: 400, code: 'invalid_request', message: /config\.latent/ },
  { name: 'an unknown activation', path: ANALYSES, body: generator({}, { activation: 'swish' }), status: 400, code: 'invalid_request', message: /config\.activation/ },
  { name: 'beta as a string', path: ANALYSES, body: generator({}, { beta: 'high' }), status: 400, code: 'invalid_request', message: /config\.beta/ },
  { name: 'a threshold of 1.5', path: ANALYSES, body: generator({}, { threshold: 1.5 }), status: 400, code: 'invalid_request', message: /config\.threshold/ },
  { name: 'hidden above the server cap', path: ANALYSES, body: generator({}, { hidden: 512 }), status: 400, code: 'invalid_request', message: /config\.hidden/ },
  { name: 'a learning rate of 0', path: ANALYSES, body: generator({}, { learningRate: 0 }), status: 400, code: 'invalid_request' },
  { name: 'CSV column roles with a generator', path: ANALYSES, body: generator({}, { features: ['x1'] }), status: 400, code: 'invalid_request', message: /config\.features/ },
  { name: 'a batch larger than the training events', path: ANALYSES, body: generator({}, { batchSize: 1024 }), status: 422, code: 'invalid_data', message: /fewer than one batch/ },
  { name: 'more steps than the largest job', path: ANALYSES, body: generator({}, { epochs: 60_001, samples: 1_000_000_000 }), status: 413, code: 'too_large', message: /npx symscope analyze/ },
  { name: 'CSV with NaN', path: ANALYSES, body: csv('x1,x2\n1,2\n3,NaN\n'), status: 400, code: 'invalid_csv', message: /line 3, column 2 \('x2'\): NaN/ },
  { name: 'CSV with a ragged row', path: ANALYSES, body: csv('x1,x2\n1,2\n3\n'), status: 400, code: 'invalid_csv', message: /line 3: 1 fields/ },
  { name: 'CSV with a word for a number', path: ANALYSES, body: csv('x1,x2\n1,two\n'), status: 400, code: 'invalid_csv', message: /line 2, column 2/ },
  { name: 'CSV with an infinite value', path: ANALYSES, body: csv('x1,x2\n1,Infinity\n'), status: 400, code: 'invalid_csv', message: /infinite/ },
  { name: 'CSV with a header only', path: ANALYSES, body: csv('x1,x2\n'), status: 400, code: 'invalid_csv', message: /no data rows/ },
  { name: 'empty CSV text', path: ANALYSES, body: csv(''), status: 400, code: 'invalid_request', message: /dataset\.csv/ },
  { name: 'a CSV feature column not in the header', path: ANALYSES, body: csv(ring(100), { features: ['x3'] }), status: 400, code: 'invalid_csv', message: /'x3'/ },
  { name: 'a CSV angular column that is not truth', path: ANALYSES, body: csv(ring(100), { angular: ['x1'] }), status: 400, code: 'invalid_parameter', message: /angular/ },
  { name: 'CSV with every feature constant', path: ANALYSES, body: csv('x1,x2\n' + '1,2\n'.repeat(100)), status: 422, code: 'invalid_data', message: /constant/ },
  { name: 'CSV with too many rows', path: ANALYSES, body: csv(ring(50_001)), status: 413, code: 'too_large', message: /50000/ },
  { name: 'CSV text over its size limit', path: ANALYSES, body: csv('x1,x2\n' + '1.5,2.5\n'.repeat(280_000)), status: 413, code: 'too_large', message: /2097152/ },
  { name: 'a body over the analysis limit', path: ANALYSES, body: csv('x1\n' + '1.000000\n'.repeat(400_000)), status: 413, code: 'too_large', message: /3145728 bytes/ },
  { name: 'a text/csv body', path: ANALYSES, raw: 'x1,x2\n1,2\n', headers: { 'content-type': 'text/csv' }, status: 415, code: 'unsupported_media_type' },
  { name: 'GET on the collection', method: 'GET', path: ANALYSES, status: 405, code: 'method_not_allowed' },
  { name: 'PUT on a report', method: 'PUT', path: `${ANALYSES}/${'a'.repeat(64)}`, raw: '{}', status: 405, code: 'method_not_allowed' },
  { name: 'a malformed id', method: 'GET', path: `${ANALYSES}/not-a-hash`, status: 400, code: 'invalid_request', message: /64 lowercase hexadecimal/ },
  { name: 'an unknown id', method: 'GET', path: `${ANALYSES}/${'f'.repeat(64)}`, status: 404, code: 'not_found' },
]

export const otherCases: BadRequestCase[] = [
  { name: 'an unknown API route', method: 'GET', path: '/api/v1/nope', status: 404, code: 'not_found' },
  { name: 'an unknown API version', method: 'GET', path: '/api/v2/health', status: 404, code: 'not_found' },
  { name: 'an unknown method on an unknown route', method: 'DELETE', path: '/api/v1/nope', status: 404, code: 'not_found' },
  { name: 'POST on health', method: 'POST', path: '/api/v1/health', raw: '{}', status: 405, code: 'method_not_allowed' },
  { name: 'POST on the OpenAPI document', method: 'POST', path: '/api/v1/openapi.json', raw: '{}', status: 405, code: 'method_not_allowed' },
  { name: 'DELETE on the docs', method: 'DELETE', path: '/api/v1/docs', status: 405, code: 'method_not_allowed' },
]

/** Runs each case against the real worker, each from its own client IP (so rate limits never interfere). */
export function describeBadRequests(title: string, cases: BadRequestCase[], ipPrefix: string): void {
  describe(title, () => {
    cases.forEach((c, i) => {
      it(`${c.name} → ${c.status} ${c.code}`, async () => {
        const api = client(`${ipPrefix}.${i + 1}`)
        const method = c.method ?? 'POST'
        const body = c.raw ?? (c.body === undefined ? undefined : JSON.stringify(c.body))
        const headers = { ...(body === undefined ? {} : json), ...c.headers }
        if (headers['content-type'] === '') delete (headers as Record<string, string>)['content-type']
        const response = await api.fetch(c.path, { method, headers, body })
        const text = await response.text()
        expect(response.status, text).toBeLessThan(500)
        expect(response.headers.get('content-type')).toMatch(/^application\/json/)
        const error = (JSON.parse(text) as { error: { code: string; message: string } }).error
        expect({ status: response.status, code: error.code }).toEqual({ status: c.status, code: c.code })
        expect(error.message.length).toBeGreaterThan(0)
        if (c.message) expect(error.message).toMatch(c.message)
        if (c.status === 405) expect(response.headers.get('allow')).toBeTruthy()
      })
    })
  })
}
