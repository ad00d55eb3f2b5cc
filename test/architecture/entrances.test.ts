// core has a few public entrances (listed in core/index.ts's header and docs/development.md); the front ends reach
// core only through them, so core's files can move and split without touching client/ or worker/.
import { describe, expect, it } from 'vitest'
import { importsOf, sourceFiles } from './importGraph.js'

/** The library's entrances, and the runtime-bound loaders that cannot be part of a runtime-neutral one. */
export const ENTRANCES = new Set([
  'core/index.ts',
  'core/datasets/index.ts',
  'core/io/index.ts',
  'core/analysis/index.ts',
  'core/vae/index.ts',
  'core/report/index.ts',
  'core/scan/index.ts',
  'core/wasm/node.ts',
  'core/wasm/browser.ts',
  'core/wasm/workerd.ts',
  'core/wasm/nodeThreads.ts',
  'core/wasm/browserThreads.ts',
  'core/wasm/symscope.wasm',
  'core/wasm/symscope-threads.wasm',
  'core/tf/node.ts',
  'core/tf/workerd.ts',
  'core/tf/backends.ts',
])

describe("core's entrances", () => {
  const frontEnds = sourceFiles(['client', 'worker'])

  it('are the only core files that client/ and worker/ import', () => {
    const deep = frontEnds
      .flatMap(importsOf)
      .filter((edge) => edge.to.startsWith('core/') && !ENTRANCES.has(edge.to))
      .map((edge) => `${edge.from} imports ${edge.specifier}`)
    expect(deep).toEqual([])
  })

  it('exist, and core/index.ts names every one of them', async () => {
    const { existsSync, readFileSync } = await import('node:fs')
    const { ROOT } = await import('./importGraph.js')
    const header = readFileSync(`${ROOT}core/index.ts`, 'utf8')
    for (const entrance of ENTRANCES) expect(existsSync(ROOT + entrance), entrance).toBe(true)
    for (const entrance of [...ENTRANCES].filter((e) => e.endsWith('/index.ts'))) expect(header).toContain(entrance)
  })

  it('are used: the check sees the front ends import core at all', () => {
    // guards the test itself: a resolver that saw no core import would pass the first test vacuously
    const core = frontEnds.flatMap(importsOf).filter((edge) => edge.to.startsWith('core/'))
    expect(core.length).toBeGreaterThan(50)
  })
})
