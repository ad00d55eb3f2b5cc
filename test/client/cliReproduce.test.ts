// `symscope reproduce --quick` writes a summary whose every row says, in one line, what was expected, what was found,
// whether they agree and why (issue 19, item 12), and not the whole verdict again.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './cliRunner.js'

const dir = mkdtempSync(join(tmpdir(), 'symscope-reproduce-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('symscope reproduce --quick summary', () => {
  it('one row per experiment: expected, found, agrees (yes, no or undetermined), why', () => {
    const out = join(dir, 'run')
    const { status, stderr } = runCli(['reproduce', '--quick', '--only', 'circle,linear_toy', '--quiet', '--out', out])
    expect(stderr).toBe('')
    expect(status).toBe(0)
    const summary = readFileSync(join(out, 'summary.md'), 'utf8')
    const rows = summary.split('\n').filter((l) => l.startsWith('| ['))
    expect(rows).toHaveLength(2)
    for (const row of rows) {
      const cells = row.slice(2, -2).split(' | ')
      expect(cells).toHaveLength(5)
      expect(['yes', 'no', 'undetermined']).toContain(cells[3])
      expect(cells[4].length).toBeGreaterThan(5)
    }
    expect(rows[0]).toMatch(/^\| \[Points on a circle \(D\^1D\)\]\(circle\/report\.md\) \| 1 free coordinate \| \d \(TwoNN of the/)
    expect(rows[1]).toMatch(/\| relevances R_k = 1 − βD\/\(2λ_k\) within 0.05 \| largest \\\|measured − predicted\\\| /)
    const report = JSON.parse(readFileSync(join(out, 'circle', 'report.json'), 'utf8'))
    expect(summary).not.toContain(report.verdict)
    const json = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))
    expect(json[0].comparison.agrees).toBe(rows[0].slice(2, -2).split(' | ')[3])
  }, 300_000)
})
