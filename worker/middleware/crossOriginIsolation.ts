/**
 * Cross-origin isolation for the app's HTML pages: `Cross-Origin-Opener-Policy: same-origin` and
 * `Cross-Origin-Embedder-Policy: require-corp` on every text/html response, so that the web client may use
 * SharedArrayBuffer (tfjs's threaded wasm backend; docs/platform.md). JSON and CSV answers are left alone.
 *
 * @example
 * app.use('*', crossOriginIsolation())
 */
import type { MiddlewareHandler } from 'hono'

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const

export function crossOriginIsolation(): MiddlewareHandler {
  return async function crossOriginIsolation(c, next) {
    await next()
    if (!(c.res.headers.get('content-type') ?? '').startsWith('text/html')) return
    // A response from the assets binding has immutable headers: copy it before setting ours.
    const response = new Response(c.res.body, c.res)
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) response.headers.set(name, value)
    c.res = response
  }
}
