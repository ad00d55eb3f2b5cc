/**
 * The built web client: requests outside /api are handed to the static-assets binding (wrangler `[assets]`). In a
 * deployment the assets layer answers them before the worker runs (only /api/* runs the worker first); this
 * serves them when the worker is called directly (tests, a path no asset matches). No asset: a JSON 404.
 *
 * @example
 * app.get('*', serveAssets())
 */
import type { Handler } from 'hono'
import type { AppEnv } from '../env.js'
import { renderNotFound } from '../errors.js'

export function serveAssets(): Handler<AppEnv> {
  return async function serveAssets(c) {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/') || !c.env.ASSETS) return renderNotFound(c)
    const response = await c.env.ASSETS.fetch(c.req.raw)
    return response.status === 404 ? renderNotFound(c) : response
  }
}
