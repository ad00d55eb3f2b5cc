// `symscope scan` end to end through the built CLI: parallel = serial, the cache, bad grids, and the staircase of
// the linear toy model (docs/linear-toy-model.md) measured point by point.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { scanSchema } from '../../core/report/scanSchema.js'
import { CLI } from './cliRunner.js'

const dir = mkdtempSync(join(tmpdir(), 'symscope-scan-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const scan = (args: string[], timeout = 120_000) => {
  const result = spawnSync(process.execPath, [CLI, 'scan', ...args, '--quiet'], { encoding: 'utf8', timeout })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
const readScan = (out: string) => scanSchema.parse(JSON.parse(readFileSync(join(out, 'scan.json'), 'utf8')))

describe('symscope scan', () => {
  const small = ['circle', '--n', '800', '--epochs', '3', '--seeds', '2']

  it('gives byte-identical scan.json with 2 jobs and with 1, trains nothing the second time, and only new points on overlap', () => {
    const cache = join(dir, 'cache')
    const parallel = scan([...small, '--beta', '0.05:0.8:3', '--jobs', '2', '--cache', cache, '--out', join(dir, 'parallel')])
    expect(parallel.stderr).toBe('')
    expect(parallel.status).toBe(0)
    expect(parallel.stdout).toContain('6 points: 6 trained, 0 from the cache')
    const serial = scan([...small, '--beta', '0.05:0.8:3', '--jobs', '1', '--out', join(dir, 'serial')])
    expect(serial.stdout).toContain('6 points: 6 trained')
    expect(readFileSync(join(dir, 'serial', 'scan.json'), 'utf8')).toBe(readFileSync(join(dir, 'parallel', 'scan.json'), 'utf8'))

    const again = scan([...small, '--beta', '0.05:0.8:3', '--jobs', '2', '--cache', cache, '--out', join(dir, 'again')])
    expect(again.stdout).toContain('6 points: 0 trained, 6 from the cache')
    expect(readFileSync(join(dir, 'again', 'scan.json'), 'utf8')).toBe(readFileSync(join(dir, 'parallel', 'scan.json'), 'utf8'))
    // 0.05:0.8:5 holds 0.05, 0.2 and 0.8 again (log-spaced: every other value) and two new β: 4 new points.
    const overlap = scan([...small, '--beta', '0.05:0.8:5', '--jobs', '2', '--cache', cache, '--out', join(dir, 'overlap')])
    expect(overlap.stdout).toContain('10 points: 4 trained, 6 from the cache')
    expect(readdirSync(cache)).toHaveLength(10)

    const result = readScan(join(dir, 'parallel'))
    expect(result.grid).toEqual({ beta: [0.05, 0.2, 0.8], seeds: [1, 2], latent: [4] })
    expect(result.points.map((p) => [p.beta, p.seed])).toEqual([[0.05, 1], [0.05, 2], [0.2, 1], [0.2, 2], [0.8, 1], [0.8, 2]])
    // Each point's report sits in the cache under its id, with its figures; the bands are min ≤ mean ≤ max.
    for (const p of result.points) expect(existsSync(join(cache, p.id, 'report.md'))).toBe(true)
    // Three epochs stop no training by the rule: every point is unconverged, so no band is drawn from them (a band
    // at a β exists exactly when one of its points converged), and where one is, min ≤ mean ≤ max.
    for (const rank of result.series[0].ranks) {
      rank.relevance.forEach((s, b) => {
        const converged = result.points.some((p) => p.beta === result.grid.beta[b] && p.converged !== false)
        expect(s === null).toBe(!converged)
        if (s) {
          expect(s.min).toBeLessThanOrEqual(s.mean)
          expect(s.mean).toBeLessThanOrEqual(s.max)
        }
      })
    }
    expect(result.points.every((p) => p.converged === false)).toBe(true)
    for (const file of ['scan.md', 'staircase.svg', 'counts.svg', 'collapse.svg']) expect(existsSync(join(dir, 'parallel', file))).toBe(true)
  }, 300_000)

  it('refuses bad grids with exit code 2 and a message naming the limit, before anything runs', () => {
    const cases: [string[], RegExp][] = [
      [['--beta', '0:1:3'], /holds 0; every β must be a number > 0/],
      [['--beta', '0.1:nan:3'], /holds NaN/],
      [['--beta', '0.1:1:65'], /integer from 1 to 64/],
      [['--beta', '1:0.1:3'], /must run upwards/],
      [['--beta', '0.1,0.1'], /repeats 0.1/],
      [['--beta', '0.1:1:64', '--seeds', '5'], /320 points .*; at most 256/],
      [['--beta', '0.1:1:3', '--seeds', '33'], /1 to 32 seeds/],
      [['--beta', '0.1:1:3', '--jobs', '0'], /--jobs must be from 1 to 64/],
      [[], /needs a β grid/],
    ]
    for (const [args, message] of cases) {
      const out = join(dir, 'refused')
      const { status, stderr } = scan(['circle', ...args, '--out', out])
      expect(status, args.join(' ')).toBe(2)
      expect(stderr).toMatch(message)
      expect(existsSync(out)).toBe(false)
    }
  })
})

describe('the staircase of the linear VAE on the gaussian dataset', () => {
  // The settings of test/core/linearToy.test.ts (100,000 events, half held out, Adam 1e-2 on batches of 1024 for 60
  // epochs: R within about 0.015 of the formula). Five β, a factor 2 apart, from 0.12 to 1.9: λ = (2, 0.9, 0.1)
  // collapse at β_k = 2λ_k/3 = 1.34, 0.60 and 0.067. The grid keeps clear of the collapse points by 20 % or more:
  // right at one the loss is flat in the collapsing direction and 60 epochs leave R up to 0.1 off (docs/method.md,
  // "Robustness"). About 8 s a point on one core.
  it('matches R_k = 1 − βD/(2λ_k) within 0.03 at every β and rank, and each collapse within one grid step', () => {
    const out = join(dir, 'gaussian')
    const { status, stderr } = scan(
      ['gaussian', '--linear', '--latent', '3', '--beta', '0.12:1.9:5', '--n', '100000', '--epochs', '60', '--lr', '0.01', '--batch', '1024',
        '--validation', '0.5', '--set', 'v1=2', '--set', 'v2=0.9', '--set', 'v3=0.1', '--jobs', '2', '--out', out],
      420_000,
    )
    expect(stderr).toBe('')
    expect(status).toBe(0)
    const result = readScan(out)
    const toy = result.linearToy!
    const [series] = result.series
    const D = 3
    result.grid.beta.forEach((beta, i) => {
      toy.eigenvalues.forEach((lambda, k) => {
        const predicted = Math.max(0, 1 - (beta * D) / (2 * lambda))
        expect(Math.abs(series.ranks[k].relevance[i]!.mean - predicted), `β = ${beta}, rank ${k + 1}`).toBeLessThan(0.03)
      })
    })
    const step = Math.log(result.grid.beta[1] / result.grid.beta[0])
    for (const { rank, beta } of series.collapse) {
      const predicted = toy.collapse[rank - 1].beta
      expect(predicted).toBeCloseTo((2 * toy.eigenvalues[rank - 1]) / D, 12)
      expect(beta, `rank ${rank}`).not.toBeNull()
      expect(Math.abs(Math.log(beta! / predicted)), `rank ${rank}: measured ${beta}, predicted ${predicted}`).toBeLessThanOrEqual(step)
    }
    // The prediction drawn over the measurements is the same formula on a fine grid.
    expect(toy.prediction.beta).toHaveLength(64)
  }, 420_000)
})
