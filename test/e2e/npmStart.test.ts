// `npm start` (scripts/start.js) beside another one: two symscope servers at once, each on its own port and its own
// debugger port (wrangler's fixed 9229 made the second stop with "Address already in use"). 9229 is held by this test
// too, as any other wrangler dev on the machine would hold it. Servers stop by process group.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { repositoryRoot } from '../../scripts/wranglerDev.js'

const root = repositoryRoot()
const children: ChildProcess[] = []
const servers: Server[] = []

afterAll(async () => {
  for (const child of children) {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
})

/** Listens on `port` (0: a free one); resolves with the server, or null when the port is taken. */
const listen = (port: number) =>
  new Promise<Server | null>((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(null))
    server.listen(port, '127.0.0.1', () => resolve(server))
  })

/** `count` distinct free ports: all held open together, then released. */
async function freePorts(count: number): Promise<number[]> {
  const held = await Promise.all(Array.from({ length: count }, () => listen(0)))
  const ports = held.map((server) => (server!.address() as { port: number }).port)
  await Promise.all(held.map((server) => new Promise((resolve) => server!.close(resolve))))
  return ports
}

/** Runs scripts/start.js with PORT=port; resolves with its output once it says it is running (or exits). */
function start(port: number): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, [join(root, 'scripts/start.js')], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), INSPECTOR_PORT: '' },
  })
  children.push(child)
  let output = ''
  return new Promise((resolve) => {
    const onData = (data: Buffer) => {
      output += String(data)
      if (output.includes('symscope is running at')) resolve({ child, output })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', () => resolve({ child, output }))
  })
}

describe('npm start beside another wrangler dev', () => {
  it('starts twice at once, each answering on its own port, with 9229 taken', async () => {
    const held = await listen(9229) // null: something else already holds it, which is the same situation
    if (held) servers.push(held)
    const ports = await freePorts(2)
    const [first, second] = await Promise.all(ports.map(start))
    for (const { output } of [first, second]) {
      expect(output, output).toContain("symscope is running at")
      expect(output).not.toMatch(/Address already in use/)
      const origin = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)![1]
      const health = await fetch(`${origin}/api/v1/health`)
      expect(health.status).toBe(200)
    }
  })

  it('refuses a PORT in use in one line, before starting wrangler', async () => {
    const taken = (await listen(0))!
    servers.push(taken)
    const { port } = taken.address() as { port: number }
    const { child, output } = await start(port)
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))
    expect(output.trim()).toBe(`symscope: port ${port} (PORT) is in use by another program; choose another, e.g. PORT=${port + 1} npm start`)
    expect(child.exitCode).toBe(2)
  })
})
