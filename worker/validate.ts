import type { z } from 'zod'
import { invalidRequest } from './errors.js'

/**
 * The validation function for Hono's `validator(target, fn)`: parses with a zod schema and answers 400
 * `invalid_request` naming each bad field. What it returns is what the handler reads from `c.req.valid(target)`.
 *
 * @example
 * route.post('/', validator('json', parseWith(eventsRequestSchema)), (c) => c.json(c.req.valid('json')))
 */
export function parseWith<S extends z.ZodType>(schema: S): (value: unknown) => z.output<S> {
  return function parse(value) {
    const result = schema.safeParse(value)
    if (!result.success) throw invalidRequest(result.error)
    return result.data
  }
}
