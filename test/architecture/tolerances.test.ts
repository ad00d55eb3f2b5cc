// Every tolerance sits in its part's tolerances.ts with the origin of its value: derived (a formula or a cited
// method), calibrated (naming the benchmark that measures it, which must exist), floating-point, or a cost limit.
import { existsSync, readFileSync } from 'node:fs'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { ROOT } from './importGraph.js'

const MODULES = [
  'core/id/tolerances.ts',
  'core/stats/tolerances.ts',
  'core/linalg/tolerances.ts',
  'core/analysis/tolerances.ts',
  'core/symmetries/tolerances.ts',
  'core/symmetries/discrete/tolerances.ts',
]
const TAG = /^(Derived|Calibrated \((bench\/[\w./-]+)\)|Floating-point|Cost limit):/

/** Each exported constant of a module with the text of its doc comment. */
function documentedConstants(path: string): { name: string; doc: string }[] {
  const text = readFileSync(ROOT + path, 'utf8')
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true)
  return source.statements.filter(ts.isVariableStatement).flatMap((statement) => {
    const ranges = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? []
    const last = ranges.at(-1)
    const doc = last ? text.slice(last.pos, last.end).replace(/^\/\*\*|\*\/$/g, '').replace(/^\s*\* ?/gm, '').trim() : ''
    return statement.declarationList.declarations.map((d) => ({ name: d.name.getText(source), doc }))
  })
}

describe('tolerances', () => {
  it.each(MODULES)('%s: every constant says where its value comes from', (path) => {
    const constants = documentedConstants(path)
    expect(constants.length).toBeGreaterThan(0)
    for (const { name, doc } of constants) {
      const tag = TAG.exec(doc)
      expect(tag, `${name} has no tag: "${doc.slice(0, 80)}"`).not.toBeNull()
      if (tag![2]) expect(existsSync(ROOT + tag![2]), `${name} names ${tag![2]}`).toBe(true)
    }
  })
})
