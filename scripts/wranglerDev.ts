// Starts `wrangler dev --local` on free loopback ports for the benchmarks and the end-to-end tests, and stops it (and
// its workerd) by process group, whatever happens. Offline: no account, no metrics, no Cloudflare fetches.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const START_TIMEOUT_MS = 120_000

/** The repository root, from scripts/ (sources) or dist/scripts/ (compiled). */
export function repositoryRoot(): string {
  let dir = fileURLToPath(new URL('..', import.meta.url))
  if (!existsSync(join(dir, 'package.json'))) dir = join(dir, '..')
  return dir
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Stops wrangler and the workerd it started: SIGTERM to the process group, SIGKILL after 5 s; or, with `crash`, SIGKILL
 * at once (nothing gets to shut down cleanly).
 */
async function stop(child: ChildProcess, crash = false): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // already gone
    }
  }
  signalGroup(crash ? 'SIGKILL' : 'SIGTERM')
  const timer = setTimeout(() => signalGroup('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
  signalGroup('SIGKILL') // workerd may outlive its parent
}

export interface WranglerDev {
  /** http://127.0.0.1:<port> */
  origin: string
  /** Process id of wrangler, which leads the process group its workerd runs in (for measuring workerd's memory). */
  pid: number
  /** What wrangler printed so far (for error messages). */
  log(): string
  stop(): Promise<void>
  /** SIGKILL to its process group, as a crash would; the storage folder is removed unless it is `persistTo`. */
  kill(): Promise<void>
}

/**
 * Runs `wrangler dev` with `config` (relative to the repository root; default the project's wrangler.toml, which
 * serves the built web client and the API) and waits until `readyPath` answers 2xx. `vars` become
 * `--var NAME:VALUE`. Local storage (R2, Durable Objects and their alarms) lives in a fresh temporary folder, removed on
 * stop; or in `persistTo`, which is kept, so that a second `wrangler dev` on it finds what the first one left.
 */
export async function startWranglerDev(
  config = 'wrangler.toml',
  readyPath = '/api/v1/health',
  options: { vars?: Record<string, string>; persistTo?: string } = {},
): Promise<WranglerDev> {
  const root = repositoryRoot()
  const storage = options.persistTo ?? mkdtempSync(join(tmpdir(), 'symscope-wrangler-'))
  const removeStorage = () => options.persistTo === undefined && rmSync(storage, { recursive: true, force: true })
  const [port, inspectorPort] = [await freePort(), await freePort()]
  const args = [
    join(root, 'node_modules/wrangler/bin/wrangler.js'),
    'dev',
    '--config',
    join(root, config),
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspectorPort),
    '--local',
    '--show-interactive-dev-session=false',
    ...Object.entries(options.vars ?? {}).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
    '--persist-to',
    storage,
  ]
  const child = spawn(process.execPath, args, {
    cwd: root,
    detached: true, // its own process group, so that stop() reaches workerd too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
  })
  let log = ''
  child.stdout?.on('data', (data) => (log += String(data)))
  child.stderr?.on('data', (data) => (log += String(data)))
  const origin = `http://127.0.0.1:${port}`
  const deadline = Date.now() + START_TIMEOUT_MS
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${log.slice(-2000)}`)
      try {
        const response = await fetch(`${origin}${readyPath}`)
        await response.arrayBuffer()
        if (response.ok) break
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`wrangler dev did not answer in ${START_TIMEOUT_MS / 1000} s:\n${log.slice(-2000)}`)
      await sleep(250)
    }
  } catch (error) {
    await stop(child)
    removeStorage()
    throw error
  }
  return {
    origin,
    pid: child.pid!,
    log: () => log,
    stop: async () => {
      await stop(child)
      removeStorage()
    },
    kill: async () => {
      await stop(child, true)
      removeStorage()
    },
  }
}
