// The analysis worker: a module Web Worker that runs core's analysis (generate or read the data, train the VAE,
// compute the report) so that the page never freezes. One analysis at a time; `stop` aborts the training at the
// next epoch boundary and the report is made from what was learned so far.
import { inputFromCsv, inputFromEvents, type AnalysisInput } from '../../../core/analysis/input.js'
import { prepareAnalysis, reportFromTraining, trainAnalysis } from '../../../core/analysis/analyze.js'
import { readCsv } from '../../../core/csv/readCsv.js'
import { generateEvents } from '../../../core/datasets/generate.js'
import { isSymscopeError } from '../../../core/errors.js'
import { cmsDimuonInput } from '../../../core/transforms/cmsDimuon.js'
import { loadWasm } from '../../../core/wasm/browser.js'
import type { SymscopeWasm } from '../../../core/wasm/module.js'
import symscopeWasmUrl from '../../../core/wasm/symscope.wasm?url'
import type { DataSource, FromWorker, RunMessage, ToWorker } from '../src/protocol.js'
import { startTrainer } from './trainer.js'

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message)

let controller: AbortController | undefined

/** Lets queued messages (a `stop`) run between epochs: training itself never yields. */
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

function inputOf(wasm: SymscopeWasm, source: DataSource): AnalysisInput {
  if (source.kind === 'generator') {
    const { dataset, n, seed, params } = source
    return inputFromEvents(generateEvents(wasm, { dataset, n, seed, params }))
  }
  if (source.kind === 'cms') return cmsDimuonInput(wasm, source.text, source.name)
  return inputFromCsv(readCsv(source.text), source.name)
}

async function run(message: RunMessage): Promise<void> {
  controller?.abort()
  const current = new AbortController()
  controller = current
  try {
    post({ type: 'phase', phase: 'starting' })
    const [wasm, { info, trainer }] = await Promise.all([loadWasm(symscopeWasmUrl), startTrainer(message.backend)])
    post({ type: 'backend', backend: info })
    post({ type: 'phase', phase: 'data' })
    const input = inputOf(wasm, message.source)
    const prepared = await prepareAnalysis(wasm, input, { config: message.config, threshold: message.threshold, trainer })
    post({ type: 'prepared', id: prepared.id, events: input.n, features: prepared.features.matrix.cols, epochs: prepared.config.epochs })
    post({ type: 'phase', phase: 'training' })
    const trained = await trainAnalysis(wasm, prepared, {
      signal: current.signal,
      onEpoch: async (record, epochs) => {
        post({ type: 'epoch', record, epochs })
        await yieldToMessages()
      },
    })
    if (trained.history.length === 0) {
      post({ type: 'stopped' })
      return
    }
    post({ type: 'phase', phase: 'statistics' })
    const report = await reportFromTraining(wasm, prepared, trained)
    post({ type: 'report', report, stopped: trained.aborted })
  } catch (error) {
    const code = isSymscopeError(error) ? error.code : 'internal'
    const text = error instanceof Error ? error.message : typeof error === 'object' && error && 'message' in error ? String(error.message) : String(error)
    post({ type: 'error', code, message: text })
  } finally {
    if (controller === current) controller = undefined
  }
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data
  if (message.type === 'stop') controller?.abort()
  else if (message.type === 'run') void run(message)
})
