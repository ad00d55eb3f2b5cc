// PyTorch beside symscope in the benchmarks, in a child process of Debian's /usr/bin/python3 (python3-torch; CI has
// no torch, so each caller skips its PyTorch column with a note when `torchAvailable()` is false):
// - bench/training.ts: throughput of the same network (bench/pytorchVae.py);
// - bench/convergence.ts: the same run under symscope's stopping rule (bench/pytorchConvergence.py). The script
//   trains and measures each check; core/vae/convergence.ts, called here, decides when it stops, so both sides
//   run one implementation of the rule, with its constants from core (the check interval, the check events and the
//   cap reach the script in the settings file this module writes).
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { PreparedAnalysis } from '../core/analysis/index.js'
import { relevanceSpectrum } from '../core/analysis/index.js'
import { relevance } from '../core/stats/relevance.js'
import { CHECK_ROWS, checkRecord, convergenceAt, type CheckRecord } from '../core/vae/convergence.js'
import { checkSteps } from '../core/vae/train.js'
import { plannedTrainingSteps, splitRows } from '../core/vae/index.js'
import type { SymscopeWasm } from '../core/wasm/module.js'

export const PYTHON = '/usr/bin/python3'
const script = (name: string) => fileURLToPath(new URL(`../../bench/${name}`, import.meta.url))
export const PYTORCH_VAE_SCRIPT = script('pytorchVae.py')
const CONVERGENCE_SCRIPT = script('pytorchConvergence.py')

let available: boolean | undefined
/** Whether PYTHON can import torch (asked once per process). */
export function torchAvailable(): boolean {
  available ??= spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0
  return available
}

/** The note a table carries when its PyTorch column is empty. */
export const NO_TORCH_NOTE = `PyTorch not measured: ${PYTHON} cannot import torch (apt-get install -y python3-torch); the other columns stand.`

/** PyTorch's training of one prepared analysis under the stopping rule. */
export interface PytorchRun {
  converged: boolean
  /** Training samples seen (optimiser steps × batch). */
  samples: number
  /** The script's training clock (steps and checks), wall and CPU of its process. */
  seconds: number
  cpuSeconds: number
  /** The report's count: R ≥ threshold over the whole validation split (core's relevance and relevanceSpectrum). */
  relevantCount: number
  checks: number
}

/**
 * Trains `prepared` (its standardised features, settings and train/validation split, as trainVae would) with
 * PyTorch on `threads` threads, stopping where core/vae/convergence.ts says, then counts its relevant latents.
 */
export async function pytorchUnderRule(wasm: SymscopeWasm, prepared: PreparedAnalysis, threads = 1): Promise<PytorchRun> {
  const { config, threshold } = prepared
  const { data, rows, cols } = prepared.features.matrix
  const { trainRows, validationRows } = splitRows(wasm, rows, config)
  const checkRows = Math.min(CHECK_ROWS, validationRows.length)
  const dir = mkdtempSync(join(tmpdir(), 'symscope-pytorch-'))
  try {
    const path = (name: string) => join(dir, name)
    writeFileSync(path('data.f32'), data.subarray(0, rows * cols))
    writeFileSync(path('train.i32'), trainRows)
    writeFileSync(path('validation.i32'), validationRows)
    const settings = {
      data: path('data.f32'), rows, cols, trainRows: path('train.i32'), validationRows: path('validation.i32'),
      config, capSteps: plannedTrainingSteps(rows, config), checkSteps: checkSteps(config), checkRows, threads, posterior: path('posterior'),
    }
    writeFileSync(path('settings.json'), JSON.stringify(settings))
    const child = spawn(PYTHON, [CONVERGENCE_SCRIPT, path('settings.json')], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    const checks: CheckRecord[] = []
    let done: { samples: number; seconds: number; cpuSeconds: number; converged: boolean } | null = null
    for await (const line of createInterface({ input: child.stdout })) {
      const message = JSON.parse(line)
      if (message.check) {
        const { samples, loss, sums } = message.check
        checks.push(checkRecord(samples, loss, Float64Array.from(sums), config.latent, checkRows, threshold))
        child.stdin.write(`${JSON.stringify({ converged: convergenceAt(checks, threshold).converged })}\n`)
      } else if (message.done) done = message.done
    }
    const code = await exited
    if (code !== 0 || !done) throw new Error(`bench/pytorchConvergence.py failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`)
    const posterior = (ending: string) => new Float32Array(Uint8Array.from(readFileSync(`${path('posterior')}.${ending}`)).buffer)
    const stats = relevance(wasm, posterior('means'), posterior('logvars'), validationRows.length, config.latent)
    return { ...done, relevantCount: relevanceSpectrum(stats, threshold).relevantCount, checks: checks.length }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
