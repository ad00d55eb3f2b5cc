// The build's staleness rule (scripts/build.js), which `npm test`'s pretest and `npm start`'s prestart follow: a part
// is rebuilt unless its stamp matches the bytes of every source and output. Built on a folder made for the test; the
// "build" is a function writing the outputs, so each case knows by construction whether the part is current.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
// @ts-expect-error plain JavaScript run by npm before anything is built: no declarations
import { BUILD_PARTS, buildPart, staleParts, staleReason } from '../../scripts/build.js'
import { importsOf, sourceFiles } from '../architecture/importGraph.js'

interface Part {
  name: string
  script: string
  outputs: string[]
  sources: string[]
}

const base = mkdtempSync(join(tmpdir(), 'symscope-stale-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))

let root = ''
let cases = 0
beforeEach(() => {
  root = join(base, `case-${cases++}`)
  mkdirSync(root)
})

const part: Part = { name: 'web', script: 'build:web', outputs: ['dist/index.html', 'dist/app.js'], sources: ['client', 'core', 'package-lock.json'] }

function write(path: string, text: string): void {
  const full = join(root, path)
  mkdirSync(dirname(full), { recursive: true })
  writeFileSync(full, text)
}

/** Rewrites `path` with `text` and gives it back its old modification time, as `cp -p` or an archive would. */
function writeKeepingTime(path: string, text: string): void {
  const { atime, mtime } = statSync(join(root, path))
  write(path, text)
  utimesSync(join(root, path), atime, mtime)
}

/** A build that succeeds: writes each output from the sources' bytes (what a real build does, in miniature). */
const build = (during?: () => void) => () => {
  for (const output of part.outputs) write(output, `built from ${readFileSync(join(root, 'core/deep/a/b.ts'), 'utf8')}`)
  during?.()
  return true
}

function sources(): void {
  write('client/web/main.ts', 'main')
  write('core/deep/a/b.ts', 'b')
  write('package-lock.json', '{}')
}

describe('the build rebuilds a part exactly when a source or an output differs from its last build', () => {
  it('names a missing output, then a part never built, then nothing once built', () => {
    sources()
    write('dist/index.html', 'old')
    expect(staleReason(root, part)).toBe('dist/app.js is missing')
    write('dist/app.js', 'old')
    expect(staleReason(root, part)).toBe('no record of its last build')
    expect(buildPart(root, part, build())).toBe(true)
    expect(staleReason(root, part)).toBeNull()
    expect(staleParts(root, [part])).toEqual([])
  })

  it('rebuilds after an edit that keeps the old modification time, an added file and a removed one', () => {
    sources()
    buildPart(root, part, build())
    writeKeepingTime('core/deep/a/b.ts', 'B')
    expect(staleReason(root, part)).toBe('core changed since the last build')
    buildPart(root, part, build())
    write('client/web/new.ts', '')
    expect(staleReason(root, part)).toBe('client changed since the last build')
    buildPart(root, part, build())
    rmSync(join(root, 'client/web/new.ts'))
    expect(staleReason(root, part)).toBe('client changed since the last build')
    buildPart(root, part, build())
    rmSync(join(root, 'package-lock.json'))
    expect(staleReason(root, part)).toBe('package-lock.json changed since the last build')
  })

  it('rebuilds after a source edited while the build ran, a failed build, or an output changed since', () => {
    sources()
    buildPart(root, part, build(() => write('core/deep/a/b.ts', 'edited during the build')))
    expect(staleReason(root, part)).toBe('core changed since the last build')
    buildPart(root, part, build())
    expect(staleReason(root, part)).toBeNull()
    expect(buildPart(root, part, () => false)).toBe(false)
    expect(staleReason(root, part), 'the outputs are there, but a failed build may have left them half made').toBe('no record of its last build')
    buildPart(root, part, build())
    writeKeepingTime('dist/app.js', 'a debug build')
    expect(staleReason(root, part)).toBe('dist/app.js was changed after the last build')
  })

  it('leaves out node_modules inside a source folder, and a file moved between folders still counts', () => {
    sources()
    buildPart(root, part, build())
    write('client/node_modules/x.js', 'a dependency')
    expect(staleReason(root, part)).toBeNull()
    // The same bytes under another path: the path is hashed with the bytes.
    rmSync(join(root, 'client/web/main.ts'))
    write('client/main.ts', 'main')
    expect(staleReason(root, part)).toBe('client changed since the last build')
  })
})

describe("the project's parts", () => {
  const byName = (name: string) => (BUILD_PARTS as Part[]).find((p) => p.name === name)!
  const repo = join(import.meta.dirname, '../..')

  it('build what the tests, wrangler dev and the CLI use: the wasm kernels first, then the parts that copy them', () => {
    expect((BUILD_PARTS as Part[]).map((p) => p.name)).toEqual(['wasm', 'ts', 'web'])
    expect(byName('wasm').outputs).toEqual(['core/wasm/symscope.wasm', 'core/wasm/symscope-threads.wasm'])
    expect(byName('ts').outputs).toEqual(expect.arrayContaining(['dist/client/cli/main.js', 'dist/core/wasm/symscope.wasm']))
    expect(byName('web').outputs).toEqual(expect.arrayContaining(['dist/web/index.html']))
    for (const name of ['ts', 'web']) expect(byName(name).sources, `${name} copies core/wasm/*.wasm`).toContain('core')
  })

  it('list as sources every file their builds reach: the entries and all they import, type-only and assets included', () => {
    const tsconfig = JSON.parse(readFileSync(join(repo, 'tsconfig.build.json'), 'utf8')) as { include: string[] }
    const entries: Record<string, string[]> = {
      wasm: ['assembly/index.ts'],
      ts: sourceFiles(tsconfig.include.filter((path) => statSync(join(repo, path)).isDirectory())),
      web: sourceFiles(['client/web', 'client/element']),
    }
    for (const p of BUILD_PARTS as Part[]) {
      const reached = new Set<string>()
      const queue = [...entries[p.name]]
      while (queue.length > 0) {
        const file = queue.pop()!
        if (reached.has(file)) continue
        reached.add(file)
        if (file.endsWith('.ts') && existsSync(join(repo, file))) queue.push(...importsOf(file).map((edge) => edge.to))
      }
      expect(reached.size, p.name).toBeGreaterThan(10)
      const outside = [...reached].filter((file) => !p.sources.some((s) => file === s || file.startsWith(`${s}/`)))
      expect(outside, `${p.name}: files its build reads that its stamp would not see change`).toEqual([])
    }
  })

  it('list as sources every folder their compilers are pointed at, and the package files', () => {
    const tsconfig = JSON.parse(readFileSync(join(repo, 'tsconfig.build.json'), 'utf8')) as { include: string[] }
    const under = (path: string, sources: string[]) => sources.some((s) => path === s || path.startsWith(`${s}/`))
    for (const path of tsconfig.include) expect(under(path, byName('ts').sources), `ts: ${path}`).toBe(true)
    const script = (name: string) => (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts[name]
    for (const config of script('build:web').match(/--config (\S+)/g)!) expect(under(config.slice('--config '.length), byName('web').sources), config).toBe(true)
    expect(script('build:wasm')).toMatch(/^asc assembly\/index\.ts --config asconfig\.json/)
    expect(byName('wasm').sources).toEqual(expect.arrayContaining(['assembly', 'asconfig.json']))
    for (const p of BUILD_PARTS as Part[]) expect(p.sources, p.name).toEqual(expect.arrayContaining(['package.json', 'package-lock.json']))
  })
})
