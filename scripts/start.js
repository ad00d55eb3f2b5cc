#!/usr/bin/env node
// `npm start`: the symscope API and the web client on http://127.0.0.1:8787 through wrangler dev, fully local: no
// account, no network; R2 and the Durable Objects (jobs, rate limits) live under .wrangler/state. Stops with Ctrl-C.
// PORT=… picks another port. The debugger (inspector) port is a free one, not wrangler's fixed 9229, so that this
// starts beside another wrangler dev; INSPECTOR_PORT=… fixes it. The prestart script (scripts/build.js --stale)
// rebuilds the wasm kernels or the web app only when a source changed since they were built. A server on another
// port than 8787 keeps its storage apart, under .wrangler/state-<port>: two workerd processes on one SQLite store
// fail with "database is locked".
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const DEFAULT_PORT = 8787

/** Resolves with `port` if it can be listened on at 127.0.0.1 (0: a free one the system picks), else with null. */
function tryPort(port) {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(null))
    server.listen(port, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : null))
    })
  })
}

/** A port number from the environment, or a one-line error naming the variable and what it holds. */
function portFrom(name) {
  const text = process.env[name]
  if (text === undefined || text === '') return undefined
  const port = Number(text)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`symscope: ${name} must be a port number from 1 to 65535; got '${text}'`)
    process.exit(2)
  }
  return port
}

const root = fileURLToPath(new URL('..', import.meta.url))
const asked = portFrom('PORT')
let port = asked ?? DEFAULT_PORT
if ((await tryPort(port)) === null) {
  if (asked !== undefined) {
    console.error(`symscope: port ${port} (PORT) is in use by another program; choose another, e.g. PORT=${port + 1} npm start`)
    process.exit(2)
  }
  port = await tryPort(0)
  console.log(`symscope: port ${DEFAULT_PORT} is in use; starting on the free port ${port} instead (PORT=… picks one)`)
}
const inspectorPort = portFrom('INSPECTOR_PORT') ?? (await tryPort(0))
const wrangler = fileURLToPath(new URL('../node_modules/wrangler/bin/wrangler.js', import.meta.url))
const args = [
  wrangler, 'dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort),
  '--show-interactive-dev-session=false',
  ...(port === DEFAULT_PORT ? [] : ['--persist-to', `.wrangler/state-${port}`]),
]
const child = spawn(process.execPath, args, {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
})

let announced = false
child.stdout.on('data', (data) => {
  process.stdout.write(data)
  if (!announced && /Ready on/.test(String(data))) {
    announced = true
    process.stdout.write(
      `\nsymscope is running at http://127.0.0.1:${port}/\n` +
        `  API docs: http://127.0.0.1:${port}/api/v1/docs\n` +
        `  health:   curl http://127.0.0.1:${port}/api/v1/health\n` +
        'Stop with Ctrl-C.\n',
    )
  }
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
