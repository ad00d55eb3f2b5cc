import { Hono } from 'hono'
import { VERSION } from '../../core/index.js'
import { loadWasm } from '../../core/wasm/workerd.js'
import type { AppEnv } from '../env.js'
import { methodNotAllowed } from '../middleware/methodNotAllowed.js'

/** `GET /health`: the service is up and its compute module loads. */
export const health = new Hono<AppEnv>()
  .get('/', async (c) => {
    const wasm = await loadWasm()
    return c.json({ status: 'ok', version: VERSION, wasmMemoryBytes: wasm.exports.memory.buffer.byteLength })
  })
  .all('/', methodNotAllowed('GET'))
