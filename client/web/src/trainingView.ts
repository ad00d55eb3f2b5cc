// The training panel: the backend in use, the phase, epoch progress and the live loss curve. Progress only marks the
// curve dirty; one requestAnimationFrame redraws it, however many epochs arrived since the last frame.
import type { EpochRecord } from '../../../core/vae/index.js'
import { svgNode } from '../../element/dom.js'
import { lossCurveSvg } from '../../plots/lossCurve.js'
import type { BackendInfo, Phase } from './protocol.js'

const byId = <T = HTMLElement>(id: string): T => document.getElementById(id) as unknown as T

const PHASES: Record<Phase, string> = {
  starting: 'Starting TensorFlow.js…',
  data: 'Preparing the data…',
  training: 'Training the VAE…',
  statistics: 'Measuring relevance and intrinsic dimension…',
}

/** performance.mark names the benchmark reads (bench/browser.ts). */
export const MARKS = { firstLoss: 'symscope:first-loss-curve', report: 'symscope:report' } as const

export class TrainingView {
  readonly #panel = byId<HTMLElement>('training')
  readonly #phase = byId<HTMLElement>('phase')
  readonly #backend = byId<HTMLElement>('backend')
  readonly #backendNote = byId<HTMLElement>('backend-note')
  readonly #progress = byId<HTMLProgressElement>('progress')
  readonly #progressText = byId<HTMLElement>('progress-text')
  readonly #curve = byId<HTMLElement>('loss-live')
  #history: EpochRecord[] = []
  #beta: number | undefined
  #frame = 0
  #drawn = false

  /** A new run: clears the curve and the progress. */
  start(where: 'local' | 'server', beta: number | undefined): void {
    this.newCurve(beta)
    this.#panel.hidden = false
    this.#progress.value = 0
    this.#progress.max = 1
    this.#progressText.textContent = where === 'local' ? 'epoch 0' : 'waiting for the server'
    this.#backend.textContent = where === 'local' ? 'starting…' : 'server'
    this.#backendNote.textContent = ''
    this.#phase.textContent = where === 'local' ? PHASES.starting : 'Sending the analysis to the server…'
  }

  /** A new live loss curve (a scan's next point), keeping the backend and the progress. */
  newCurve(beta: number | undefined): void {
    cancelAnimationFrame(this.#frame)
    this.#frame = 0
    this.#history = []
    this.#beta = beta
    this.#curve.replaceChildren()
  }

  backend(info: BackendInfo): void {
    this.#backend.textContent = info.label
    this.#backend.dataset.backend = info.name
    if (info.threads === undefined) delete this.#backend.dataset.threads
    else this.#backend.dataset.threads = String(info.threads)
    this.#backendNote.textContent = info.note ?? ''
  }

  /** The backend named by a report (server runs learn it only at the end). */
  backendName(name: string, where: string): void {
    this.#backend.textContent = `${name} (${where})`
    this.#backend.dataset.backend = name
  }

  phase(phase: Phase | string): void {
    this.#phase.textContent = phase in PHASES ? PHASES[phase as Phase] : phase
  }

  epoch(record: EpochRecord, epochs: number): void {
    this.#history.push(record)
    this.#progress.max = epochs
    this.#progress.value = record.epoch
    // The epochs are a cap: training usually stops before it, once the relevances settle (core/vae/convergence.ts).
    this.#progressText.textContent = `epoch ${record.epoch} (at most ${epochs}; stops when the relevances settle) · loss ${record.loss.toPrecision(3)} · ${record.seconds.toFixed(1)} s`
    if (!this.#frame) this.#frame = requestAnimationFrame(() => this.#draw())
  }

  /** An epoch of a scan's point `index` of `points`: the bar counts the whole scan's epochs, the curve this point's. */
  scanEpoch(record: EpochRecord, epochs: number, index: number, points: number): void {
    this.epoch(record, epochs)
    this.#progress.max = epochs * points
    this.#progress.value = index * epochs + record.epoch
    this.#progressText.textContent = `point ${index + 1} of ${points} · ${this.#progressText.textContent}`
  }

  /** Server-side progress in optimiser steps (a queued job). */
  steps(steps: number, total: number, status: string): void {
    this.#progress.max = Math.max(total, 1)
    this.#progress.value = steps
    this.#progressText.textContent = `${status}: ${steps} of ${total} optimiser steps`
  }

  /** A scan on the server: its points done so far, on the same progress bar. */
  points(done: number, total: number): void {
    this.#progress.max = Math.max(total, 1)
    this.#progress.value = done
    this.#progressText.textContent = `${done} of ${total} points done`
  }

  /**
   * The finished training: the report's history replaces the live one (it carries every epoch), and the bar is full:
   * training ended at its last epoch, on convergence or at the cap of `epochs` (the verdict says which).
   */
  finish(history: EpochRecord[], epochs: number, text: string): void {
    this.#history = [...history]
    if (history.length) {
      const last = Math.min(epochs, history[history.length - 1].epoch)
      this.#progress.max = last
      this.#progress.value = last
    } else {
      this.#progress.max = 1
      this.#progress.value = 1
    }
    this.#phase.textContent = text
    if (!this.#frame) this.#frame = requestAnimationFrame(() => this.#draw())
  }

  /** A finished scan: the last point's curve, the bar full over every point's epochs. */
  finishScan(last: EpochRecord[], epochs: number, points: number, text: string): void {
    this.finish(last, epochs, text)
    this.#progress.max = epochs * points
    this.#progress.value = (points - 1) * epochs + (last[last.length - 1]?.epoch ?? epochs)
  }

  #draw(): void {
    this.#frame = 0
    if (!this.#history.length) return
    const width = this.#curve.clientWidth
    const size = width > 0 && width < 640 ? { width: Math.max(300, width), height: Math.max(300, Math.round(width * 0.75)) } : {}
    const svg = svgNode(lossCurveSvg(this.#history, { ...size, beta: this.#beta, title: 'Loss per epoch (live)' }))
    this.#curve.replaceChildren(svg)
    if (!this.#drawn) {
      this.#drawn = true
      performance.mark(MARKS.firstLoss)
    }
  }
}
