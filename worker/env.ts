import type { AnalysisJob } from './jobs/analysisJob.js'
import type { RateLimitCounter } from './jobs/rateLimitCounter.js'
import type { LimitVariables } from './limits.js'

/**
 * The worker's bindings (wrangler.toml). The string variables are optional overrides of the named limits in
 * limits.ts; a deployment may set them under `[vars]`, tests pass them to `app.fetch(request, env)`.
 */
export interface Env extends LimitVariables {
  /** The built web client (wrangler `[assets]`). */
  ASSETS: Fetcher
  /** Finished reports, one object per content hash: `reports/<id>.json`, the exact bytes served. */
  REPORTS: R2Bucket
  /** One Durable Object per queued analysis (id = the report's content hash), trained in slices by alarms. */
  ANALYSIS_JOBS: DurableObjectNamespace<AnalysisJob>
  /** One fixed-window request counter per client IP. */
  RATE_LIMITER: DurableObjectNamespace<RateLimitCounter>
}

/** Hono's type parameter for every app and route of the worker. */
export interface AppEnv {
  Bindings: Env
}
