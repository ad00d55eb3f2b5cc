import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readCsv } from '../../core/index.js'
import { runCli, runCliInProcess } from './cliRunner.js'

const dir = mkdtempSync(join(tmpdir(), 'symscope-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('symscope generate: output', () => {
  it('writes a CSV with features then truth_* columns to stdout', () => {
    const { status, stdout, stderr } = runCli(['generate', 'ee_mumu', '--n', '50', '--seed', '3'])
    expect(stderr).toBe('')
    expect(status).toBe(0)
    const table = readCsv(stdout)
    expect(table.featureNames).toEqual(['E1', 'px1', 'py1', 'pz1', 'E2', 'px2', 'py2', 'pz2'])
    expect(table.truthNames).toEqual(['truth_cosTheta', 'truth_phi'])
    expect(table.n).toBe(50)
    // √s = 10 GeV by default: each muon carries E = 5 GeV exactly
    for (let i = 0; i < table.n; i++) expect(table.features[i * 8]).toBe(5)
  })

  it('gives the same bytes for the same seed, other bytes for another seed', () => {
    const a = runCli(['generate', 'circle', '--n', '300', '--seed', '11', '--set', 'noise=0.05']).stdout
    const b = runCli(['generate', 'circle', '--n', '300', '--seed', '11', '--set', 'noise=0.05']).stdout
    const c = runCli(['generate', 'circle', '--n', '300', '--seed', '12', '--set', 'noise=0.05']).stdout
    expect(a).toBe(b)
    expect(a).not.toBe(c)
  })

  it('makes the first k events of a larger run identical to a run of k events', () => {
    const small = runCli(['generate', 'disk', '--n', '100', '--seed', '5']).stdout.trim().split('\n')
    const large = runCli(['generate', 'disk', '--n', '70000', '--seed', '5', '--quiet']).stdout.trim().split('\n')
    expect(large.slice(0, small.length)).toEqual(small)
  })

  it('writes --out files whole, in full double precision, and --no-truth drops the truth', () => {
    const out = join(dir, 'zpole.csv')
    const { status } = runCli(['generate', 'ee_mumu', '--n', '200', '--set', 'sqrtS=91.19', '--set', 'z=true', '--no-truth', '--out', out])
    expect(status).toBe(0)
    const table = readCsv(readFileSync(out, 'utf8'))
    expect(table.truthNames).toEqual([])
    expect(table.features[0]).toBe(91.19 / 2)
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([])
  })

  it('teaches in --help: every dataset with its parameters, defaults and ranges', async () => {
    const { status, stdout } = await runCliInProcess(['generate', '--help'])
    expect(status).toBe(0)
    for (const text of ['circle', 'disk', 'ee_mumu', 'sqrtS', 'default 10', 'muonMass', '--seed', 'Exit codes']) {
      expect(stdout).toContain(text)
    }
    expect(runCli(['--help']).stdout).toContain('symscope generate <dataset>')
    expect(runCli(['--version']).stdout).toMatch(/^symscope \d+\.\d+\.\d+/)
  })
})

/** Each bad invocation: the arguments, the exit code, and a piece of the one-line message that names the problem. */
const errorCases: [string, string[], number, RegExp][] = [
  ['no command', [], 2, /no command given/],
  ['unknown command', ['generat'], 2, /unknown command 'generat'/],
  ['no dataset', ['generate'], 2, /needs a dataset name/],
  ['two datasets', ['generate', 'circle', 'disk'], 2, /one dataset name; got 2/],
  ['unknown dataset', ['generate', 'sphere'], 2, /unknown dataset 'sphere' \(datasets: circle, disk, ee_mumu/],
  ['unknown option', ['generate', 'circle', '--bogus'], 2, /^symscope: unknown option '--bogus' for generate \(symscope help generate lists the options\)\n$/],
  ['n = 0', ['generate', 'circle', '--n', '0'], 2, /--n must be an integer from 1 to 10,000,000/],
  ['n negative', ['generate', 'circle', '--n=-5'], 2, /--n must be an integer from 1 to 10,000,000/],
  ['n not a number', ['generate', 'circle', '--n', 'many'], 2, /--n must be an integer; got 'many'/],
  ['n fractional', ['generate', 'circle', '--n', '1.5'], 2, /--n must be an integer; got '1.5'/],
  ['n above the limit', ['generate', 'circle', '--n', '1e9'], 2, /--n 1,000,000,000 exceeds the limit of 10,000,000 events/],
  ['seed negative', ['generate', 'circle', '--seed=-1'], 2, /--seed must be an integer from 0/],
  ['seed too large', ['generate', 'circle', '--seed', '1e300'], 2, /--seed must be an integer from 0 to 2\^53 − 1/],
  ['unknown parameter', ['generate', 'circle', '--set', 'radious=2'], 2, /unknown parameter 'radious' \(parameters: radius, noise\)/],
  ['parameter not a number', ['generate', 'ee_mumu', '--set', 'sqrtS=ten'], 2, /parameter 'sqrtS' must be a number above 0 and at most 100,000 \(GeV\); got "ten"/],
  ['parameter out of range', ['generate', 'circle', '--set', 'radius=-1'], 2, /parameter 'radius' must be a number above 0/],
  ['boolean given a number', ['generate', 'ee_mumu', '--set', 'z=1'], 2, /parameter 'z' must be true or false; got 1/],
  ['below threshold', ['generate', 'ee_mumu', '--set', 'sqrtS=0.1'], 2, /'sqrtS' must exceed 2 · muonMass/],
  ['--set without =', ['generate', 'circle', '--set', 'radius'], 2, /--set expects name=value; got 'radius'/],
  ['--set twice', ['generate', 'circle', '--set', 'radius=1', '--set', 'radius=2'], 2, /--set radius is given twice/],
  ['help on unknown command', ['help', 'frobnicate'], 2, /no help for 'frobnicate'/],
  ['unwritable --out', ['generate', 'circle', '--n', '5', '--out', '/nonexistent-dir/x.csv'], 4, /cannot write '\/nonexistent-dir\/x.csv': no such file or folder/],
]

describe('symscope generate: bad input gets one clear line and the documented exit code', () => {
  it.each(errorCases)('%s', async (_name, args, code, message) => {
    // A case that writes a file runs as a process (its partial file, cliRunner.ts); the others inside this one.
    const { status, stdout, stderr } = args.includes('--out') ? runCli(args) : await runCliInProcess(args)
    expect(status).toBe(code)
    expect(stderr).toMatch(message)
    expect(stderr).not.toMatch(/symscope: internal error|\n\s+at .*:\d+:\d+/)
    if (args[0] === 'generate') expect(stdout).toBe('')
  })

  it('leaves an existing --out file untouched when the run fails', () => {
    const out = join(dir, 'keep.csv')
    writeFileSync(out, 'precious\n')
    const { status } = runCli(['generate', 'circle', '--n', '0', '--out', out])
    expect(status).toBe(2)
    expect(readFileSync(out, 'utf8')).toBe('precious\n')
    expect(existsSync(`${out}.partial`)).toBe(false)
  })
})
