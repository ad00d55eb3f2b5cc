// Training in this browser: the page's side of the analysis worker. One worker, started on first use and kept
// (tfjs and its backend stay initialised between runs); one run (an analysis or a scan) at a time.
import type { Report, Scan } from '../../../core/report/index.js'
import type { EpochRecord } from '../../../core/vae/index.js'
import type { BackendInfo, FromWorker, Phase, RunMessage, ScanMessage, ToWorker } from './protocol.js'

export interface LocalRunHandlers {
  backend(info: BackendInfo): void
  phase(phase: Phase): void
  prepared(info: { id: string; events: number; features: number; epochs: number }): void
  epoch(record: EpochRecord, epochs: number): void
}

export interface LocalScanHandlers extends LocalRunHandlers {
  /** A point starts training: its place in the plan and its grid coordinates. */
  point(info: { index: number; points: number; beta: number; seed: number }): void
}

/** A finished scan and its points' reports (in the plan's order). */
export interface LocalScanResult {
  scan: Scan
  reports: Report[]
}

/** How a run ended: a report (possibly of a stopped training), or nothing when stopped before the first epoch. */
export type LocalRunResult = { report: Report; stopped: boolean } | { report: null; stopped: true }

/** An error the worker reported, with core's code (invalid_csv, invalid_parameter, …). */
export class AnalysisError extends Error {
  override readonly name = 'AnalysisError'
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export class LocalTrainer {
  #worker: Worker | undefined
  #settle: ((message: FromWorker | ErrorEvent) => void) | undefined

  #start(): Worker {
    const worker = new Worker(new URL('../worker/analysisWorker.ts', import.meta.url), { type: 'module', name: 'symscope-analysis' })
    worker.addEventListener('error', (event) => {
      this.#worker = undefined // a worker that failed to load is not reused
      this.#settle?.(event)
    })
    return worker
  }

  /** Runs one analysis in the worker; resolves with its report, rejects with an AnalysisError. */
  run(message: RunMessage, handlers: LocalRunHandlers): Promise<LocalRunResult> {
    return this.#exchange<LocalRunResult>(message, handlers, (m, resolve) => {
      if (m.type === 'report') resolve({ report: m.report, stopped: m.stopped })
      else if (m.type === 'stopped') resolve({ report: null, stopped: true })
    })
  }

  /** Runs a scan in the worker, one point at a time; resolves with the scan and every point's report (null when stopped). */
  scan(message: ScanMessage, handlers: LocalScanHandlers): Promise<LocalScanResult | null> {
    return this.#exchange<LocalScanResult | null>(message, handlers, (m, resolve) => {
      if (m.type === 'point') handlers.point(m)
      else if (m.type === 'scan') resolve({ scan: m.scan, reports: m.reports })
      else if (m.type === 'stopped') resolve(null)
    })
  }

  /** Posts a message and routes the worker's answers until `settle` resolves (or an error rejects). */
  #exchange<T>(message: ToWorker, handlers: LocalRunHandlers, settle: (m: FromWorker, resolve: (value: T) => void) => void): Promise<T> {
    if (this.#settle) return Promise.reject(new AnalysisError('busy', 'an analysis is already running'))
    this.#worker ??= this.#start()
    const worker = this.#worker
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        worker.removeEventListener('message', onMessage)
        this.#settle = undefined
      }
      this.#settle = (event) => {
        if (!(event instanceof ErrorEvent)) return
        done()
        reject(new AnalysisError('worker', `the analysis worker failed to start: ${event.message || 'unknown error'}`))
      }
      const onMessage = (event: MessageEvent<FromWorker>) => {
        const m = event.data
        if (m.type === 'backend') handlers.backend(m.backend)
        else if (m.type === 'phase') handlers.phase(m.phase)
        else if (m.type === 'prepared') handlers.prepared(m)
        else if (m.type === 'epoch') handlers.epoch(m.record, m.epochs)
        else if (m.type === 'error') (done(), reject(new AnalysisError(m.code, m.message)))
        else settle(m, (value) => (done(), resolve(value)))
      }
      worker.addEventListener('message', onMessage)
      worker.postMessage(message)
    })
  }

  /** Stops the running training at its next epoch boundary; the run still resolves, with what was learned. */
  stop(): void {
    this.#worker?.postMessage({ type: 'stop' })
  }
}
