import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { isSymscopeError, type ErrorCode } from '../core/errors.js'

/** HTTP status of each core error code: all are the client's to fix. */
const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  unknown_dataset: 404,
  unknown_parameter: 400,
  invalid_parameter: 400,
  invalid_csv: 400,
  invalid_data: 422,
  too_large: 413,
}

/** An HTTP error with a stable machine-readable code, rendered as `{ error: { code, message } }`. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(status, { message })
  }
}

const body = (code: string, message: string) => ({ error: { code, message } })

/** The one place errors become HTTP responses: core errors, Hono's own HTTPExceptions and anything unexpected. */
export function renderError(error: Error, c: Context): Response {
  if (isSymscopeError(error)) return c.json(body(error.code, error.message), STATUS[error.code])
  if (error instanceof ApiError) return c.json(body(error.code, error.message), error.status)
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode
    return c.json(body(status === 413 ? 'too_large' : 'bad_request', error.message || 'bad request'), status)
  }
  console.error('symscope worker: unexpected error', error)
  return c.json(body('internal', 'internal error'), 500)
}

export function renderNotFound(c: Context): Response {
  return c.json(body('not_found', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404)
}
