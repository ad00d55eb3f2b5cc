// `npm start`'s prestart (scripts/buildIfStale.js): a part is rebuilt exactly when an output is missing or a source
// is newer than its oldest output. Built on a folder made for the test, with file times set by hand.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
// @ts-expect-error plain JavaScript run by npm before anything is built: no declarations
import { START_PARTS, staleParts } from '../../scripts/buildIfStale.js'

const root = mkdtempSync(join(tmpdir(), 'symscope-stale-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const parts = [{ name: 'web', script: 'build:web', outputs: ['dist/index.html', 'dist/app.js'], sources: ['client', 'core', 'package-lock.json'] }]

function file(path: string, seconds: number): void {
  const full = join(root, path)
  mkdirSync(dirname(full), { recursive: true })
  writeFileSync(full, path)
  utimesSync(full, seconds, seconds)
}

describe('npm start builds only what is stale', () => {
  it('names the missing output, then nothing once every output is newer than every source, then the newer source', () => {
    file('client/web/main.ts', 100)
    file('core/deep/a/b.ts', 110)
    file('package-lock.json', 90)
    file('dist/index.html', 200)
    expect(staleParts(root, parts).map((p: { reason: string }) => p.reason)).toEqual(['dist/app.js is missing'])
    file('dist/app.js', 210)
    expect(staleParts(root, parts)).toEqual([])
    file('core/deep/a/b.ts', 205) // newer than the oldest output (200), older than the newest
    expect(staleParts(root, parts).map((p: { reason: string }) => p.reason)).toEqual(['core changed since the last build'])
    file('dist/index.html', 300)
    file('dist/app.js', 300)
    file('client/node_modules/x.js', 400) // dependencies inside a source folder do not count
    file('client/.cache/y', 400)
    expect(staleParts(root, parts)).toEqual([])
  })

  it('covers what wrangler dev serves: the wasm kernels and the web app', () => {
    const outputs = START_PARTS.flatMap((p: { outputs: string[] }) => p.outputs)
    expect(outputs).toEqual(expect.arrayContaining(['core/wasm/symscope.wasm', 'core/wasm/symscope-threads.wasm', 'dist/web/index.html']))
  })
})
