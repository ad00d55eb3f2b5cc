// Outputs whole or not at all, never two runs in one folder (issues 18 and 19): analyze, scan and reproduce refuse an
// existing non-empty --out unless --force and fail at once where the folder cannot be made (/proc/x spun forever in
// Node's recursive mkdir), and generate leaves no partial file when stopped by a signal, clearing what a killed run left.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CLI, runCli } from './cliRunner.js'

const dir = mkdtempSync(join(tmpdir(), 'symscope-outputs-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const analyze = (out: string, ...extra: string[]) => runCli(['analyze', 'circle', '--n', '600', '--epochs', '2', '--quiet', '--out', out, ...extra])

describe('analyze --out', () => {
  it('fails at once, exit 4, where the folder cannot be made (/proc/x)', () => {
    const started = performance.now()
    const { status, stderr } = analyze('/proc/x')
    expect(status).toBe(4)
    expect(stderr).toMatch(/cannot write to --out '\/proc\/x': no such file or folder/)
    expect(performance.now() - started).toBeLessThan(30_000)
  })

  it('refuses a non-empty folder before training (exit 2), and --force replaces it whole', () => {
    const out = join(dir, 'report')
    expect(analyze(out).status).toBe(0)
    writeFileSync(join(out, 'stale.svg'), '<svg/>')
    const refused = analyze(out)
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/already exists and is not empty: choose another folder, or add --force/)
    const forced = analyze(out, '--force')
    expect(forced.status, forced.stderr).toBe(0)
    const files = readdirSync(out)
    expect(files).toContain('report.json')
    expect(files).toContain('report.md')
    expect(files).not.toContain('stale.svg') // nothing of the old folder is mixed in
    expect(readdirSync(dir).filter((name) => /\.(partial|old)-\d+$/.test(name))).toEqual([])
  })

  it('writes into an existing empty folder', () => {
    const out = join(dir, 'empty')
    mkdirSync(out)
    expect(analyze(out).status).toBe(0)
    expect(readdirSync(out)).toContain('report.json')
  })
})

describe('scan --out and reproduce --out', () => {
  it('scan refuses a non-empty folder before training (exit 2), leaving it as it was', () => {
    const out = join(dir, 'scan')
    mkdirSync(out)
    writeFileSync(join(out, 'scan.md'), 'an earlier scan')
    const { status, stderr } = runCli(['scan', 'circle', '--beta', '0.1,1', '--n', '600', '--epochs', '2', '--quiet', '--out', out])
    expect(status).toBe(2)
    expect(stderr).toMatch(/^symscope: --out '.*scan' already exists and is not empty: choose another folder, or add --force/)
    expect(readdirSync(out)).toEqual(['scan.md'])
  })

  it('reproduce refuses a non-empty folder before training, and --force replaces it whole: no report of the old run stays', () => {
    const out = join(dir, 'reproduce')
    mkdirSync(join(out, 'disk'), { recursive: true })
    writeFileSync(join(out, 'disk', 'report.md'), 'an earlier run')
    const run = (...extra: string[]) => runCli(['reproduce', '--quick', '--only', 'circle', '--quiet', '--out', out, ...extra])
    const refused = run()
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/already exists and is not empty: choose another folder, or add --force/)
    expect(readdirSync(out)).toEqual(['disk'])
    const forced = run('--force')
    expect(forced.status, forced.stderr).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['circle', 'summary.json', 'summary.md'])
    expect(readdirSync(join(out, 'circle'))).toContain('report.json')
    expect(readdirSync(dir).filter((name) => /\.(partial|old)-\d+$/.test(name))).toEqual([])
  }, 120_000)
})

describe('generate --out', () => {
  it('removes its partial file when stopped by SIGTERM, and a later run clears a dead run\'s partial file', async () => {
    const out = join(dir, 'events.csv')
    const child = spawn(process.execPath, [CLI, 'generate', 'ee_mumu', '--n', '5000000', '--quiet', '--out', out])
    // Wait for the partial file to appear, then stop the run.
    const deadline = Date.now() + 30_000
    while (!readdirSync(dir).some((name) => name.startsWith('events.csv.partial-')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    expect(readdirSync(dir).some((name) => name.startsWith('events.csv.partial-'))).toBe(true)
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(143)
    expect(readdirSync(dir).filter((name) => name.startsWith('events.csv'))).toEqual([])

    // A partial file of a process that no longer runs (as SIGKILL leaves one): the next run removes it.
    const dead = join(dir, 'events.csv.partial-999999999')
    writeFileSync(dead, 'x1,x2\n')
    const { status } = runCli(['generate', 'circle', '--n', '10', '--out', out])
    expect(status).toBe(0)
    expect(existsSync(dead)).toBe(false)
    expect(existsSync(out)).toBe(true)
  }, 60_000)
})
