// The README is the front door: short, and its one analysis is what the CLI prints. The example is run here with the
// built CLI (npm test builds first) and each printed line compared with the README's, the seconds aside; its figure
// is the one the README shows. Every relative link in the README and docs/ leads to a file that exists.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { README_ANALYZE_ARGS, README_FIGURE, runReadmeExample } from '../../scripts/readmeExample.js'
import { CLI } from '../client/cliRunner.js'
import { ROOT, fencedBlocks, readDoc, relativeLinks, section } from './markdown.js'

const README = readDoc('README.md')
const dir = mkdtempSync(join(tmpdir(), 'symscope-readme-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The only part of the output allowed to differ between runs: the training's wall-clock seconds. */
const withoutSeconds = (line: string) => line.replace(/ in \d+(\.\d+)? s on /, ' in … s on ')

describe('README.md', () => {
  it('is a front door of at most 120 lines', () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(120)
  })

  it('shows the analysis that scripts/readmeExample.ts runs, and exactly what it prints', () => {
    const [command, output] = fencedBlocks(section(README, '## One analysis'))
    expect(command.body.trim()).toBe(`npx symscope ${README_ANALYZE_ARGS.join(' ')}`)
    const run = runReadmeExample(CLI, dir)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const printed = run.stdout.trimEnd().split('\n').map(withoutSeconds)
    expect(output.body.trimEnd().split('\n').map(withoutSeconds)).toEqual(printed)
    // the picture is that run's figure (`npm run figures` remakes it)
    expect(README).toContain(`](${README_FIGURE.kept})`)
    expect(run.figure).toBe(readDoc(README_FIGURE.kept))
  }, 180_000)
})

describe('links', () => {
  const docs = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)]
  it.each(docs)('every relative link in %s leads to a file', (path) => {
    const missing = relativeLinks(readDoc(path)).filter((target) => !existsSync(join(ROOT, dirname(path), target)))
    expect(missing).toEqual([])
  })
})
