// Examples work as written: every `npx symscope generate` and `help` line in the shell blocks of the README and docs/
// runs with the built CLI in a scratch folder and exits 0, and the file docs/api.md uploads fits the API's upload
// limit (its 50,000-event version was 4.8 MB and got 413 too_large). The analyses and scans in the docs train, so
// they are not run here: the README's one is (readme.test.ts), docs/api.md's curl block is (test/e2e/apiExamples).
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { MAX_UPLOAD_BYTES } from '../../worker/limits.js'
import { CLI } from '../client/cliRunner.js'
import { fencedBlocks, readDoc, ROOT, shellCommands } from './markdown.js'

const dir = mkdtempSync(join(tmpdir(), 'symscope-examples-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)]

/** The cheap commands: events and help, no training. */
const cheap = (command: string) => /^npx symscope (generate|help|--help)\b/.test(command)

const examples = DOCS.flatMap((path) =>
  fencedBlocks(readDoc(path))
    .filter((block) => block.lang === 'sh')
    .flatMap((block) => shellCommands(block.body))
    .filter(cheap)
    .map((command) => [path, command] as const),
)

/** Runs a documented command as written, `npx symscope` being the built CLI. */
function run(command: string) {
  const script = command.replace(/^npx symscope /, `"${process.execPath}" "${CLI}" `)
  return spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', timeout: 120_000 })
}

describe('the shell examples of the README and docs/', () => {
  it('include the generate and help lines (the extraction works)', () => {
    expect(examples.length).toBeGreaterThan(5)
    expect(examples.map(([, c]) => c)).toContain('npx symscope generate drell_yan --n 20000 --out dy.parquet')
  })

  it.each(examples)('%s: %s exits 0 with nothing on stderr', (_path, command) => {
    const result = run(command)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  }, 120_000)

  it("docs/api.md's upload example fits the API's upload limit", () => {
    expect(run('npx symscope generate drell_yan --n 20000 --out dy.parquet').status).toBe(0)
    expect(statSync(join(dir, 'dy.parquet')).size).toBeLessThanOrEqual(MAX_UPLOAD_BYTES)
  }, 120_000)
})
