// What the CLI loads before it does anything: every module a command run resolves, recorded by a module hook
// (node:module's register) in the built CLI's process. `--help` needs the dataset registry only; an analysis of a
// generated dataset never reads Parquet. The Parquet case checks that the hook sees what a command does load.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { CLI } from './cliRunner.js'

const dir = mkdtempSync(join(tmpdir(), 'symscope-startup-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const hooks = join(dir, 'hooks.mjs')
writeFileSync(hooks, `export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  process.stderr.write('LOADED ' + result.url + '\\n')
  return result
}\n`)
const register = join(dir, 'register.mjs')
writeFileSync(register, `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hooks).href)})\n`)

/** The URLs the CLI's process resolved for `args`, with its exit status. */
function loadedBy(args: string[]): { status: number | null; urls: string[] } {
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, CLI, ...args], { encoding: 'utf8', timeout: 60_000, cwd: dir })
  const urls = result.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice(7))
  return { status: result.status, urls }
}

const packages = (urls: string[]) => new Set(urls.flatMap((u) => u.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? []))
const coreFolders = (urls: string[]) => new Set(urls.flatMap((u) => u.match(/dist\/core\/([^/]+)\//)?.[1] ?? []))

describe('the CLI loads only what a command uses', () => {
  it('--help loads the dataset registry and no package, nor core statistics, symmetries or analysis', () => {
    const { status, urls } = loadedBy(['--help'])
    expect(status).toBe(0)
    expect([...packages(urls)]).toEqual([])
    expect(coreFolders(urls)).toContain('datasets')
    for (const heavy of ['analysis', 'stats', 'symmetries', 'report', 'io', 'id', 'vae']) expect(coreFolders(urls)).not.toContain(heavy)
    expect(urls.some((u) => u.endsWith('/dist/core/index.js'))).toBe(false)
  })

  it('an analysis of a generated dataset loads the analysis but neither hyparquet nor TensorFlow.js', () => {
    // Too few events: the command loads everything it imports statically, then stops at the event count (exit 2).
    const { status, urls } = loadedBy(['analyze', 'ee_mumu', '--n', '3', '--out', join(dir, 'report')])
    expect(status).toBe(2)
    expect(coreFolders(urls)).toContain('analysis')
    const loaded = [...packages(urls)]
    expect(loaded).toContain('zod')
    for (const unused of ['hyparquet', 'hyparquet-writer', 'hyparquet-compressors', 'fzstd', '@tensorflow/tfjs', '@tensorflow/tfjs-core']) expect(loaded).not.toContain(unused)
  })

  it('a Parquet file loads hyparquet when it is read', () => {
    const file = join(dir, 'three.parquet')
    const made = spawnSync(process.execPath, [CLI, 'generate', 'circle', '--n', '3', '--out', file], { encoding: 'utf8', timeout: 60_000 })
    expect(made.status).toBe(0)
    const { status, urls } = loadedBy(['analyze', file, '--out', join(dir, 'parquet-report')])
    expect(status).toBe(3) // read, then refused: 3 events are below the analysis's least
    expect([...packages(urls)]).toContain('hyparquet')
  })
})
