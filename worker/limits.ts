/**
 * Named limits of the public API, each documented in the README ("The HTTP API"). The CLI and the web client train
 * locally and have none of these; `npx symscope analyze` is where larger work goes. A deployment can override the
 * step and rate limits with the string variables of `Env` (wrangler.toml `[vars]`); `limitsOf` reads them.
 */

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

/** Requests per client (CF-Connecting-IP) per window, all of /api/v1 together. */
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
}

export interface Limits {
  stepBudget: number
  maxJobSteps: number
  rateLimitRequests: number
  rateLimitAnalyses: number
  rateLimitWindowSeconds: number
  jobSliceDelayMs: number
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
  }
}
