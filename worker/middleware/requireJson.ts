/**
 * Requires a JSON request body: a POST whose Content-Type is not `application/json` (or `…+json`) is answered
 * 415 `unsupported_media_type` before anything reads the body, so a form or text body never reaches a validator
 * (Hono's json validator would read such a body as `{}`).
 *
 * @example
 * route.post('/', requireJson(), validator('json', parseWith(schema)), handler)
 */
import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../errors.js'

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i

export function requireJson(): MiddlewareHandler {
  return async function requireJson(c, next) {
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0].trim()
    if (!JSON_MEDIA_TYPE.test(mediaType)) {
      const got = mediaType === '' ? 'no Content-Type' : `Content-Type ${mediaType}`
      throw new ApiError(415, 'unsupported_media_type', `the body must be JSON (Content-Type: application/json); got ${got}`)
    }
    await next()
  }
}
