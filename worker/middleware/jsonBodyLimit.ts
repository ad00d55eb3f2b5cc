/**
 * Request-size limit with a JSON error: Hono's bodyLimit (Content-Length when given, else counted while streaming),
 * answering 413 `too_large` with the limit in the message.
 *
 * @see https://hono.dev/docs/middleware/builtin/body-limit
 * @example
 * route.post('/', jsonBodyLimit(64 * 1024), handler)
 */
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ApiError } from '../errors.js'

export function jsonBodyLimit(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError() {
      throw new ApiError(413, 'too_large', `the request body exceeds ${maxBytes} bytes, the limit of this endpoint`)
    },
  })
}
