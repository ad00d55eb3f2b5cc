// <symscope-report>: a symscope report on any page. One script tag, then
//   <symscope-report report-id="…">            a report stored by the API (with `api` = its base URL when elsewhere)
//   <symscope-report scan-id="…">              a scan stored by the API: the staircase, and a β slider over its points
//   <symscope-report src="report.json">        a report.json the page hosts itself
//   <symscope-report dataset="circle" n="2000" epochs="10">   a small analysis run on the server
// The `report` property sets or reads the report drawn; `symscope-load` and `symscope-error` tell the page.
import { parseParameterText } from '../../core/datasets/index.js'
import type { Report } from '../../core/report/index.js'
import { fetchReport, getAnalysis, submitAnalysis, waitForReport, waitForScan, type AnalysisRequestBody, type JobStatus } from './api.js'
import { ATTRIBUTES, CLASSES, EVENTS, FIGURES, TEST_IDS, TEXT, type FigureName } from './constants.js'
import { h } from './dom.js'
import { DEFAULT_API, DEFAULT_FIGURES, SMALL_ANALYSIS } from './options.js'
import { renderReport } from './reportView.js'
import { renderScan } from './scanView.js'
import { REPORT_CSS } from './styles.js'

const HOST_CSS = ':host { display: block; } :host([hidden]) { display: none; }'

/** `figures="relevance, latent-map"` or `"all"`; unknown names are ignored. */
function parseFigures(text: string | null): readonly FigureName[] {
  if (text === null || text.trim() === '') return DEFAULT_FIGURES
  if (text.trim() === 'all') return FIGURES
  const names = text.split(/[\s,]+/)
  return FIGURES.filter((f) => names.includes(f))
}

/** `params="sqrtS=91.19&z=true"`: generator parameters written as a query string (values as the CLI's --set). */
function parseParams(text: string | null): Record<string, number | boolean | null> {
  const params: Record<string, number | boolean | null> = {}
  for (const [name, value] of new URLSearchParams(text ?? '')) {
    const parsed = parseParameterText(value)
    if (typeof parsed === 'string') throw new Error(`params: '${name}=${value}' is not a number, true/false or none`)
    params[name] = parsed
  }
  return params
}

const integer = (text: string | null, fallback: number) => (text === null || text.trim() === '' ? fallback : Number(text))

export class SymscopeReportElement extends HTMLElement {
  static readonly observedAttributes = Object.values(ATTRIBUTES)
  readonly #body: HTMLElement
  #report: Report | null = null
  #controller: AbortController | undefined
  #scheduled = false
  /** The latest point asked for by the scan's slider: an older answer arriving later is dropped. */
  #pointRequest = 0

  constructor() {
    super()
    const root = this.attachShadow({ mode: 'open' })
    this.#body = h('div', { part: 'body' })
    root.append(h('style', {}, HOST_CSS + REPORT_CSS), this.#body)
  }

  connectedCallback(): void {
    this.#schedule()
  }

  disconnectedCallback(): void {
    this.#controller?.abort()
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.#schedule()
  }

  /** The report drawn (null until one has loaded). Setting it draws that report and ignores the attributes. */
  get report(): Report | null {
    return this.#report
  }

  set report(value: Report | null) {
    this.#controller?.abort()
    if (value) this.#show(value)
    else this.#status(TEXT.nothingToShow)
  }

  /** Attribute changes within one task load once. */
  #schedule(): void {
    if (this.#scheduled) return
    this.#scheduled = true
    queueMicrotask(() => {
      this.#scheduled = false
      void this.#load()
    })
  }

  async #load(): Promise<void> {
    this.#controller?.abort()
    const controller = new AbortController()
    this.#controller = controller
    const { signal } = controller
    const api = this.getAttribute(ATTRIBUTES.api) ?? DEFAULT_API
    const onStatus = (status: JobStatus) =>
      this.#status(status.status === 'running' ? TEXT.running(status.progress.steps, status.progress.totalSteps) : TEXT.queued)
    try {
      const id = this.getAttribute(ATTRIBUTES.reportId)
      const scanId = this.getAttribute(ATTRIBUTES.scanId)
      if (scanId && !id) return void (await this.#loadScan(api, scanId, signal))
      const src = this.getAttribute(ATTRIBUTES.src)
      const dataset = this.getAttribute(ATTRIBUTES.dataset)
      let report: Report
      if (id) {
        this.#status(TEXT.loading)
        report = await waitForReport(api, await getAnalysis(api, id, signal), { signal, onStatus })
      } else if (src) {
        this.#status(TEXT.loading)
        report = await fetchReport(new URL(src, document.baseURI).href, signal)
      } else if (dataset) {
        this.#status(TEXT.submitting)
        const seed = integer(this.getAttribute(ATTRIBUTES.seed), SMALL_ANALYSIS.seed)
        const body: AnalysisRequestBody = {
          dataset: {
            generator: { name: dataset, n: integer(this.getAttribute(ATTRIBUTES.n), SMALL_ANALYSIS.n), seed, params: parseParams(this.getAttribute(ATTRIBUTES.params)) },
          },
          config: { epochs: integer(this.getAttribute(ATTRIBUTES.epochs), SMALL_ANALYSIS.epochs), seed },
        }
        report = await waitForReport(api, await submitAnalysis(api, body, signal), { signal, onStatus })
      } else {
        this.#status(TEXT.nothingToShow)
        return
      }
      if (!signal.aborted) this.#show(report)
    } catch (error) {
      if (signal.aborted) return
      const message = error instanceof Error ? error.message : String(error)
      this.#body.replaceChildren(h('p', { class: CLASSES.error, role: 'alert', 'data-testid': TEST_IDS.error }, message))
      this.dispatchEvent(new CustomEvent(EVENTS.error, { detail: { error }, bubbles: true, composed: true }))
    }
  }

  /** A stored scan: its figures and a β slider; each selected point's report is fetched and drawn below. */
  async #loadScan(api: string, scanId: string, signal: AbortSignal): Promise<void> {
    this.#status(TEXT.loading)
    const scan = await waitForScan(api, scanId, { signal, onStatus: (s) => this.#status(TEXT.scanRunning(s.progress.done, s.progress.points)) })
    if (signal.aborted) return
    const figures = parseFigures(this.getAttribute(ATTRIBUTES.figures))
    this.#body.replaceChildren(
      renderScan(scan, {
        width: this.clientWidth,
        onPoint: (point, target) => {
          const request = ++this.#pointRequest
          target.replaceChildren(h('p', { class: CLASSES.status, role: 'status' }, TEXT.loading))
          getAnalysis(api, point.id, signal)
            .then((answer) => waitForReport(api, answer, { signal }))
            .then((report) => {
              if (!signal.aborted && request === this.#pointRequest) target.replaceChildren(renderReport(report, { figures, width: this.clientWidth }))
            })
            .catch((error: unknown) => {
              if (!signal.aborted && request === this.#pointRequest) target.replaceChildren(h('p', { class: CLASSES.error, role: 'alert' }, error instanceof Error ? error.message : String(error)))
            })
        },
      }),
    )
    this.dispatchEvent(new CustomEvent(EVENTS.load, { detail: { scan }, bubbles: true, composed: true }))
  }

  #status(text: string): void {
    this.#body.replaceChildren(h('p', { class: CLASSES.status, role: 'status', 'data-testid': TEST_IDS.status }, text))
  }

  #show(report: Report): void {
    this.#report = report
    this.#body.replaceChildren(renderReport(report, { figures: parseFigures(this.getAttribute(ATTRIBUTES.figures)), width: this.clientWidth }))
    this.dispatchEvent(new CustomEvent(EVENTS.load, { detail: { report }, bubbles: true, composed: true }))
  }
}
