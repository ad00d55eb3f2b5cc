/**
 * The handler registered last on a path: any method the route does not serve is answered 405
 * `method_not_allowed` with an `Allow` header (Hono itself would answer 404).
 *
 * @example
 * route.get('/', list).all('/', methodNotAllowed('GET'))
 */
import type { Handler } from 'hono'
import { ApiError } from '../errors.js'

export function methodNotAllowed(...allowed: string[]): Handler {
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ')
  return async function methodNotAllowed(c) {
    const path = new URL(c.req.url).pathname
    throw new ApiError(405, 'method_not_allowed', `${c.req.method} is not allowed on ${path} (allowed: ${allow})`, { Allow: allow })
  }
}
