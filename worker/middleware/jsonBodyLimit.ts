/**
 * A route's request-size limit with a JSON error: 413 `too_large` with the limit in the message, from Content-Length
 * when given, else counted while reading, never buffering past the limit (requestLimits.ts reads every body of
 * /api/* this way before the routes; this keeps a route's own limit when it is mounted elsewhere, as in tests).
 *
 * @example
 * route.post('/', jsonBodyLimit(64 * 1024), handler)
 */
import type { MiddlewareHandler } from 'hono'
import { readBounded, withBody } from './requestLimits.js'

export function jsonBodyLimit(maxBytes: number): MiddlewareHandler {
  return async function jsonBodyLimit(c, next) {
    const raw = c.req.raw
    if (raw.body) {
      c.req.raw = withBody(raw, await readBounded(raw, maxBytes))
    }
    await next()
  }
}
