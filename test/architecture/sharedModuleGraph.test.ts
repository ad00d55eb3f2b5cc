// The node, worker and e2e projects run their files in shared module graphs (`isolate: false`, vitest.config.ts): a
// module-level mock there would apply only where its module had not been loaded yet, and worker files share one
// storage. So a test file that mocks a module must be one of WORKER_TESTS_THAT_MOCK (run alone), and each worker file
// calls the app from its own client IPs (rate-limit counters are per IP).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { WORKER_TESTS_THAT_MOCK } from '../sharedModuleGraphs.js'
import { ROOT, sourceFiles } from './importGraph.js'

const testFiles = sourceFiles(['test'])
const text = (path: string) => readFileSync(ROOT + path, 'utf8')

describe('test files in shared module graphs', () => {
  it('mock modules only where the file runs in a module graph of its own', () => {
    const mocking = testFiles.filter((path) => /\bvi\.(mock|doMock|unmock|doUnmock)\(/.test(text(path)))
    expect(mocking).toEqual(WORKER_TESTS_THAT_MOCK)
  })

  it('give each worker file client IPs of its own', () => {
    const ownerOf = new Map<string, string>()
    const shared: string[] = []
    for (const path of testFiles.filter((p) => p.startsWith('test/worker/'))) {
      for (const [, ip] of text(path).matchAll(/\bclient\(\s*['`]([^'`]+)['`]/g)) {
        const prefix = ip.replace(/\$\{.*$/, '') // describeBadRequests builds its IPs from a prefix
        if (ownerOf.has(prefix) && ownerOf.get(prefix) !== path) shared.push(`${prefix}: ${ownerOf.get(prefix)} and ${path}`)
        ownerOf.set(prefix, path)
      }
      for (const [, prefix] of text(path).matchAll(/describeBadRequests\([^)]*,\s*'([\d.]+)'\)/g)) {
        if (ownerOf.has(prefix) && ownerOf.get(prefix) !== path) shared.push(`${prefix}: ${ownerOf.get(prefix)} and ${path}`)
        ownerOf.set(prefix, path)
      }
    }
    expect(ownerOf.size).toBeGreaterThan(10)
    expect(shared).toEqual([])
  })
})
