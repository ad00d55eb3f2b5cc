// The OpenAPI 3.1 document of the API, generated from the zod schemas that validate the requests (zod 4's
// toJSONSchema), core's report schema and the named limits, so the document cannot drift from the code.
import { z } from 'zod'
import { datasetNames, VERSION } from '../core/index.js'
import { ERROR_CODES } from './errors.js'
import {
  MAX_ANALYSIS_BODY_BYTES,
  MAX_API_EVENTS,
  MAX_API_SCAN_POINTS,
  MAX_CSV_BYTES,
  MAX_CSV_ROWS,
  MAX_JOB_STEPS,
  MAX_JSON_BODY_BYTES,
  MAX_SERVER_BATCH_SIZE,
  MAX_SERVER_HIDDEN,
  MAX_UPLOAD_BYTES,
  RATE_LIMIT_ANALYSES,
  RATE_LIMIT_REQUESTS,
  RATE_LIMIT_WINDOW_SECONDS,
  STEP_BUDGET,
} from './limits.js'
import { analysisRequestSchema, jobStatusSchema, uploadQuerySchema } from './schemas/analysis.js'
import { eventsRequestSchema, eventsResponseSchema } from './schemas/events.js'
import { scanRequestSchema, scanStatusSchema } from './schemas/scan.js'
import { datasetListSchema, errorSchema, healthSchema, reportDocumentSchema, scanDocumentSchema } from './schemas/responses.js'

/** The named limits, as the document, /docs and the README list them. */
export const LIMITS_TABLE: { name: string; value: string; meaning: string }[] = [
  { name: 'MAX_API_EVENTS', value: MAX_API_EVENTS.toLocaleString('en'), meaning: 'events per request (events endpoint and generator analyses)' },
  { name: 'MAX_CSV_BYTES', value: `${MAX_CSV_BYTES / 1024 / 1024} MiB`, meaning: 'CSV text of one analysis' },
  { name: 'MAX_CSV_ROWS', value: MAX_CSV_ROWS.toLocaleString('en'), meaning: 'CSV data rows of one analysis' },
  { name: 'MAX_UPLOAD_BYTES', value: `${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`, meaning: 'binary upload (Parquet, .npy, .npz) of one analysis; rows as MAX_CSV_ROWS' },
  { name: 'MAX_ANALYSIS_BODY_BYTES', value: `${MAX_ANALYSIS_BODY_BYTES / 1024 / 1024} MiB`, meaning: 'request body of POST /analyses' },
  { name: 'MAX_JSON_BODY_BYTES', value: `${MAX_JSON_BODY_BYTES / 1024} KiB`, meaning: 'request body of every other POST' },
  { name: 'STEP_BUDGET', value: STEP_BUDGET.toLocaleString('en'), meaning: 'optimiser steps trained in one request or one job slice' },
  { name: 'MAX_JOB_STEPS', value: MAX_JOB_STEPS.toLocaleString('en'), meaning: 'largest server job in optimiser steps, counted at the training cap (the fewer of epochs × batches per epoch and samples ÷ batch size); beyond: 413, use npx symscope analyze' },
  { name: 'MAX_SERVER_HIDDEN', value: String(MAX_SERVER_HIDDEN), meaning: 'widest hidden layer trained on the server' },
  { name: 'MAX_SERVER_BATCH_SIZE', value: MAX_SERVER_BATCH_SIZE.toLocaleString('en'), meaning: 'largest batch trained on the server' },
  { name: 'RATE_LIMIT_REQUESTS', value: `${RATE_LIMIT_REQUESTS} / ${RATE_LIMIT_WINDOW_SECONDS} s`, meaning: 'requests per client IP to /api/v1' },
  { name: 'RATE_LIMIT_ANALYSES', value: `${RATE_LIMIT_ANALYSES} / ${RATE_LIMIT_WINDOW_SECONDS} s`, meaning: 'POST /analyses per client IP; a POST /scans counts as its points' },
  { name: 'MAX_API_SCAN_POINTS', value: String(MAX_API_SCAN_POINTS), meaning: 'points (β × seeds × latent sizes) of one POST /scans; each point at most MAX_JOB_STEPS steps' },
]

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` })
const json = (id: string, example?: unknown) => ({ 'application/json': { schema: ref(id), ...(example === undefined ? {} : { example }) } })
const error = (description: string) => ({ description, content: json('Error') })

/** Errors every /api/v1 route can answer. */
const COMMON_ERRORS = {
  '405': error('method_not_allowed: the path exists, the method does not (see Allow)'),
  '429': error('rate_limited: too many requests from this client (see Retry-After)'),
}

const eventsExample = { n: 1000, seed: 7, params: { radius: 2 }, format: 'csv' }
export const ANALYSIS_EXAMPLE = { dataset: { generator: { name: 'circle', n: 2000, seed: 1 } }, config: { epochs: 20, seed: 1 } }
const CSV_ANALYSIS_EXAMPLE = { dataset: { csv: 'x1,x2,truth_theta\n1,0,0\n0,1,1.5708\n…', name: 'mine.csv' }, config: { epochs: 20, angular: ['truth_theta'] } }

const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: "The report's id: SHA-256 of the data and the settings (64 hexadecimal digits).",
  schema: { type: 'string', pattern: '^[0-9a-f]{64}$' },
}

const paths = {
  '/api/v1/health': {
    get: { summary: 'The service is up', operationId: 'health', responses: { '200': { description: 'ok', content: json('Health') }, ...COMMON_ERRORS } },
  },
  '/api/v1/datasets': {
    get: {
      summary: 'Every registry dataset with its features, truth observables, degrees of freedom and parameter schema',
      operationId: 'listDatasets',
      responses: { '200': { description: 'the registry', content: json('DatasetList') }, ...COMMON_ERRORS },
    },
  },
  '/api/v1/datasets/{name}/events': {
    post: {
      summary: 'Generate events from a registry dataset',
      description:
        `Seeded and deterministic: the same seed and parameters give the same bytes. n ≤ ${MAX_API_EVENTS}. ` +
        'format csv (default) answers text/csv with a header row (features, then truth_* columns); json answers flat ' +
        'row-major arrays.',
      operationId: 'generateEvents',
      parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', enum: datasetNames() } }],
      requestBody: { required: true, content: json('EventsRequest', eventsExample) },
      responses: {
        '200': {
          description: 'the events',
          content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: ref('Events') } },
        },
        '400': error('bad_request, invalid_request, unknown_parameter or invalid_parameter'),
        '404': error('unknown_dataset'),
        '413': error(`too_large: n > ${MAX_API_EVENTS} or a body over ${MAX_JSON_BODY_BYTES} bytes`),
        '415': error('unsupported_media_type: the body is not JSON'),
        ...COMMON_ERRORS,
      },
    },
  },
  '/api/v1/analyses': {
    post: {
      summary: 'Analyse a dataset: answered from cache, trained now, or queued',
      description:
        'The report id is a content hash of the data and the settings. A stored report is answered at once (200, ' +
        'x-symscope-cache: hit, the same bytes every time). Otherwise, when the training takes at most the step budget ' +
        `(${STEP_BUDGET} optimiser steps at the cap: the fewer of epochs × floor(training events / batchSize) and samples / batchSize), it is trained in the request (200, ` +
        `x-symscope-cache: miss). Up to ${MAX_JOB_STEPS} steps it is queued (202 with Location): a job trains it in slices ` +
        'of at most the step budget; poll GET /api/v1/analyses/{id}. Beyond that, 413: run npx symscope analyze locally. ' +
        'x-symscope-steps says how many steps this request trained. The data is a JSON AnalysisRequest, or a file as ' +
        `the body (application/octet-stream: Parquet, .npy or .npz, at most ${MAX_UPLOAD_BYTES} bytes) with its format, ` +
        'column roles and settings in the query (UploadQuery).',
      operationId: 'analyze',
      parameters: uploadParameters(),
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: ref('AnalysisRequest'),
            examples: { generator: { value: ANALYSIS_EXAMPLE }, csv: { value: CSV_ANALYSIS_EXAMPLE } },
          },
          'application/octet-stream': { schema: { type: 'string', format: 'binary', maxLength: MAX_UPLOAD_BYTES } },
        },
      },
      responses: {
        '200': {
          description: 'the report',
          headers: {
            ETag: { schema: { type: 'string' }, description: 'the report id, quoted' },
            'x-symscope-cache': { schema: { type: 'string', enum: ['hit', 'miss'] } },
            'x-symscope-steps': { schema: { type: 'integer' }, description: 'optimiser steps trained by this request' },
          },
          content: json('Report'),
        },
        '202': {
          description: 'queued: a job trains it in slices',
          headers: { Location: { schema: { type: 'string' }, description: 'where to poll: /api/v1/analyses/{id}' } },
          content: json('AnalysisJob'),
        },
        '400': error('bad_request (malformed JSON), invalid_request, unknown_parameter, invalid_parameter, invalid_csv (names line and column)'),
        '404': error('unknown_dataset'),
        '413': error('too_large: body, CSV, events or training steps over their limits'),
        '415': error('unsupported_media_type: the body is neither JSON nor application/octet-stream'),
        '422': error('invalid_data: data that cannot be analysed (a file not in its format, naming the row, column or byte count; too few events, constant features, diverging training)'),
        ...COMMON_ERRORS,
      },
    },
  },
  '/api/v1/analyses/{id}': {
    get: {
      summary: 'A stored report, or the status of its job',
      description: 'A report is immutable: ETag is its id and If-None-Match gives 304.',
      operationId: 'getAnalysis',
      parameters: [idParameter, { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } }],
      responses: {
        '200': {
          description: 'the report (x-symscope-cache: hit), or the job status while it trains',
          content: { 'application/json': { schema: { oneOf: [ref('Report'), ref('AnalysisJob')] } } },
        },
        '304': { description: 'not modified' },
        '400': error('invalid_request: not an id'),
        '404': error('not_found: no report and no job with this id'),
        ...COMMON_ERRORS,
      },
    },
  },
  '/api/v1/scans': {
    post: {
      summary: 'Scan an analysis over β, training seeds and latent sizes',
      description:
        `Checks the whole scan first: at most ${MAX_API_SCAN_POINTS} points (β × seeds × latent sizes), each point at most ` +
        `${MAX_JOB_STEPS} optimiser steps, and the rate limit counts the scan as its points; a bad or too large grid is a 4xx ` +
        'with nothing queued. Then every point whose report is not stored becomes its own analysis job (one Durable Object ' +
        'per report id, trained in slices in parallel); points shared with earlier analyses or scans come from the store. ' +
        '202 with Location while points train; 200 with the scan (scan.json) when all are stored.',
      operationId: 'scan',
      requestBody: {
        required: true,
        content: { 'application/json': { schema: ref('ScanRequest'), example: { dataset: { generator: { name: 'circle', n: 2000 } }, grid: { beta: '0.01:3:6', seeds: [1, 2] }, config: { epochs: 20 } } } },
      },
      responses: {
        '200': { description: 'the scan: every point is stored', content: json('Scan') },
        '202': {
          description: 'queued: the points train as analysis jobs',
          headers: { Location: { schema: { type: 'string' }, description: 'where to poll: /api/v1/scans/{id}' } },
          content: json('ScanStatus'),
        },
        '400': error('bad_request, invalid_request, invalid_parameter (a β ≤ 0, a repeated value, a bad grid text), unknown_parameter'),
        '404': error('unknown_dataset'),
        '413': error('too_large: too many points, a point over the job steps, or the body over its limit'),
        '415': error('unsupported_media_type: the body is not JSON'),
        '422': error('invalid_data: data that cannot be analysed'),
        ...COMMON_ERRORS,
      },
    },
  },
  '/api/v1/scans/{id}': {
    get: {
      summary: 'A scan: its progress while points train, then the scan itself',
      operationId: 'getScan',
      parameters: [{ ...idParameter, description: "The scan's id: SHA-256 of the data, the grid and the shared settings." }],
      responses: {
        '200': { description: 'the scan (every point stored), or its status', content: { 'application/json': { schema: { oneOf: [ref('Scan'), ref('ScanStatus')] } } } },
        '400': error('invalid_request: not an id'),
        '404': error('not_found: no scan with this id'),
        ...COMMON_ERRORS,
      },
    },
  },
  '/api/v1/openapi.json': {
    get: { summary: 'This document', operationId: 'openapi', responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': {} } } } },
  },
  '/api/v1/docs': {
    get: { summary: 'A readable page of this document', operationId: 'docs', responses: { '200': { description: 'HTML', content: { 'text/html': {} } } } },
  },
}

/** The query parameters of a binary upload, from its zod schema (they apply only with application/octet-stream). */
function uploadParameters(): unknown[] {
  return Object.entries(uploadQuerySchema.shape).map(([name, field]) => {
    const { description, $schema: _schema, ...rest } = z.toJSONSchema(field, { io: 'input', unrepresentable: 'any' }) as { description?: string; $schema?: string }
    return { name, in: 'query', required: false, description: `Binary upload only${name === 'format' ? ' (required there)' : ''}: ${description ?? ''}`, schema: rest }
  })
}

/** The schemas the document names, converted from zod (request schemas as input: defaulted fields are optional). */
function componentSchemas(): Record<string, unknown> {
  const roots = [analysisRequestSchema, jobStatusSchema, scanRequestSchema, scanStatusSchema, scanDocumentSchema, eventsRequestSchema, eventsResponseSchema, datasetListSchema, errorSchema, healthSchema, reportDocumentSchema]
  const uri = (id: string) => `#/components/schemas/${id}`
  const converted = z.toJSONSchema(z.globalRegistry, { io: 'input', uri, unrepresentable: 'any' }).schemas as Record<string, Record<string, unknown>>
  // Keep the schemas reachable from the roots (others may register ids of their own), without $schema/$id.
  const keep = new Set<string>()
  const visit = (id: string) => {
    if (keep.has(id) || !converted[id]) return
    keep.add(id)
    for (const match of JSON.stringify(converted[id]).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) visit(match[1])
  }
  for (const schema of roots) visit(z.globalRegistry.get(schema)!.id!)
  return Object.fromEntries(
    [...keep].sort().map((id) => {
      const { $schema: _schema, $id: _id, ...rest } = converted[id]
      return [id, rest]
    }),
  )
}

let cached: Record<string, unknown> | undefined

/** The OpenAPI document (built once per isolate). */
export function openApiDocument(): Record<string, unknown> {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'symscope API',
      version: VERSION,
      description:
        'Find the symmetries and the true degrees of freedom of a dataset with a variational autoencoder ' +
        '(V. Sanz, arXiv:2504.05174). Every error is JSON {"error": {"code", "message"}} with a 4xx status.',
      'x-limits': LIMITS_TABLE,
      'x-error-codes': ERROR_CODES,
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: componentSchemas() },
  }
  return cached
}
