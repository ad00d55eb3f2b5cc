#!/usr/bin/env node
// `npm start`: the symscope API and the web client on http://127.0.0.1:8787 through wrangler dev, fully local: no
// account, no network; R2 and the Durable Objects (jobs, rate limits) live under .wrangler/state. Stops with Ctrl-C.
// PORT=… picks another port.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const port = process.env.PORT ?? '8787'
const wrangler = fileURLToPath(new URL('../node_modules/wrangler/bin/wrangler.js', import.meta.url))
const args = [wrangler, 'dev', '--local', '--ip', '127.0.0.1', '--port', port, '--show-interactive-dev-session=false']
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
