/**
 * Named limits of the public API, each documented in the README ("The HTTP API"). The CLI and the web client train
 * locally and have none of these; `npx symscope analyze` is where larger work goes. A deployment can override the
 * step and rate limits with the string variables of `Env` (wrangler.toml `[vars]`); `limitsOf` reads them.
 */
import { MAX_INPUT_COLUMNS, type ReadLimits } from '../core/io/index.js'

/** Events per request: `POST /datasets/{name}/events` and a generator in `POST /analyses`. */
export const MAX_API_EVENTS = 100_000

/** Size of the `csv` text in `POST /analyses`, UTF-8 bytes. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024

/** Data rows of that CSV. */
export const MAX_CSV_ROWS = 50_000

/** A binary upload to `POST /analyses` (Parquet, .npy or .npz bytes, `application/octet-stream`). */
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024

/** Request body of `POST /analyses` (the CSV as a JSON string: room for its escapes). */
export const MAX_ANALYSIS_BODY_BYTES = 3 * 1024 * 1024

/** Request body of every other POST. */
export const MAX_JSON_BODY_BYTES = 64 * 1024

/**
 * Bytes an upload may inflate to (a .gz body, the members of a .npz, a Parquet file's pages): inflation stops here.
 * With MAX_API_CELLS it keeps a refused upload's peak memory far below the 128 MB of a workerd isolate.
 */
export const MAX_API_INFLATED_BYTES = 16 * 1024 * 1024

/** Values (rows × columns) of an uploaded table: 16 MiB as float64. */
export const MAX_API_CELLS = 2 * 1024 * 1024

/** The read limits of every file the API reads (core/io/limits.ts), checked while reading. */
export const API_READ_LIMITS: ReadLimits = {
  maxBytes: MAX_API_INFLATED_BYTES,
  maxRows: MAX_CSV_ROWS,
  maxColumns: MAX_INPUT_COLUMNS,
  maxCells: MAX_API_CELLS,
}

/** Longest request URL the worker answers (path and query); longer is 414 `uri_too_long`. */
export const MAX_URL_BYTES = 8 * 1024


/**
 * The step budget: most optimiser steps trained in one request or one slice of a job. Local dev does not enforce
 * CPU limits (docs/platform.md), so the worker enforces this in code: a request never trains past it.
 * Sized in CPU time: 1,500 steps of tfjs-wasm (the trainer before the fused one) took as long as 23,000 fused steps of
 * the default 8-feature network and 7,700 of the largest server network (`node dist/bench/run.js stepBudget`), so
 * 7,500 fused steps cost no request more CPU time than before.
 */
export const STEP_BUDGET = 7_500

/** Largest server job, in optimiser steps (epochs × batches per epoch); beyond it, 413 and the local client. */
export const MAX_JOB_STEPS = 60_000

/** Widest hidden layer and largest batch trained on the server: with the step budget they bound a slice's work. */
export const MAX_SERVER_HIDDEN = 256
export const MAX_SERVER_BATCH_SIZE = 2_048

/**
 * Points (β × seeds × latent sizes) in one `POST /scans`: each is an analysis job, and the scan counts as that many
 * analyses against RATE_LIMIT_ANALYSES, so it must fit in one window.
 */
export const MAX_API_SCAN_POINTS = 24

/**
 * The request header that names the client for the rate limits: `CF-Connecting-IP`, which Cloudflare's edge sets and
 * a client cannot. Behind another proxy name the header it sets (CLIENT_IP_HEADER); where nothing trustworthy sets
 * one (wrangler dev, a bare workerd), `none` counts every request as one client. docs/api.md, "Rate limits".
 */
export const CLIENT_IP_HEADER = 'cf-connecting-ip'

/** Requests per client (see CLIENT_IP_HEADER) per window, all of /api/v1 together. */
export const RATE_LIMIT_REQUESTS = 600

/** `POST /analyses` per client per window (each may train up to the step budget). */
export const RATE_LIMIT_ANALYSES = 30

/** Length of the fixed rate-limit window, seconds. */
export const RATE_LIMIT_WINDOW_SECONDS = 60

/** Pause before each job slice (ms): 0 runs slices back to back. */
export const JOB_SLICE_DELAY_MS = 0

/** The deployment's overrides of the limits above (wrangler.toml `[vars]`; `Env` carries them). */
export interface LimitVariables {
  STEP_BUDGET?: string
  MAX_JOB_STEPS?: string
  RATE_LIMIT_REQUESTS?: string
  RATE_LIMIT_ANALYSES?: string
  RATE_LIMIT_WINDOW_SECONDS?: string
  /** Pause before each job slice, in ms (0: slices run back to back). */
  JOB_SLICE_DELAY_MS?: string
  /** The header a trusted proxy sets to the client's IP, for the rate limits (default CF-Connecting-IP), or `none`. */
  CLIENT_IP_HEADER?: string
}

export interface Limits {
  stepBudget: number
  maxJobSteps: number
  rateLimitRequests: number
  rateLimitAnalyses: number
  rateLimitWindowSeconds: number
  jobSliceDelayMs: number
  /** The trusted client-IP header, lower case, or null for none (every request is one client). */
  clientIpHeader: string | null
}

/** A positive integer from an environment string, or the default when it is absent or not one. */
function positive(text: string | undefined, fallback: number, allowZero = false): number {
  if (text === undefined || text.trim() === '') return fallback
  const value = Number(text)
  return Number.isInteger(value) && (value > 0 || (allowZero && value === 0)) ? value : fallback
}

/** The limits in force: the constants above, overridden by the deployment's variables where set. */
export function limitsOf(env: LimitVariables | undefined): Limits {
  return {
    stepBudget: positive(env?.STEP_BUDGET, STEP_BUDGET),
    maxJobSteps: positive(env?.MAX_JOB_STEPS, MAX_JOB_STEPS),
    rateLimitRequests: positive(env?.RATE_LIMIT_REQUESTS, RATE_LIMIT_REQUESTS),
    rateLimitAnalyses: positive(env?.RATE_LIMIT_ANALYSES, RATE_LIMIT_ANALYSES),
    rateLimitWindowSeconds: positive(env?.RATE_LIMIT_WINDOW_SECONDS, RATE_LIMIT_WINDOW_SECONDS),
    jobSliceDelayMs: positive(env?.JOB_SLICE_DELAY_MS, JOB_SLICE_DELAY_MS, true),
    clientIpHeader: clientIpHeaderOf(env?.CLIENT_IP_HEADER),
  }
}

/** CLIENT_IP_HEADER from the deployment: a header name, or `none`; absent or blank, the default. */
function clientIpHeaderOf(text: string | undefined): string | null {
  const name = text?.trim().toLowerCase()
  if (!name) return CLIENT_IP_HEADER
  return name === 'none' ? null : name
}
