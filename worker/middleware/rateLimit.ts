/**
 * Per-client rate limiting: a fixed window counted by one Durable Object per client IP (CF-Connecting-IP; "local"
 * when absent, as in wrangler dev without a proxy). Past the limit: 429 `rate_limited` with `Retry-After`, the
 * seconds until the window ends. The limit comes from limits.ts or the deployment's variables (`limitsOf`).
 *
 * @example
 * app.use('/api/*', rateLimit({ bucket: 'requests', limit: (l) => l.rateLimitRequests }))
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv, Env } from '../env.js'
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
    await countRequests(c.env, c.req.header('cf-connecting-ip'), options)
    await next()
  }
}

/**
 * Counts `weight` requests of one client in `options.bucket` (a scan counts as its points) and throws 429
 * `rate_limited` with Retry-After when they go past the limit.
 */
export async function countRequests(env: Env, ip: string | undefined, options: RateLimitOptions, weight = 1): Promise<void> {
  const limits = limitsOf(env)
  const limit = options.limit(limits)
  const counter = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(clientKey(ip)))
  const verdict = await counter.hit(options.bucket, limit, limits.rateLimitWindowSeconds, weight)
  if (!verdict.allowed) {
    throw new ApiError(
      429,
      'rate_limited',
      `too many requests: ${limit} ${options.bucket} per ${limits.rateLimitWindowSeconds} s per client${weight > 1 ? ` (this one counts as ${weight})` : ''}; retry in ${verdict.retryAfter} s`,
      { 'Retry-After': String(verdict.retryAfter) },
    )
  }
}
