import { Hono } from 'hono'
import { cors } from 'hono/cors'
import type { AppEnv } from './env.js'
import { renderError, renderNotFound } from './errors.js'
import { crossOriginIsolation } from './middleware/crossOriginIsolation.js'
import { rateLimit } from './middleware/rateLimit.js'
import { requestLimits } from './middleware/requestLimits.js'
import { serveAssets } from './middleware/serveAssets.js'
import { analyses } from './routes/analyses.js'
import { datasets } from './routes/datasets.js'
import { health } from './routes/health.js'
import { openapi } from './routes/openapi.js'
import { scans } from './routes/scans.js'

/** The symscope API, versioned: one Hono per resource. */
const api = new Hono<AppEnv>()
  .route('/health', health)
  .route('/datasets', datasets)
  .route('/analyses', analyses)
  .route('/scans', scans)
  .route('/', openapi)

/** Assembles the API under /api/v1, its CORS and rate limits, the error handling and the static web client. */
const app = new Hono<AppEnv>()
app.use('*', crossOriginIsolation())
app.use(
  '/api/*',
  cors({
    origin: '*',
    allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'If-None-Match'],
    exposeHeaders: ['ETag', 'Location', 'Retry-After', 'x-symscope-cache', 'x-symscope-steps'],
    maxAge: 86_400,
  }),
)
app.use('/api/*', requestLimits())
app.use('/api/*', rateLimit({ bucket: 'requests', limit: (limits) => limits.rateLimitRequests }))
app.route('/api/v1', api)
app.get('*', serveAssets())
app.onError(renderError)
app.notFound(renderNotFound)

export default app
export { AnalysisJob } from './jobs/analysisJob.js'
export { RateLimitCounter } from './jobs/rateLimitCounter.js'
