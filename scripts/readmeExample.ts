// The README's one analysis, in one place: `npm run figures` draws its relevance figure from this run, and
// test/docs/readme.test.ts runs it and checks the README's printed lines and figure against that run.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** `npx symscope analyze circle --n 4000 --out circle-report`, as the README shows it. */
export const README_ANALYZE_ARGS = ['analyze', 'circle', '--n', '4000', '--out', 'circle-report']

/** The figure the README shows, as the run writes it (`<out>/relevance.svg`) and as docs/ keeps it. */
export const README_FIGURE = { written: 'relevance.svg', kept: 'docs/figures/circle-relevance.svg' }

export interface ReadmeRun {
  status: number | null
  stdout: string
  stderr: string
  /** The relevance figure the run wrote, or '' when it wrote none. */
  figure: string
}

/** Runs the README's analysis with the built CLI in `cwd` (the report goes to `cwd/circle-report`). */
export function runReadmeExample(cli: string, cwd: string): ReadmeRun {
  const result = spawnSync(process.execPath, [cli, ...README_ANALYZE_ARGS], { cwd, encoding: 'utf8', timeout: 120_000 })
  let figure = ''
  try {
    figure = readFileSync(join(cwd, 'circle-report', README_FIGURE.written), 'utf8')
  } catch {
    // no figure: the status and stderr say why
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, figure }
}
