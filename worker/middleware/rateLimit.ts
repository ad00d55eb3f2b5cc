/**
 * Per-client rate limiting: a fixed window counted by one Durable Object per client IP (CF-Connecting-IP; "local"
 * when absent, as in wrangler dev without a proxy). Past the limit: 429 `rate_limited` with `Retry-After`, the
 * seconds until the window ends. The limit comes from limits.ts or the deployment's variables (`limitsOf`).
 *
 * @example
 * app.use('/api/*', rateLimit({ bucket: 'requests', limit: (l) => l.rateLimitRequests }))
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.js'
import { ApiError } from '../errors.js'
import { limitsOf, type Limits } from '../limits.js'

export interface RateLimitOptions {
  /** Name of the counter: each bucket is counted separately. */
  bucket: string
  /** Requests allowed per window, from the limits in force. */
  limit: (limits: Limits) => number
}

export const clientKey = (header: string | undefined): string => header?.trim() || 'local'

export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async function rateLimit(c, next) {
    const limits = limitsOf(c.env)
    const limit = options.limit(limits)
    const client = clientKey(c.req.header('cf-connecting-ip'))
    const counter = c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(client))
    const verdict = await counter.hit(options.bucket, limit, limits.rateLimitWindowSeconds)
    if (!verdict.allowed) {
      throw new ApiError(
        429,
        'rate_limited',
        `too many requests: ${limit} ${options.bucket} per ${limits.rateLimitWindowSeconds} s per client; retry in ${verdict.retryAfter} s`,
        { 'Retry-After': String(verdict.retryAfter) },
      )
    }
    await next()
  }
}
