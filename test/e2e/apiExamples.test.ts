// docs/api.md's curl examples work as written: each command of its first shell block runs in order (bash, in one
// scratch folder, so `> zpole.csv` feeds the jq line and the upload reads the dy.parquet the block generates) against
// a `wrangler dev` this test starts, with only its address changed and `<id>` replaced by the id the last analysis
// answered. Each HTTP answer shown with -i is 2xx or 304, never an error. No browser needed.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWranglerDev, type WranglerDev } from '../../scripts/wranglerDev.js'
import { CLI } from '../client/cliRunner.js'
import { fencedBlocks, readDoc, shellCommands } from '../docs/markdown.js'

const DOCUMENTED_ORIGIN = 'http://127.0.0.1:8787'
const commands = shellCommands(fencedBlocks(readDoc('docs/api.md')).find((block) => block.lang === 'sh')!.body)
const dir = mkdtempSync(join(tmpdir(), 'symscope-api-examples-'))
let server: WranglerDev

beforeAll(async () => {
  server = await startWranglerDev()
}, 180_000)

afterAll(async () => {
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** The status codes of every HTTP answer in `curl -i` output (a 100 Continue line included). */
const statuses = (output: string) => [...output.matchAll(/^HTTP\/[\d.]+ (\d{3})/gm)].map((m) => Number(m[1]))

describe("docs/api.md's curl examples", () => {
  it('are in the first shell block, with an upload of a generated Parquet file', () => {
    expect(commands.some((c) => c.startsWith('curl -i -X POST') && c.includes('--data-binary @dy.parquet'))).toBe(true)
    expect(commands).toContain('npx symscope generate drell_yan --n 20000 --out dy.parquet')
  })

  it('run as written, in order, and get no error', () => {
    let lastId = ''
    for (const command of commands) {
      const script = command
        .replaceAll(DOCUMENTED_ORIGIN, server.origin)
        .replace(/^npx symscope /, `"${process.execPath}" "${CLI}" `)
        .replaceAll('<id>', lastId)
      expect(command.includes('<id>') && lastId === '', `no analysis id yet for: ${command}`).toBe(false)
      const result = spawnSync('bash', ['-o', 'pipefail', '-c', script], { cwd: dir, encoding: 'utf8', timeout: 120_000 })
      const context = `${command}\n${result.stdout.slice(0, 2000)}\n${result.stderr.slice(-2000)}`
      expect(result.status, context).toBe(0)
      expect(result.stdout, context).not.toMatch(/"error"\s*:/)
      for (const status of statuses(result.stdout).filter((s) => s !== 100)) expect([200, 201, 202, 304], context).toContain(status)
      const id = /"id"\s*:\s*"([0-9a-f]{64})"/.exec(result.stdout)?.[1]
      if (id && command.includes('/analyses')) lastId = id
    }
  }, 300_000)
})
