import { Hono } from 'hono'
import { docsPage } from '../docs.js'
import type { AppEnv } from '../env.js'
import { methodNotAllowed } from '../middleware/methodNotAllowed.js'
import { openApiDocument } from '../openapi.js'

/** `GET /openapi.json` (generated from the request schemas) and `GET /docs` (a readable page of it). */
export const openapi = new Hono<AppEnv>()
  .get('/openapi.json', (c) => c.json(openApiDocument()))
  .get('/docs', (c) => c.html(docsPage(new URL(c.req.url).origin)))
  .all('/openapi.json', methodNotAllowed('GET'))
  .all('/docs', methodNotAllowed('GET'))
