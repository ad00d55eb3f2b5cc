// VAE training throughput: the design's networks (2 → 64 → 64 → 2·4 and 8 → 64 → 64 → 2·8) at batch 256 and 64,
// trained by core's `trainVae` on the fused WebAssembly trainer (one thread, and two worker_threads sharing each batch
// with the same bits), on tfjs's wasm backend (SIMD) and on its
// pure-JavaScript cpu backend, and by PyTorch on the same network in a child process (bench/pytorchVae.py, when
// `/usr/bin/python3 -c "import torch"` works; 1 and 2 threads), all in this process run. Samples per second =
// optimiser steps × batch / seconds, from each trainer's own clock. Then the wall time of `symscope reproduce --quick`.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateEvents, type SymscopeWasm } from '../core/index.js'
import { standardise } from '../core/stats/index.js'
import { setupTensorflow } from '../core/tf/node.js'
import { disposeVae, resolveVaeConfig, trainVae, type TrainerName } from '../core/vae/index.js'
import type { TrainingThreads } from '../core/vae/fused/threads.js'
import { startTrainingThreads } from '../core/wasm/nodeThreads.js'
import { loadWasm } from '../core/wasm/node.js'
import { NO_TORCH_NOTE, PYTHON, PYTORCH_VAE_SCRIPT, torchAvailable } from './pytorch.js'
import { median, type Bench, type BenchTable } from './table.js'

const EVENTS = 12_800 // 10,240 training events: 40 steps of 256 per epoch
const EPOCHS = 3
const REPEATS = 3


interface Net {
  label: string
  dataset: string
  params?: Record<string, number>
}

const NETS: Net[] = [
  { label: '2 → 64 → 64 → 2·4 (circle)', dataset: 'circle' },
  { label: '8 → 64 → 64 → 2·8 (drell_yan, 8 features)', dataset: 'drell_yan' },
]
const BATCHES = [256, 64]

const matrices = new Map<Net, ReturnType<typeof standardise>>()

/** The net's standardised events, generated once per benchmark run. */
function standardised(wasm: SymscopeWasm, net: Net) {
  if (!matrices.has(net)) {
    const events = generateEvents(wasm, { dataset: net.dataset, n: EVENTS, seed: 1, params: net.params })
    matrices.set(net, standardise(wasm, Float32Array.from(events.features), events.n, events.featureNames.length))
  }
  return matrices.get(net)!
}

async function samplesPerSecond(
  wasm: SymscopeWasm, net: Net, batchSize: number, trainer: TrainerName, threads?: TrainingThreads,
): Promise<number> {
  if (trainer !== 'fused') await setupTensorflow(trainer === 'tfjs-cpu' ? 'cpu' : 'wasm')
  const m = standardised(wasm, net)
  const config = resolveVaeConfig({ epochs: EPOCHS, batchSize, latent: m.cols <= 2 ? 4 : 8 }, m.cols)
  const trained = await trainVae(wasm, m.data, m.rows, m.cols, config, { trainer, threads })
  disposeVae(trained.vae)
  return (trained.steps * config.batchSize) / trained.seconds
}

/** PyTorch's samples/s for each setting, from one child process; null when torch cannot be imported. */
function pytorch(settings: object[]): number[] | null {
  if (!torchAvailable()) return null
  const result = spawnSync(PYTHON, [PYTORCH_VAE_SCRIPT], { input: settings.map((s) => JSON.stringify(s)).join('\n'), encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`bench/pytorchVae.py failed: ${result.stderr}`)
  return result.stdout.trim().split('\n').map((line) => JSON.parse(line).samplesPerSecond as number)
}

const ratio = (a: number, b: number | null) => (b ? `${(a / b).toFixed(2)}×` : 'n/a')

async function trainingTable(wasm: SymscopeWasm, twoThreads: TrainingThreads): Promise<BenchTable> {
  const load = loadavg()
  const rows: (string | number)[][] = []
  let torchFound = true
  for (const net of NETS) {
    for (const batch of BATCHES) {
      const rates: Record<string, number[]> = { fused: [], 'fused 2': [], 'tfjs-wasm': [], 'tfjs-cpu': [] }
      const features = standardised(wasm, net).cols
      const setting = (threads: number) => ({
        features, latent: features <= 2 ? 4 : 8, hidden: 64, batch, events: Math.round(EVENTS * 0.8), epochs: EPOCHS, threads,
      })
      const torchRates: number[][] = []
      for (let r = 0; r < REPEATS; r++) {
        rates.fused.push(await samplesPerSecond(wasm, net, batch, 'fused'))
        rates['fused 2'].push(await samplesPerSecond(wasm, net, batch, 'fused', twoThreads))
        rates['tfjs-wasm'].push(await samplesPerSecond(wasm, net, batch, 'tfjs-wasm'))
        if (r === 0) rates['tfjs-cpu'].push(await samplesPerSecond(wasm, net, batch, 'tfjs-cpu')) // slow: once
        const torch = pytorch([setting(1), setting(2)])
        if (torch) torchRates.push(torch)
        else torchFound = false
      }
      const fused = median(rates.fused)
      const fused2 = median(rates['fused 2'])
      const tfjsWasm = median(rates['tfjs-wasm'])
      const tfjsCpu = median(rates['tfjs-cpu'])
      const torch1 = torchRates.length ? median(torchRates.map((t) => t[0])) : null
      const torch2 = torchRates.length ? median(torchRates.map((t) => t[1])) : null
      const torchBest = torch1 && torch2 ? Math.max(torch1, torch2) : null
      rows.push([
        net.label, String(batch), fused, fused2, tfjsWasm, tfjsCpu, torch1 ?? 'n/a', torch2 ?? 'n/a',
        ratio(fused2, fused), ratio(fused, torchBest), ratio(fused2, torchBest), ratio(fused, tfjsWasm), ratio(fused, tfjsCpu),
      ])
    }
  }
  return {
    title: 'VAE training throughput: the fused WebAssembly trainer against tfjs and PyTorch, Node, one process run',
    description:
      `Samples per second (Adam, ${EPOCHS} epochs of ${Math.round(EVENTS * 0.8).toLocaleString('en-US')} events), median of ` +
      `${REPEATS} alternating runs (tfjs cpu: one run). Fused: \`trainVae\` with trainer 'fused' on one thread, and on ` +
      'two (this thread and one worker_thread over a shared memory, started once; the same bits as one).',
    columns: [
      'network', 'batch', 'fused samples/s', 'fused, 2 threads', 'tfjs-wasm', 'tfjs-cpu', 'PyTorch 1 thread', 'PyTorch 2 threads',
      'fused 2 threads / 1', 'fused / PyTorch best', 'fused 2 threads / PyTorch best', 'fused / tfjs-wasm', 'fused / tfjs-cpu',
    ],
    rows,
    notes: [
      'Goals (issue 10): fused ≥ 1× PyTorch\'s best on this CPU, 2 threads ≥ 2×, ≥ 6× tfjs-wasm.',
      `Load average at the start (1, 5, 15 min): ${load.map((l) => l.toFixed(2)).join(', ')} on ${availableParallelism()} cores, shared with other work: two threads can only scale when a second core is free.`,
      torchFound
        ? 'PyTorch: Debian\'s python3-torch (CPU), bench/pytorchVae.py, the same network, loss and optimiser.'
        : NO_TORCH_NOTE,
    ],
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
    description: 'Wall time of the whole quick suite (seven experiments, fused trainer), one run in a child process.',
    columns: ['command', 'seconds', 'target'],
    rows: [['symscope reproduce --quick', seconds, '< 120 s on 2 cores']],
  }
}

export const run: Bench = async () => {
  const wasm = await loadWasm()
  const twoThreads = await startTrainingThreads(2)
  try {
    return [await trainingTable(wasm, twoThreads), reproduceQuickTable()]
  } finally {
    await twoThreads.close()
  }
}
