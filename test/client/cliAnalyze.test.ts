import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { symmetrySeconds } from '../../core/analysis/index.js'
import { reportSchema } from '../../core/report/schema.js'
import { wideCsv } from '../../testdata/hostileFiles.js'
import { withoutTimings } from '../core/analysis/analysisCase.js'
import { runCli, runCliInProcess } from './cliRunner.js'

const dir = mkdtempSync(join(tmpdir(), 'symscope-analyze-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const csv = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('symscope analyze', () => {
  it('analyses a CSV file and writes a valid report, report.md and figures', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => {
      const t = (2 * Math.PI * i) / 1500
      return `${Math.cos(t)},${Math.sin(t)},${t - Math.PI}`
    })
    const path = csv('ring.csv', `x1,x2,truth_t\n${rows.join('\n')}\n`)
    const out = join(dir, 'ring')
    const { status, stdout, stderr } = runCli(['analyze', path, '--epochs', '5', '--angular', 'truth_t', '--out', out])
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(stdout).toContain('relevance (* relevant, threshold 0.05)')
    // the symmetry section in words: the circle's constraint, its so(2) and the invariance of the uniform angle
    expect(stdout).toContain('constraints: x1² + x2² = 1 (exact)')
    expect(stdout).toContain('free coordinates by scale: 1 free coordinate at scales above ~')
    expect(stdout).toContain('symmetry algebra of the data: so(2), dimension 1')
    expect(stdout).toMatch(/invariances of the distribution: so\(2\), dimension 1 \(not rejected at family-wise level 0\.01\); rotation in \(x1, x2\) p = [\d.e-]+( \(Holm [\d.e-]+\))? not rejected/)
    // The discrete part (issue 20): Holm runs over the continuous and discrete tests together, and the group is named.
    expect(stdout).toMatch(/discrete symmetries: symmetry group O\(2\) = SO\(2\) ⋊ ℤ₂; discrete generators beyond SO\(2\): x1 → −x1/)
    const report = reportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')))
    expect(report.dataset).toMatchObject({ name: 'ring', source: 'file', format: 'csv', n: 1500, truth: ['truth_t'] })
    expect(report.config.epochs).toBe(5)
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain(report.verdict)
    expect(readFileSync(join(out, 'relevance.svg'), 'utf8')).toMatch(/^<svg/)
  }, 120_000)
})

describe('symscope analyze on a wide table (issue 18: an estimate before each long step)', () => {
  it('says before the symmetry section what it is estimated to cost from the shape, on stderr only, and not with --quiet', () => {
    const path = csv('wide180.csv', wideCsv(60, 180, 18))
    const runs = [false, true].map((quiet) => {
      const out = join(dir, `wide180-${quiet ? 'quiet' : 'loud'}`)
      const run = runCli(['analyze', path, '--epochs', '2', '--batch', '16', ...(quiet ? ['--quiet'] : []), '--out', out])
      expect(run.status, run.stderr).toBe(0)
      return { ...run, report: reportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))) }
    })
    // 60 · 180² + 20 · 180³ operations at 10⁸ per second (core/symmetries/budget.ts): ~1.2 s, past the notice's 1 s
    const estimate = symmetrySeconds(60, 180)
    expect(estimate).toBeGreaterThan(1)
    expect(runs[0].stderr).toBe(`symscope: symmetry section of 60 events × 180 features: up to about ${estimate.toFixed(1)} s (estimated from the shape)\n`)
    expect(runs[1].stderr).toBe('')
    // The notice changes neither stdout nor the report.
    const withoutSeconds = (text: string) => text.replace(/ in \d+(\.\d+)? s on /, ' in … s on ').replaceAll('wide180-quiet', 'wide180-loud')
    expect(withoutSeconds(runs[1].stdout)).toBe(withoutSeconds(runs[0].stdout))
    expect(withoutTimings(runs[1].report)).toEqual(withoutTimings(runs[0].report))
  }, 120_000)
})

describe('symscope analyze --backend', () => {
  it('trains on the fused trainer by default and on tfjs when asked, naming each in the report under its own id', () => {
    const reports = ['fused', 'tfjs-cpu'].map((backend) => {
      const out = join(dir, `circle-${backend}`)
      const args = ['analyze', 'circle', '--n', '600', '--epochs', '2', '--quiet', '--out', out]
      const { status, stdout, stderr } = runCli(backend === 'fused' ? args : [...args, '--backend', backend])
      expect(stderr).toBe('')
      expect(status).toBe(0)
      expect(stdout).toContain(`on ${backend}`)
      return reportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')))
    })
    expect(reports.map((r) => r.training.backend)).toEqual(['fused', 'tfjs-cpu'])
    expect(reports[0].software.tfjs).toBe('not used')
    expect(reports[0].id).not.toBe(reports[1].id)
  }, 120_000)
})

describe('symscope analyze --threads', () => {
  it('writes the report of one thread on two: the same id, the same bytes but the timings', () => {
    const [one, two] = ['1', '2'].map((threads) => {
      const out = join(dir, `circle-threads-${threads}`)
      const { status, stderr } = runCli(['analyze', 'circle', '--n', '1200', '--epochs', '4', '--batch', '96', '--quiet', '--threads', threads, '--out', out])
      expect(stderr).toBe('')
      expect(status).toBe(0)
      return reportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')))
    })
    expect(two.id).toBe(one.id)
    expect(withoutTimings(two)).toEqual(withoutTimings(one))
  }, 120_000)
})

/** Bad invocations of analyze and reproduce: arguments, exit code, the message that names the problem. */
const errorCases: [string, string[], number, RegExp][] = [
  ['no input', ['analyze'], 2, /analyze needs a data file or a dataset name/],
  ['neither file nor dataset', ['analyze', 'sphere'], 2, /'sphere' is neither a readable file nor a dataset/],
  ['missing file', ['analyze', 'missing.csv'], 4, /'missing.csv' is neither a readable file nor a dataset/],
  ['bad latent', ['analyze', 'circle', '--latent', '0'], 2, /--latent must be an integer from 1 to 64; got 0/],
  ['latent not a number', ['analyze', 'circle', '--latent', 'four'], 2, /--latent must be an integer; got 'four'/],
  ['bad beta', ['analyze', 'circle', '--beta=-1'], 2, /--beta must be a number from 0 to 100; got -1/],
  ['negative beta as its own word', ['analyze', 'circle', '--beta', '-1'], 2, /^symscope: --beta must be a number from 0 to 100; got -1\n$/],
  ['bad activation', ['analyze', 'circle', '--activation', 'swish'], 2, /activation must be one of relu, tanh, elu, sigmoid/],
  ['bad backend', ['analyze', 'circle', '--backend', 'gpu'], 2, /--backend must be one of fused, tfjs-wasm, tfjs-cpu; got 'gpu'/],
  ['bad thread count', ['analyze', 'circle', '--threads', '0'], 2, /--threads must be from 1 to 16; got 0/],
  ['threads on tfjs', ['analyze', 'circle', '--threads', '2', '--backend', 'tfjs-cpu'], 2, /--threads applies to the fused backend only/],
  ['bad threshold', ['analyze', 'circle', '--n', '600', '--epochs', '1', '--threshold', '1.5'], 2, /--threshold must be a number above 0 and below 1/],
  ['too few events for a batch', ['analyze', 'circle', '--n', '200', '--epochs', '1'], 3, /fewer than one batch of 256/],
  ['--set on a file', ['analyze', 'FILE', '--set', 'radius=2'], 2, /--set applies to generated datasets/],
  ['--from on a dataset', ['analyze', 'circle', '--from', 'cms-dimuon'], 2, /--from apply to files, not to generated datasets/],
  ['unknown --from', ['analyze', 'FILE', '--from', 'atlas'], 2, /--from must be one of cms-dilepton, cms-dimuon, cms-dielectron; got 'atlas'/],
  ['malformed CSV', ['analyze', 'BAD'], 3, /line 3, column 2 \('x2'\): 'oops' is not a number/],
  ['unknown angular column', ['analyze', 'FILE', '--angular', 'truth_q'], 2, /angular column 'truth_q' is not a truth column/],
  ['reproduce: unknown experiment', ['reproduce', '--only', 'sphere'], 2, /--only: unknown experiment 'sphere'/],
  ['reproduce: stray argument', ['reproduce', 'now'], 2, /reproduce takes no arguments/],
]

describe('symscope analyze and reproduce: bad input gets one clear line and the documented exit code', () => {
  const good = csv('good.csv', 'x1,x2,truth_t\n1,2,3\n4,5,6\n')
  const bad = csv('bad.csv', 'x1,x2\n1,2\n3,oops\n')
  it.each(errorCases)('%s', async (_name, args, code, message) => {
    const resolved = args.map((a) => (a === 'FILE' ? good : a === 'BAD' ? bad : a))
    // None writes a file, so each runs inside this process (cliRunner.ts); the files above are only read.
    const { status, stderr } = await runCliInProcess(resolved)
    expect(stderr).toMatch(message)
    expect(status).toBe(code)
    expect(stderr).not.toMatch(/symscope: internal error|\n\s+at .*:\d+:\d+/)
  })

  it('teaches in --help: the method, every option with its default, and examples', async () => {
    const { status, stdout } = await runCliInProcess(['analyze', '--help'])
    expect(status).toBe(0)
    for (const text of ['R_i = Var[μ_i]', '--latent K', 'default 0.1', '--from cms-dimuon', 'Examples', 'Exit codes']) expect(stdout).toContain(text)
    expect((await runCliInProcess(['help', 'reproduce'])).stdout).toContain('linear_toy')
  })
})
