import { Hono } from 'hono'
import { validator } from 'hono/validator'
import { plannedSteps } from '../../core/analysis/index.js'
import { loadWasm } from '../../core/wasm/workerd.js'
import { prepareRequest, type AnalysisSubmission } from '../analysis/prepare.js'
import { trainSlice } from '../analysis/train.js'
import type { Context } from 'hono'
import type { AppEnv, Env } from '../env.js'
import { ApiError, invalidRequest } from '../errors.js'
import { limitsOf, MAX_ANALYSIS_BODY_BYTES, MAX_UPLOAD_BYTES } from '../limits.js'
import { jsonBodyLimit } from '../middleware/jsonBodyLimit.js'
import { methodNotAllowed } from '../middleware/methodNotAllowed.js'
import { rateLimit } from '../middleware/rateLimit.js'
import { requireJson } from '../middleware/requireJson.js'
import { etagOf, IMMUTABLE, matchesEtag, readReport, reportResponse, storeReport } from '../reports.js'
import { analysisConfigSchema, analysisRequestSchema, uploadQuerySchema } from '../schemas/analysis.js'
import { parseWith } from '../validate.js'

const REPORT_ID = /^[0-9a-f]{64}$/

const jobOf = (env: Env, id: string) => env.ANALYSIS_JOBS.get(env.ANALYSIS_JOBS.idFromName(id))

/** Seconds a client should wait before polling a job again. */
const POLL_SECONDS = '2'

/**
 * The answer to a submission: the stored report when its content hash is known; else trained here when its planned
 * steps fit the step budget; else queued as a job trained in slices; beyond the largest job, 413 and the local client.
 */
async function answer(c: Context<AppEnv>, request: AnalysisSubmission): Promise<Response> {
  const limits = limitsOf(c.env)
  const wasm = await loadWasm()
  const prepared = await prepareRequest(wasm, request)
  const { id } = prepared
  const stored = await readReport(c.env, id)
  if (stored !== null) return reportResponse(stored, id, 'hit', 0)

  const totalSteps = plannedSteps(prepared)
  if (totalSteps <= limits.stepBudget) {
    const slice = await trainSlice(wasm, prepared, limits.stepBudget)
    if (!slice.report) throw new Error(`planned ${totalSteps} steps within the budget of ${limits.stepBudget}, but training did not finish`)
    return reportResponse(await storeReport(c.env, id, JSON.stringify(slice.report)), id, 'miss', slice.stepsThisSlice)
  }
  if (totalSteps > limits.maxJobSteps) {
    throw new ApiError(
      413,
      'too_large',
      `this analysis may train ${totalSteps} optimiser steps (its cap: the fewer of epochs × batches per epoch and samples ÷ batch size); the server's largest job is ` +
        `${limits.maxJobSteps}. Run it on your own machine with npx symscope analyze (the same data and settings give the same report), ` +
        'or lower samples or epochs, or use a larger batch size',
    )
  }
  const status = await jobOf(c.env, id).submit(id, request, { totalSteps, stepBudget: limits.stepBudget })
  return c.json(status, 202, {
    Location: `/api/v1/analyses/${id}`,
    'Retry-After': POLL_SECONDS,
    'Cache-Control': 'no-store',
    'x-symscope-cache': 'miss',
    'x-symscope-steps': '0',
  })
}

const OCTET_STREAM = /^application\/octet-stream$/i

/**
 * A binary upload (`Content-Type: application/octet-stream`): the file is the body, its format and the settings are
 * in the query. Size over MAX_UPLOAD_BYTES is 413 before the body is parsed; the rest is the JSON path's.
 */
function binaryUpload() {
  const limit = jsonBodyLimit(MAX_UPLOAD_BYTES)
  const limiter = rateLimit({ bucket: 'analyses', limit: (l) => l.rateLimitAnalyses })
  return async function binaryUpload(c: Context<AppEnv>, next: () => Promise<void>) {
    if (!OCTET_STREAM.test((c.req.header('content-type') ?? '').split(';')[0].trim())) return next()
    let response: Response | undefined
    await limit(c, async () => {
      await limiter(c, async () => {
        const query = uploadQuerySchema.safeParse(c.req.query())
        if (!query.success) throw invalidRequest(query.error, 'query')
        const { format, name, features, truth, angular, columns, config: configText } = query.data
        let configJson: unknown = {}
        if (configText !== undefined) {
          try {
            configJson = JSON.parse(configText)
          } catch {
            throw new ApiError(400, 'bad_request', 'config: the query parameter is not JSON text')
          }
        }
        const config = analysisConfigSchema.omit({ features: true, truth: true, angular: true }).safeParse(configJson)
        if (!config.success) throw invalidRequest(config.error, 'query')
        const bytes = new Uint8Array(await c.req.arrayBuffer())
        if (bytes.byteLength === 0) throw new ApiError(400, 'invalid_request', `body: empty; send the ${format} file as the body`)
        response = await answer(c, { dataset: { name }, config: { ...config.data, features, truth, angular }, upload: { format, bytes, columns } })
      })
    })
    return response!
  }
}

/**
 * `POST /analyses` and `GET /analyses/{id}`. An analysis is answered from the report store when its content hash is
 * known; else trained here when its planned steps fit the step budget; else queued as a job trained in slices;
 * beyond the largest job, 413 and the local client.
 */
export const analyses = new Hono<AppEnv>()
  .post(
    '/',
    binaryUpload(),
    jsonBodyLimit(MAX_ANALYSIS_BODY_BYTES),
    requireJson(),
    rateLimit({ bucket: 'analyses', limit: (l) => l.rateLimitAnalyses }),
    validator('json', parseWith(analysisRequestSchema)),
    (c) => answer(c, c.req.valid('json')),
  )
  .get('/:id', async (c) => {
    const id = c.req.param('id')
    if (!REPORT_ID.test(id)) throw new ApiError(400, 'invalid_request', `id: an analysis id is 64 lowercase hexadecimal digits; got '${id.slice(0, 80)}'`)
    const stored = await readReport(c.env, id)
    if (stored !== null) {
      if (matchesEtag(c.req.header('if-none-match'), id)) {
        return c.body(null, 304, { etag: etagOf(id), 'cache-control': IMMUTABLE, 'x-symscope-cache': 'hit' })
      }
      return reportResponse(stored, id, 'hit', 0)
    }
    const status = await jobOf(c.env, id).status()
    if (!status) throw new ApiError(404, 'not_found', `no analysis with id ${id}: submit it with POST /api/v1/analyses`)
    const waiting = status.status === 'queued' || status.status === 'running'
    return c.json(status, 200, { 'Cache-Control': 'no-store', ...(waiting ? { 'Retry-After': POLL_SECONDS } : {}) })
  })
  .all('/', methodNotAllowed('POST'))
  .all('/:id', methodNotAllowed('GET'))
