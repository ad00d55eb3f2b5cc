/**
 * Per-client rate limiting: a fixed window counted by one Durable Object per client IP, read from the trusted header
 * of `limitsOf(env).clientIpHeader` (CF-Connecting-IP by default, which only Cloudflare's edge sets reliably: behind
 * wrangler dev or another proxy a client can set it, so name the proxy's header or `none` with CLIENT_IP_HEADER).
 * "local" when the header is absent or none is trusted. Past the limit: 429 `rate_limited` with `Retry-After`, the
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

/**
 * The client's IP from the trusted header, or undefined. Of a list (X-Forwarded-For) the last address is the one the
 * trusted proxy appended; the ones before it are whatever the client sent.
 */
export function clientIp(env: Partial<Env> | undefined, header: (name: string) => string | undefined): string | undefined {
  const name = limitsOf(env).clientIpHeader
  return name === null ? undefined : header(name)?.split(',').at(-1)
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async function rateLimit(c, next) {
    await countRequests(c.env, clientIp(c.env, (name) => c.req.header(name)), options)
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
