// Data flows one way: no file reaches itself through its imports, type-only and dynamic imports included (a type-only
// cycle still ties two modules' designs together). The graph is read with the TypeScript compiler's pre-processor.
import { describe, expect, it } from 'vitest'
import { importCycles, sourceFiles } from './importGraph.js'

describe('the import graph', () => {
  it('has no cycle in core/, client/, worker/, reference/, testdata/, scripts/, bench/ or test/', () => {
    const cycles = importCycles(sourceFiles(['core', 'client', 'worker', 'reference', 'testdata', 'scripts', 'bench', 'test']))
    expect(cycles).toEqual([])
  })
})
