import { Hono } from 'hono'
import { renderError, renderNotFound } from './errors.js'
import { health } from './routes/health.js'

/** The symscope API: assembles the routes under /api/v1 and the error handling; holds no science. */
const api = new Hono().route('/health', health)

const app = new Hono()
app.route('/api/v1', api)
app.onError(renderError)
app.notFound(renderNotFound)

export default app
