// The symscope HTTP API as the browser sees it: submit an analysis, poll a queued one, fetch a stored report. The web
// app and the element share it. Shapes follow the worker's OpenAPI document (GET /api/v1/openapi.json).
import type { Report, Scan } from '../../core/report/index.js'
import { POLL } from './options.js'

/** What `POST /analyses` answers with 202, and `GET /analyses/{id}` while the report is not ready. */
export interface JobStatus {
  id: string
  status: 'queued' | 'running' | 'done' | 'failed'
  progress: { steps: number; totalSteps: number }
  error?: { code: string; message: string }
}

/** The body of `POST /api/v1/analyses`. */
export interface AnalysisRequestBody {
  dataset:
    | { generator: { name: string; params?: Record<string, number | boolean | null>; n?: number; seed?: number } }
    | { csv: string; name?: string }
  config?: Record<string, number | string | boolean | readonly string[] | undefined>
}

/** An answer of the API that is not a report: its HTTP status and the API's stable `error.code`. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** The API's URL for a path under /api/v1, against base `api` ('' for the page's own origin). */
export const apiUrl = (api: string, path: string): string => `${api.replace(/\/+$/, '')}/api/v1${path}`

/** The JSON body of a response; a non-2xx answer becomes an ApiRequestError carrying the API's code and message. */
async function readJson(response: Response, what: string): Promise<unknown> {
  const text = await response.text()
  let body: unknown
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    throw new ApiRequestError(response.status, 'bad_response', `${what}: HTTP ${response.status}, not JSON`)
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error
    throw new ApiRequestError(response.status, error?.code ?? 'http_error', error?.message ?? `${what}: HTTP ${response.status}`)
  }
  return body
}

/** Whether a JSON value has the shape of a report (the fields the view reads); the full schema lives in core. */
export function isReport(value: unknown): value is Report {
  const r = value as Partial<Report> | null
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.id === 'string' &&
    typeof r.verdict === 'string' &&
    Array.isArray(r.latents) &&
    typeof r.config?.threshold === 'number' &&
    typeof r.dataset?.name === 'string' &&
    typeof r.intrinsicDimension === 'object' &&
    typeof r.latentMaps === 'object' &&
    Array.isArray(r.training?.history)
  )
}

const isJobStatus = (value: unknown): value is JobStatus =>
  typeof value === 'object' && value !== null && typeof (value as JobStatus).status === 'string' && typeof (value as JobStatus).id === 'string'

/** A report or a job's status, from a 200 or 202 body; anything else is an error naming what came. */
function reportOrStatus(body: unknown, what: string): Report | JobStatus {
  if (isReport(body) || isJobStatus(body)) return body
  throw new ApiRequestError(200, 'bad_response', `${what}: the answer is neither a symscope report nor an analysis status`)
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true })
  })

/** Statuses worth one more try: a gateway or a restarting worker, not the request. */
const TRANSIENT = new Set([502, 503, 504])

/**
 * `fetch` that tries again, after 1 s and 2 s, when the answer is a transient 502/503/504 or the network failed.
 * Safe for every call here: GETs, and POST /analyses and /scans, which are idempotent (each is named by its content
 * hash; a retried scan is counted again by the rate limit, which errs on the strict side).
 */
async function fetchRetrying(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url, init)
      if (!TRANSIENT.has(response.status) || attempt >= POLL.retries) return response
    } catch (error) {
      if (init.signal?.aborted || attempt >= POLL.retries) throw error
    }
    await sleep(1000 * (attempt + 1), init.signal ?? undefined)
  }
}

/** Fetches a report.json from any URL (the element's `src`). */
export async function fetchReport(url: string, signal?: AbortSignal): Promise<Report> {
  const body = await readJson(await fetchRetrying(url, { signal, headers: { accept: 'application/json' } }), url)
  if (!isReport(body)) throw new ApiRequestError(200, 'bad_response', `${url} is not a symscope report.json`)
  return body
}

/** `GET /api/v1/analyses/{id}`: the stored report, or the status of its job. */
export async function getAnalysis(api: string, id: string, signal?: AbortSignal): Promise<Report | JobStatus> {
  const url = apiUrl(api, `/analyses/${encodeURIComponent(id)}`)
  return reportOrStatus(await readJson(await fetchRetrying(url, { signal, headers: { accept: 'application/json' } }), `report ${id}`), `report ${id}`)
}

/** `POST /api/v1/analyses`: a report at once (cached, or trained within the step budget), or a queued job's status. */
export async function submitAnalysis(api: string, body: AnalysisRequestBody, signal?: AbortSignal): Promise<Report | JobStatus> {
  return reportOrStatus(await readJson(await postJson(api, '/analyses', body, signal), 'the analysis'), 'the analysis')
}

/** POST of a JSON body to a path under /api/v1, retried as `fetchRetrying` does. */
function postJson(api: string, path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  return fetchRetrying(apiUrl(api, path), {
    method: 'POST',
    signal,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  })
}

/**
 * `POST /api/v1/analyses` with a file as the body (application/octet-stream): `query` names its format and carries
 * the settings (`config` as JSON text), as the API's UploadQuery documents.
 */
export async function submitUpload(api: string, bytes: Uint8Array, query: Record<string, string>, signal?: AbortSignal): Promise<Report | JobStatus> {
  const response = await fetchRetrying(`${apiUrl(api, '/analyses')}?${new URLSearchParams(query)}`, {
    method: 'POST',
    signal,
    headers: { 'content-type': 'application/octet-stream', accept: 'application/json' },
    body: bytes as BufferSource,
  })
  return reportOrStatus(await readJson(response, 'the analysis'), 'the analysis')
}

/**
 * The report of a submitted analysis: `first` itself when it is one, else `GET /analyses/{id}` polled (waits growing
 * from POLL.firstMs to POLL.maxMs) until the report is stored, the job fails, or POLL.timeoutMs passes.
 */
export async function waitForReport(
  api: string,
  first: Report | JobStatus,
  options: { signal?: AbortSignal; onStatus?: (status: JobStatus) => void } = {},
): Promise<Report> {
  const started = Date.now()
  let answer = first
  let wait: number = POLL.firstMs
  for (;;) {
    if (isReport(answer)) return answer
    options.onStatus?.(answer)
    if (answer.status === 'failed') {
      throw new ApiRequestError(200, answer.error?.code ?? 'failed', answer.error?.message ?? 'the analysis failed on the server')
    }
    if (Date.now() - started > POLL.timeoutMs) throw new ApiRequestError(0, 'timeout', `analysis ${answer.id} is still ${answer.status}; try again later`)
    await sleep(wait, options.signal)
    wait = Math.min(POLL.maxMs, wait * 1.5)
    answer = await getAnalysis(api, answer.id, options.signal)
  }
}

/** What `GET /api/v1/scans/{id}` answers while points still train. */
export interface ScanStatus {
  id: string
  status: 'running' | 'failed'
  progress: { done: number; points: number }
  points: { id: string; status: string; error?: { code: string; message: string } }[]
}

/** The body of `POST /api/v1/scans`: an analysis's dataset, a grid, and the config every point shares. */
export interface ScanRequestBody {
  dataset: AnalysisRequestBody['dataset']
  grid: { beta: string | number[]; seeds: number[]; latent?: number[] }
  config?: AnalysisRequestBody['config']
}

const isScan = (value: unknown): value is Scan => typeof value === 'object' && value !== null && (value as Scan).schema === 'symscope-scan/1'

/**
 * `POST /api/v1/scans`: the scan at once when every point is already stored (200), else its progress (202). A bad
 * grid, too many points or the rate limit is an ApiRequestError with the API's code and message; nothing is queued.
 */
export async function submitScan(api: string, body: ScanRequestBody, signal?: AbortSignal): Promise<Scan | ScanStatus> {
  const response = await postJson(api, '/scans', body, signal)
  const answer = await readJson(response, 'the scan')
  if (isScan(answer)) return answer
  if (typeof (answer as ScanStatus | null)?.progress?.points !== 'number') throw new ApiRequestError(response.status, 'bad_response', 'the scan: the answer is neither a scan nor its status')
  return answer as ScanStatus
}

/**
 * `GET /api/v1/scans/{id}` polled (waits growing from POLL.firstMs to POLL.maxMs) until the scan is complete, a point
 * fails, or POLL.timeoutMs passes; `onStatus` sees each progress answer.
 */
export async function waitForScan(api: string, id: string, options: { signal?: AbortSignal; onStatus?: (status: ScanStatus) => void } = {}): Promise<Scan> {
  const started = Date.now()
  let wait: number = POLL.firstMs
  for (;;) {
    const url = apiUrl(api, `/scans/${encodeURIComponent(id)}`)
    const body = await readJson(await fetchRetrying(url, { signal: options.signal, headers: { accept: 'application/json' } }), `scan ${id}`)
    if (isScan(body)) return body
    const status = body as ScanStatus
    if (typeof status?.progress?.points !== 'number') throw new ApiRequestError(200, 'bad_response', `scan ${id}: the answer is neither a scan nor its status`)
    options.onStatus?.(status)
    if (status.status === 'failed') {
      const failed = status.points.find((p) => p.error)
      throw new ApiRequestError(200, failed?.error?.code ?? 'failed', failed?.error?.message ?? 'a point of the scan failed on the server')
    }
    if (Date.now() - started > POLL.timeoutMs) throw new ApiRequestError(0, 'timeout', `scan ${id} is still running; try again later`)
    await sleep(wait, options.signal)
    wait = Math.min(POLL.maxMs, wait * 1.5)
  }
}
