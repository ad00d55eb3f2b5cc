// The order `npm test` starts its files in (test/fileOrder.ts): vitest's own where it has durations from earlier
// runs, and the slow files first where it has none (a fresh clone). Checked on made-up files whose sizes and cached
// durations are chosen so that each rule gives a different order.
import type { TestSpecification, Vitest } from 'vitest/node'
import { describe, expect, it } from 'vitest'
import { slowFilesFirst } from '../fileOrder.js'

const ROOT = '/repo'

interface File {
  path: string
  project: string
  group: number
  bytes: number
  /** Seconds vitest cached for it from an earlier run, or undefined when it has none. */
  cached?: number
}

function order(files: File[]): Promise<string[]> {
  const byKey = new Map(files.map((f) => [`${f.project}:${f.path}`, f]))
  const ctx = {
    config: { root: ROOT },
    cache: {
      getFileTestResults: (key: string) => {
        const seconds = byKey.get(key)?.cached
        return seconds === undefined ? undefined : { duration: seconds * 1000, failed: false }
      },
      getFileStats: (key: string) => ({ size: byKey.get(key)!.bytes }),
    },
  } as unknown as Vitest
  const specs = files.map(
    (f) => ({ moduleId: `${ROOT}/${f.path}`, project: { name: f.project, config: { isolate: f.project !== 'node', sequence: { groupOrder: f.group } } } }) as unknown as TestSpecification,
  )
  return new (slowFilesFirst(trains))(ctx).sort(specs).then((sorted) => sorted.map((s) => `${s.project.name}:${s.moduleId.slice(ROOT.length + 1)}`))
}

const trains = ['test/core/trainsA.test.ts', 'test/core/trainsB.test.ts']

describe('the order of the test files', () => {
  it('puts the files that train first where no duration is cached, the largest first within each kind', async () => {
    const files: File[] = [
      { path: 'test/e2e/alone.test.ts', project: 'e2e-alone', group: 1, bytes: 9000 },
      { path: 'test/core/big.test.ts', project: 'node', group: 0, bytes: 9000 },
      { path: trains[0], project: 'node', group: 0, bytes: 100 },
      { path: 'test/worker/w.test.ts', project: 'worker', group: 0, bytes: 50 },
      { path: trains[1], project: 'node', group: 0, bytes: 300 },
      { path: 'test/core/small.test.ts', project: 'node', group: 0, bytes: 10 },
      { path: 'test/e2e/page.test.ts', project: 'e2e', group: 0, bytes: 10 },
    ]
    expect(await order(files)).toEqual([
      'e2e:test/e2e/page.test.ts',
      `node:${trains[1]}`,
      `node:${trains[0]}`,
      'node:test/core/big.test.ts',
      'node:test/core/small.test.ts',
      'worker:test/worker/w.test.ts',
      'e2e-alone:test/e2e/alone.test.ts',
    ])
  })

  it("keeps vitest's order (a new file first, then the longest) where durations are cached", async () => {
    const files: File[] = [
      { path: trains[0], project: 'node', group: 0, bytes: 100, cached: 3 },
      { path: 'test/core/long.test.ts', project: 'node', group: 0, bytes: 10, cached: 40 },
      { path: 'test/core/new.test.ts', project: 'node', group: 0, bytes: 5 },
      { path: trains[1], project: 'node', group: 0, bytes: 300, cached: 20 },
    ]
    expect(await order(files)).toEqual(['node:test/core/new.test.ts', 'node:test/core/long.test.ts', `node:${trains[1]}`, `node:${trains[0]}`])
  })
})
