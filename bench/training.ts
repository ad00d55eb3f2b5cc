// VAE training throughput: the paper's networks (2 → 64 → 64 → 2·4 and 8 → 64 → 64 → 2·8, batch 256) trained by
// core's `trainVae` on tfjs's wasm backend (SIMD) and on its pure-JavaScript cpu backend, alternately in this process
// run. Samples per second = optimiser steps × batch / seconds, from the trainer's own clock. Then the wall time of
// `symscope reproduce --quick`, in a child process.
import * as tf from '@tensorflow/tfjs'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateEvents, type SymscopeWasm } from '../core/index.js'
import { standardise } from '../core/stats/index.js'
import { setupTensorflow } from '../core/tf/node.js'
import { disposeVae, resolveVaeConfig, trainVae } from '../core/vae/index.js'
import { loadWasm } from '../core/wasm/node.js'
import { median, type Bench, type BenchTable } from './table.js'

const EVENTS = 12_800 // 10,240 training events: 40 steps of 256 per epoch
const EPOCHS = 3
const REPEATS = 3

async function samplesPerSecond(wasm: SymscopeWasm, dataset: string, backend: 'wasm' | 'cpu'): Promise<number> {
  await setupTensorflow(backend)
  const events = generateEvents(wasm, { dataset, n: EVENTS, seed: 1 })
  const raw = Float32Array.from(events.features)
  const m = standardise(wasm, raw, events.n, events.featureNames.length)
  const config = resolveVaeConfig({ epochs: EPOCHS, latent: m.cols <= 2 ? 4 : 8 }, m.cols)
  const trained = await trainVae(wasm, m.data, m.rows, m.cols, config)
  disposeVae(trained.vae)
  return (trained.steps * config.batchSize) / trained.seconds
}

async function trainingTable(wasm: SymscopeWasm): Promise<BenchTable> {
  const rows: (string | number)[][] = []
  for (const [label, dataset] of [
    ['2 → 64 → 64 → 2·4 (circle)', 'circle'],
    ['8 → 64 → 64 → 2·8 (ee_mumu: 6 non-constant features)', 'ee_mumu'],
  ] as const) {
    const wasmRates: number[] = []
    const cpuRates: number[] = []
    for (let r = 0; r < REPEATS; r++) {
      wasmRates.push(await samplesPerSecond(wasm, dataset, 'wasm'))
      cpuRates.push(await samplesPerSecond(wasm, dataset, 'cpu'))
    }
    const w = median(wasmRates)
    const c = median(cpuRates)
    rows.push([label, w, c, `${(w / c).toFixed(2)}×`])
  }
  return {
    title: 'VAE training throughput: tfjs wasm (SIMD) against tfjs cpu, Node',
    description: `Samples per second of \`trainVae\` (Adam, batch 256, ${EPOCHS} epochs of ${Math.round(EVENTS * 0.8).toLocaleString('en-US')} events), median of ${REPEATS} alternating runs per backend.`,
    columns: ['network', 'wasm samples/s', 'cpu samples/s', 'wasm / cpu'],
    rows,
    notes: [`tfjs ${tf.version_core}; the target is wasm ≥ 3× cpu.`],
  }
}

function reproduceQuickTable(): BenchTable {
  const cli = fileURLToPath(new URL('../client/cli/main.js', import.meta.url))
  const out = mkdtempSync(join(tmpdir(), 'symscope-bench-'))
  const started = performance.now()
  try {
    execFileSync(process.execPath, [cli, 'reproduce', '--quick', '--quiet', '--out', out], { stdio: 'ignore' })
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
  const seconds = (performance.now() - started) / 1000
  return {
    title: '`symscope reproduce --quick`',
    description: 'Wall time of the whole quick suite (seven experiments, wasm backend), one run in a child process.',
    columns: ['command', 'seconds', 'target'],
    rows: [['symscope reproduce --quick', seconds, '< 120 s on 2 cores']],
  }
}

export const run: Bench = async () => {
  const wasm = await loadWasm()
  return [await trainingTable(wasm), reproduceQuickTable()]
}
