import { z } from 'zod'
import { MAX_SEED } from '../../core/index.js'
import { MAX_API_EVENTS } from '../limits.js'

/** A generator's parameters as sent: names and types are checked against the registry by core's resolveRequest. */
export const parametersSchema = z
  .record(z.string(), z.union([z.number(), z.boolean(), z.null()]))
  .meta({ description: "The dataset's parameters (GET /api/v1/datasets lists them); omitted ones take their defaults." })

/**
 * The number of events: an integer, at least 1; more than MAX_API_EVENTS is a 413 from core's resolveRequest, which
 * names that limit (zod's int() would answer 1e308 with the safe-integer bound, not the limit that applies).
 */
export const eventCountSchema = z
  .number()
  .min(1)
  .refine(Number.isInteger, { message: 'expected an integer' })
  .meta({ type: 'integer', maximum: MAX_API_EVENTS, description: `Number of events, 1 … ${MAX_API_EVENTS}.` })

export const seedSchema = z.int().min(0).max(MAX_SEED).meta({ description: 'Seed: the same seed and parameters give the same events.' })

/** `POST /datasets/{name}/events`. */
export const eventsRequestSchema = z
  .strictObject({
    n: eventCountSchema.default(1000),
    seed: seedSchema.default(1),
    params: parametersSchema.default({}),
    format: z.enum(['csv', 'json']).default('csv').meta({ description: 'csv: text/csv with a header row; json: flat row-major arrays.' }),
  })
  .meta({ id: 'EventsRequest' })

export type EventsRequest = z.infer<typeof eventsRequestSchema>

/** The JSON form of generated events: flat row-major arrays, row i of features at [i·F, (i+1)·F). */
export const eventsResponseSchema = z
  .object({
    dataset: z.string(),
    n: z.int(),
    seed: z.int(),
    params: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
    featureNames: z.array(z.string()),
    truthNames: z.array(z.string()),
    features: z.array(z.number()).meta({ description: 'Row-major n × featureNames.length.' }),
    truth: z.array(z.number()).meta({ description: 'Row-major n × truthNames.length.' }),
  })
  .meta({ id: 'Events' })
