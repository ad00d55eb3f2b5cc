// The analysis worker: a module Web Worker that runs core's analysis (generate or read the data, train the VAE,
// compute the report) so that the page never freezes. One analysis at a time; `stop` aborts the training at the
// next epoch boundary and the report is made from what was learned so far. A scan runs core's planScan, then each
// point's training and report one at a time, then scanFromReports: what `symscope scan` does, here in the worker.
import { inputFromSource, prepareAnalysis, reportFromTraining, symmetriesOf, trainAnalysis, type AnalysisInput, type PreparedAnalysis } from '../../../core/analysis/index.js'
import { isSymscopeError, type SymscopeWasm } from '../../../core/index.js'
import type { Report } from '../../../core/report/index.js'
import { parseBetaGrid, planScan, scanFromReports, scanIndex } from '../../../core/scan/index.js'
import { loadWasm } from '../../../core/wasm/browser.js'
import symscopeWasmUrl from '../../../core/wasm/symscope.wasm?url'
import type { DataSource, FromWorker, RunMessage, ScanMessage, ToWorker } from '../src/protocol.js'
import type { TrainedVae, TrainerName, TrainingThreads } from '../../../core/vae/index.js'
import { startTrainer } from './trainer.js'

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message)

let controller: AbortController | undefined

/** Lets queued messages (a `stop`) run between epochs: training itself never yields. */
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** The page's source as core's (inputFromSource reads every format, here in the worker). */
function inputOf(wasm: SymscopeWasm, source: DataSource): Promise<AnalysisInput> {
  if (source.kind === 'generator') return inputFromSource(wasm, { ...source, dataset: source.dataset })
  if (source.kind === 'cms') return inputFromSource(wasm, { kind: 'file', name: source.name, data: source.text, format: 'csv', from: source.lepton === 'e' ? 'cms-dielectron' : 'cms-dimuon' })
  if (source.kind === 'csv') return inputFromSource(wasm, { kind: 'file', name: source.name, data: source.text, format: 'csv' })
  return inputFromSource(wasm, { kind: 'file', name: source.name, data: source.bytes })
}

/** One run at a time: a new one aborts the last; whatever a run throws is posted with core's code. */
async function exclusive(body: (signal: AbortSignal) => Promise<void>): Promise<void> {
  controller?.abort()
  const current = new AbortController()
  controller = current
  try {
    await body(current.signal)
  } catch (error) {
    const code = isSymscopeError(error) ? error.code : 'internal'
    const text = error instanceof Error ? error.message : typeof error === 'object' && error && 'message' in error ? String(error.message) : String(error)
    post({ type: 'error', code, message: text })
  } finally {
    if (controller === current) controller = undefined
  }
}

/** What a run trains with: the compute module, the trainer (announced to the page), its threads, the run's data. */
interface Started {
  wasm: SymscopeWasm
  trainer: TrainerName
  threads?: TrainingThreads
  input: AnalysisInput
}

/**
 * Starts a run and gives it to `body`: the compute module, the trainer and its threads (closed when the run ends:
 * they hold a shared memory and count − 1 workers), and the run's data.
 */
async function begin(message: RunMessage | ScanMessage, body: (started: Started) => Promise<void>): Promise<void> {
  post({ type: 'phase', phase: 'starting' })
  const [wasm, { info, trainer, threads }] = await Promise.all([loadWasm(symscopeWasmUrl), startTrainer(message.backend, message.threads)])
  try {
    post({ type: 'backend', backend: info })
    post({ type: 'phase', phase: 'data' })
    await body({ wasm, trainer, threads, input: await inputOf(wasm, message.source) })
  } finally {
    await threads?.close()
  }
}

/** Trains a prepared analysis, posting every epoch and letting a `stop` in between. */
async function train({ wasm, input, threads }: Started, prepared: PreparedAnalysis, signal: AbortSignal): Promise<TrainedVae> {
  post({ type: 'prepared', id: prepared.id, events: input.n, features: prepared.features.matrix.cols, epochs: prepared.config.epochs })
  post({ type: 'phase', phase: 'training' })
  return trainAnalysis(wasm, prepared, {
    signal,
    threads,
    onEpoch: async (record, epochs) => {
      post({ type: 'epoch', record, epochs })
      await yieldToMessages()
    },
  })
}

const run = (message: RunMessage) =>
  exclusive((signal) =>
    begin(message, async (started) => {
      const { wasm, trainer, input } = started
      const prepared = await prepareAnalysis(wasm, input, { config: message.config, threshold: message.threshold, trainer })
      const symmetries = await symmetriesOf(wasm, prepared) // from the data alone, before training
      const trained = await train(started, prepared, signal)
      if (trained.history.length === 0) return post({ type: 'stopped' })
      post({ type: 'phase', phase: 'statistics' })
      post({ type: 'report', report: await reportFromTraining(wasm, prepared, trained, symmetries), stopped: trained.aborted })
    }),
  )

/**
 * A scan: the grid checked and every point prepared by planScan before anything trains (seeds from config.seed on,
 * as `symscope scan --seed S --seeds n`), then the points in the plan's order, one at a time. A stop ends the scan at
 * the next epoch boundary with no scan (a scan needs every point).
 */
const scan = (message: ScanMessage) =>
  exclusive((signal) =>
    begin(message, async (started) => {
      const { wasm, trainer, input } = started
      const { beta: _beta, seed = 1, latent, ...shared } = message.config
      const grid = { beta: parseBetaGrid(message.betas), seeds: Array.from({ length: Math.min(message.seeds, 10_000) }, (_, i) => seed + i), latent: latent === undefined ? [] : [latent] }
      const plan = await planScan(wasm, input, { grid, config: shared, threshold: message.threshold, trainer })
      const reports: Report[] = []
      // every point reads the same events, so one symmetry section serves them all (each aligns its own latents)
      const symmetries = plan.points.length ? await symmetriesOf(wasm, plan.points[0].prepared) : null
      for (const [index, point] of plan.points.entries()) {
        post({ type: 'point', index, points: plan.points.length, beta: point.beta, seed: point.seed })
        const trained = await train(started, point.prepared, signal)
        if (trained.aborted || trained.history.length === 0) return post({ type: 'stopped' })
        reports.push(await reportFromTraining(wasm, point.prepared, trained, symmetries ?? undefined))
      }
      post({ type: 'phase', phase: 'statistics' })
      post({ type: 'scan', scan: scanFromReports(scanIndex(plan), reports), reports })
    }),
  )

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data
  if (message.type === 'stop') controller?.abort()
  else if (message.type === 'run') void run(message)
  else if (message.type === 'scan') void scan(message)
})
