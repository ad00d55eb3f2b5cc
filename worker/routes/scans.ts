import { Hono } from 'hono'
import { validator } from 'hono/validator'
import { plannedSteps } from '../../core/analysis/index.js'
import { reportSchema } from '../../core/report/index.js'
import { parseBetaGrid, planScan, scanFromReports, scanIndex, type ScanIndex } from '../../core/scan/index.js'
import type { VaeConfig } from '../../core/vae/index.js'
import { loadWasm } from '../../core/wasm/workerd.js'
import { requestInput } from '../analysis/prepare.js'
import type { AppEnv, Env } from '../env.js'
import { ApiError } from '../errors.js'
import { limitsOf, MAX_ANALYSIS_BODY_BYTES, MAX_API_SCAN_POINTS } from '../limits.js'
import { jsonBodyLimit } from '../middleware/jsonBodyLimit.js'
import { methodNotAllowed } from '../middleware/methodNotAllowed.js'
import { clientIp, countRequests } from '../middleware/rateLimit.js'
import { requireJson } from '../middleware/requireJson.js'
import { readReport } from '../reports.js'
import { readScanIndex, storeScanIndex } from '../scans.js'
import type { AnalysisRequest } from '../schemas/analysis.js'
import { scanRequestSchema, type ScanStatus } from '../schemas/scan.js'
import { parseWith } from '../validate.js'

const SCAN_ID = /^[0-9a-f]{64}$/
const POLL_SECONDS = '2'

const jobOf = (env: Env, id: string) => env.ANALYSIS_JOBS.get(env.ANALYSIS_JOBS.idFromName(id))

/**
 * The scan of an index when every point's report is stored, else its status: each point's job status (or done).
 */
async function scanOrStatus(env: Env, index: ScanIndex): Promise<{ scan: string } | { status: ScanStatus }> {
  const stored = await Promise.all(index.points.map((p) => readReport(env, p.id)))
  if (stored.every((text) => text !== null)) {
    const scan = scanFromReports(index, stored.map((text) => reportSchema.parse(JSON.parse(text!))))
    return { scan: JSON.stringify(scan) }
  }
  const points = await Promise.all(
    index.points.map(async (p, i) => {
      const coordinates = { id: p.id, beta: p.beta, seed: p.seed, latent: p.latent }
      if (stored[i] !== null) return { ...coordinates, status: 'done' as const, progress: { steps: 0, totalSteps: 0 } }
      const job = await jobOf(env, p.id).status()
      if (!job) return { ...coordinates, status: 'failed' as const, progress: { steps: 0, totalSteps: 0 }, error: { code: 'not_found', message: 'no job for this point: submit the scan again' } }
      return { ...coordinates, status: job.status, progress: job.progress, ...(job.error ? { error: job.error } : {}) }
    }),
  )
  const failed = points.some((p) => p.status === 'failed')
  return { status: { id: index.id, status: failed ? 'failed' : 'running', progress: { done: points.filter((p) => p.status === 'done').length, points: points.length }, points } }
}

const scanResponse = (text: string) => new Response(text, { status: 200, headers: { 'content-type': 'application/json; charset=UTF-8', 'cache-control': 'no-store' } })

/**
 * `POST /scans` and `GET /scans/{id}`. A scan is checked whole before anything is queued (grid limits, points per
 * scan, steps per point, the rate limit counting it as its points); then every point whose report is not stored
 * becomes its own AnalysisJob (one Durable Object per report id, trained in slices by alarms, in parallel across
 * the platform), and the scan's index goes to R2. `GET` answers the points' progress until all reports are stored,
 * then the scan (scan.json).
 */
export const scans = new Hono<AppEnv>()
  .post('/', jsonBodyLimit(MAX_ANALYSIS_BODY_BYTES), requireJson(), validator('json', parseWith(scanRequestSchema)), async (c) => {
    const body = c.req.valid('json')
    const limits = limitsOf(c.env)
    const wasm = await loadWasm()
    const { threshold, features: _features, truth: _truth, angular: _angular, ...settings } = body.config
    const beta = typeof body.grid.beta === 'string' ? parseBetaGrid(body.grid.beta) : body.grid.beta
    const grid = { beta, seeds: body.grid.seeds, latent: body.grid.latent }
    const points = beta.length * grid.seeds.length * Math.max(grid.latent.length, 1)
    if (points > MAX_API_SCAN_POINTS) {
      throw new ApiError(413, 'too_large', `the scan has ${points} points (β × seeds × latent sizes); the server takes at most ${MAX_API_SCAN_POINTS}: run larger scans with npx symscope scan`)
    }
    const input = await requestInput(wasm, { dataset: body.dataset, config: body.config })
    const plan = await planScan(wasm, input, { grid, config: settings as Partial<VaeConfig>, threshold })
    const steps = plan.points.map((p) => plannedSteps(p.prepared))
    const largest = Math.max(...steps)
    if (largest > limits.maxJobSteps) {
      throw new ApiError(413, 'too_large', `a point of this scan trains ${largest} optimiser steps; the server's largest job is ${limits.maxJobSteps}: lower samples or epochs, or use npx symscope scan`)
    }
    await countRequests(c.env, clientIp(c.env, (name) => c.req.header(name)), { bucket: 'analyses', limit: (l) => l.rateLimitAnalyses }, plan.points.length)
    const index = scanIndex(plan)
    await storeScanIndex(c.env, index)
    // Each point not yet in the store becomes its own job: the analysis request a client would send for it.
    await Promise.all(
      plan.points.map(async (p, i) => {
        if ((await readReport(c.env, p.prepared.id)) !== null) return
        const config = { ...body.config, beta: p.beta, seed: p.seed, ...(grid.latent.length ? { latent: p.latent } : {}) }
        const request: AnalysisRequest = { dataset: body.dataset, config }
        await jobOf(c.env, p.prepared.id).submit(p.prepared.id, request, { totalSteps: steps[i], stepBudget: limits.stepBudget })
      }),
    )
    const answer = await scanOrStatus(c.env, index)
    if ('scan' in answer) return scanResponse(answer.scan)
    return c.json(answer.status, 202, { Location: `/api/v1/scans/${index.id}`, 'Retry-After': POLL_SECONDS, 'Cache-Control': 'no-store' })
  })
  .get('/:id', async (c) => {
    const id = c.req.param('id')
    if (!SCAN_ID.test(id)) throw new ApiError(400, 'invalid_request', `id: a scan id is 64 lowercase hexadecimal digits; got '${id.slice(0, 80)}'`)
    const index = await readScanIndex(c.env, id)
    if (!index) throw new ApiError(404, 'not_found', `no scan with id ${id}: submit it with POST /api/v1/scans`)
    const answer = await scanOrStatus(c.env, index)
    if ('scan' in answer) return scanResponse(answer.scan)
    return c.json(answer.status, 200, { 'Cache-Control': 'no-store', ...(answer.status.status === 'running' ? { 'Retry-After': POLL_SECONDS } : {}) })
  })
  .all('/', methodNotAllowed('POST'))
  .all('/:id', methodNotAllowed('GET'))
