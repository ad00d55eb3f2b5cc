// The web client under test and benchmark: `wrangler dev --local` serving the built app and the API on a free port,
// and Debian's Chromium driven by playwright-core (never a browser download). Used by bench/browser.ts and by the
// end-to-end tests (test/e2e/). wrangler stays offline (CLOUDFLARE_CF_FETCH_ENABLED=false) and is stopped by its
// process group, workerd included, whatever happens.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'

/** Debian's `chromium` package (`apt-get install -y chromium`). */
export const CHROMIUM_PATH = '/usr/bin/chromium'

/**
 * Chromium as root in a container, headless and quiet (DESIGN.md, browser facts). Playwright gives every launch a
 * fresh temporary user-data directory.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
]

const START_TIMEOUT_MS = 120_000

/** The repository root, from bench/ (sources) or dist/bench/ (compiled). */
export function repositoryRoot(): string {
  let dir = fileURLToPath(new URL('..', import.meta.url))
  if (!existsSync(join(dir, 'package.json'))) dir = join(dir, '..')
  return dir
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))))
    })
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Stops a detached child and its process group: SIGTERM, SIGKILL after 5 s, and SIGKILL again for stragglers. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // already gone
    }
  }
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    signalGroup('SIGTERM')
    const timer = setTimeout(() => signalGroup('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }
  signalGroup('SIGKILL') // workerd may outlive its parent
}

export interface WranglerDev {
  /** http://127.0.0.1:<port> */
  url: string
  pid: number
  /** What wrangler printed so far (for error messages). */
  log(): string
  stop(): Promise<void>
}

/**
 * Starts `wrangler dev --local` for the repository's wrangler.toml (the built app in dist/web and the API) on free
 * ports, with its storage (R2, Durable Objects) in a fresh temporary directory, and waits until the API answers.
 */
export async function startWranglerDev(): Promise<WranglerDev> {
  const root = repositoryRoot()
  if (!existsSync(join(root, 'dist/web/index.html'))) throw new Error('dist/web/index.html is missing: run npm run build first')
  const [port, inspectorPort] = [await freePort(), await freePort()]
  const state = mkdtempSync(join(tmpdir(), 'symscope-e2e-state-'))
  const args = [
    join(root, 'node_modules/wrangler/bin/wrangler.js'),
    'dev',
    '--local',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspectorPort),
    '--persist-to',
    state,
    '--show-interactive-dev-session=false',
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
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    await stopGroup(child)
    rmSync(state, { recursive: true, force: true })
  }
  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`wrangler dev exited (${child.exitCode}):\n${log.slice(-2000)}`)
    }
    try {
      const response = await fetch(`${url}/api/v1/health`)
      if (response.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`wrangler dev did not answer in ${START_TIMEOUT_MS / 1000} s:\n${log.slice(-2000)}`)
    }
    await sleep(250)
  }
  return { url, pid: child.pid!, log: () => log, stop }
}

/** Launches Debian's Chromium headless (a fresh profile each time); `extraArgs` add flags such as WebGPU's. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: apt-get install -y chromium`)
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs], timeout: 60_000 })
}
