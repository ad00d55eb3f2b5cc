import { Hono } from 'hono'
import { validator } from 'hono/validator'
import { csvHeader, csvRows, datasets as registry, generateChunks, generateEvents, getDataset, type DatasetSpec } from '../../core/index.js'
import { loadWasm } from '../../core/wasm/workerd.js'
import type { AppEnv } from '../env.js'
import { MAX_API_EVENTS, MAX_JSON_BODY_BYTES } from '../limits.js'
import { jsonBodyLimit } from '../middleware/jsonBodyLimit.js'
import { methodNotAllowed } from '../middleware/methodNotAllowed.js'
import { requireJson } from '../middleware/requireJson.js'
import { eventsRequestSchema } from '../schemas/events.js'
import { parseWith } from '../validate.js'

/** A registry dataset as the API lists it: everything but the generator function. */
export function describeDataset(spec: DatasetSpec<any>) {
  const { name, title, description, features, truth, angularTruth, degreesOfFreedom, parameters } = spec
  return { name, title, description, features, truth, angularTruth, degreesOfFreedom, parameters }
}

/** `GET /datasets` and `POST /datasets/{name}/events`: the registry and its generators. */
export const datasets = new Hono<AppEnv>()
  .get('/', (c) => c.json({ datasets: Object.values(registry).map(describeDataset) }))
  .post(
    '/:name/events',
    jsonBodyLimit(MAX_JSON_BODY_BYTES),
    validator('param', ({ name }) => ({ spec: getDataset(name ?? '') })),
    requireJson(),
    validator('json', parseWith(eventsRequestSchema)),
    async (c) => {
      const { spec } = c.req.valid('param')
      const { n, seed, params, format } = c.req.valid('json')
      const wasm = await loadWasm()
      const request = { dataset: spec.name, n, seed, params, maxEvents: MAX_API_EVENTS }
      if (format === 'json') {
        const events = generateEvents(wasm, request)
        return c.json({
          dataset: events.dataset,
          n: events.n,
          seed: events.seed,
          params: events.params,
          featureNames: events.featureNames,
          truthNames: events.truthNames,
          features: Array.from(events.features),
          truth: Array.from(events.truth),
        })
      }
      const nf = spec.features.length
      const nt = spec.truth.length
      const parts = [csvHeader(spec.features, spec.truth)]
      for (const chunk of generateChunks(wasm, request)) parts.push(csvRows(chunk.features, chunk.truth, chunk.n, nf, nt))
      return c.body(parts.join(''), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `inline; filename="${spec.name}-n${n}-seed${seed}.csv"`,
      })
    },
  )
  .all('/', methodNotAllowed('GET'))
  .all('/:name/events', methodNotAllowed('POST'))
