import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import { isSymscopeError, type ErrorCode } from '../core/index.js'

/** HTTP status of each core error code: all are the client's to fix. */
const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  unknown_dataset: 404,
  unknown_parameter: 400,
  invalid_parameter: 400,
  invalid_csv: 400,
  invalid_data: 422,
  too_large: 413,
}

/**
 * Every `error.code` the API answers with, and its status: the core's codes above, then the worker's own. The
 * README and /docs list these; a 500 `internal` is a bug.
 */
export const ERROR_CODES = {
  ...STATUS,
  bad_request: 400,
  invalid_request: 400,
  not_found: 404,
  method_not_allowed: 405,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
} as const satisfies Record<string, number>

export type ApiErrorCode = keyof typeof ERROR_CODES

/** An HTTP error with a stable machine-readable code, rendered as `{ error: { code, message } }`. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    /** Extra response headers (Allow, Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message })
  }
}

/** The body of every error response. */
export const errorBody = (code: string, message: string) => ({ error: { code, message } })

/**
 * A request body or query that failed its schema: 400 `invalid_request`, naming each bad field by its path, or
 * `where` (body, query) for an issue of the whole.
 */
export function invalidRequest(error: z.ZodError, where: 'body' | 'query' = 'body'): ApiError {
  const issues = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join('.')
    return `${path || where}: ${issue.message}`
  })
  const more = error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : ''
  return new ApiError(400, 'invalid_request', issues.join('; ') + more)
}

/** The one place errors become HTTP responses: core errors, Hono's own HTTPExceptions and anything unexpected. */
export function renderError(error: Error, c: Context): Response {
  if (isSymscopeError(error)) return c.json(errorBody(error.code, error.message), STATUS[error.code])
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value)
    return c.json(errorBody(error.code, error.message), error.status)
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode
    return c.json(errorBody(status === 413 ? 'too_large' : 'bad_request', error.message || 'bad request'), status)
  }
  console.error('symscope worker: unexpected error', error)
  return c.json(errorBody('internal', 'internal error'), 500)
}

export function renderNotFound(c: Context): Response {
  return c.json(errorBody('not_found', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404)
}
