// The folders depend one way: core/ on nothing of the project's but itself; reference/ and testdata/ on core/ (and
// testdata/ on reference/ at most); bench/, scripts/, client/ and worker/ never on test/. A benchmark that needs a
// test's data takes it from testdata/.
import { describe, expect, it } from 'vitest'
import { importsOf, sourceFiles } from './importGraph.js'

const top = (path: string) => path.split('/')[0]

/** What each folder may import besides itself. */
const ALLOWED: Record<string, string[]> = {
  core: [],
  reference: ['core'],
  testdata: ['core', 'reference'],
  client: ['core'],
  worker: ['core'],
  scripts: ['core', 'client'],
  bench: ['core', 'client', 'worker', 'reference', 'testdata', 'scripts'],
}

describe('the folders', () => {
  it.each(Object.keys(ALLOWED))('%s/ imports only the folders it may', (folder) => {
    const stray = sourceFiles([folder])
      .flatMap(importsOf)
      .filter((edge) => top(edge.to) !== folder && !ALLOWED[folder].includes(top(edge.to)) && !edge.to.startsWith('node_modules'))
      .map((edge) => `${edge.from} imports ${edge.specifier}`)
    expect(stray).toEqual([])
  })
})
