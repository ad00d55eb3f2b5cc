// The symscope web app: pick or upload data, train where you choose, watch the loss, read the report. The analysis
// itself is core's, run in a Web Worker (localRun.ts) or by the API (client/element/api.ts); this file wires the
// form, the URL and the panels together.
import { formatOf } from '../../../core/io/index.js'
import type { Report } from '../../../core/report/index.js'
import { getAnalysis, submitAnalysis, submitScan, submitUpload, waitForReport, waitForScan, type JobStatus, type ScanStatus } from '../../element/api.js'
import { h } from '../../element/dom.js'
import { REPORT_CSS } from '../../element/styles.js'
import { featureCount, generatorSource, requestBody, scanRequestBody, scanSettings, threadsSetting, trainingSettings, type AnalysisSpec } from './analysisSpec.js'
import { cmsAsPlainCsv, CMS_SAMPLE_NAME, describeUpload, loadCmsSample, readUpload, SERVER_FORMATS, type Upload } from './dataInput.js'
import { AnalysisForm } from './form.js'
import { AnalysisError, LocalTrainer } from './localRun.js'
import { hideResults, showLocalScan, showResults, showScan } from './resultsView.js'
import { TrainingView } from './trainingView.js'
import { analysisSearch, parseUrlState, reportSearch, scanSearch } from './urlState.js'
import { recogniseTable, type KnownTable } from '../../../core/analysis/index.js'

/** The API is the page's own origin (the worker serves both). */
const API = ''

const byId = <T = HTMLElement>(id: string): T => document.getElementById(id) as unknown as T
const form = new AnalysisForm()
const training = new TrainingView()
const trainer = new LocalTrainer()
const runButton = byId<HTMLButtonElement>('run-button')
const stopButton = byId<HTMLButtonElement>('stop-button')
const formError = byId<HTMLElement>('form-error')
const csvError = byId<HTMLElement>('csv-error')
const csvSummary = byId<HTMLElement>('csv-summary')
const csvFile = byId<HTMLInputElement>('csv-file')
const csvKnown = byId<HTMLElement>('csv-known')
const csvKnownRead = byId<HTMLInputElement>('csv-known-read')
const csvKnownText = byId<HTMLElement>('csv-known-text')
let knownTable: KnownTable | null = null

document.head.appendChild(h('style', {}, REPORT_CSS))

let upload: Upload | null = null
let stopCurrent: (() => void) | null = null

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

function showError(target: HTMLElement, error: unknown): void {
  target.textContent = messageOf(error)
  target.hidden = false
}

function clearError(target: HTMLElement): void {
  target.textContent = ''
  target.hidden = true
}

function setBusy(busy: boolean, stop: (() => void) | null = null): void {
  runButton.disabled = busy
  stopButton.disabled = !busy
  stopCurrent = stop
  document.body.toggleAttribute('data-busy', busy)
}

/** The form as a runnable analysis, checked by core; and the query that describes it (null for an upload). */
async function specFromForm(): Promise<{ spec: AnalysisSpec; search: string | null }> {
  const state = form.read()
  const seed = Number(state.settings.seed ?? '1')
  let source: AnalysisSpec['source']
  let search: string | null = analysisSearch(state)
  if (form.sourceKind === 'csv') {
    if (!upload) throw new Error('choose a file first')
    source =
      upload.format !== 'csv'
        ? { kind: 'file', name: upload.name, bytes: upload.bytes }
        : knownTable && csvKnownRead.checked
          ? { kind: 'cms', name: upload.name, text: upload.text, lepton: knownTable.lepton ?? 'mu' }
          : { kind: 'csv', name: upload.name, text: upload.text }
    search = null
  } else if (form.sourceKind === 'example') {
    source = { kind: 'cms', name: CMS_SAMPLE_NAME, text: await loadCmsSample() }
  } else {
    if (state.source.kind !== 'generator') throw new Error('no dataset chosen')
    source = generatorSource(state.source.dataset, state.source.n, seed, state.source.params)
  }
  const { config, threshold } = trainingSettings(state.settings, featureCount(source))
  const scan = scanSettings(state.settings)
  if (scan && state.run === 'server' && source.kind === 'file') throw new Error('the server scans JSON data sources (a generator, CSV text); scan this file in this browser')
  return { spec: { source, config, threshold, run: state.run, backend: state.backend, scan, threads: threadsSetting(state.settings) }, search }
}

async function runLocal(spec: AnalysisSpec, search: string | null): Promise<void> {
  setBusy(true, () => trainer.stop())
  hideResults()
  training.start('local', spec.config.beta ?? 0.1)
  try {
    const result = await trainer.run(
      { type: 'run', source: spec.source, config: spec.config, threshold: spec.threshold, backend: spec.backend, threads: spec.threads },
      {
        backend: (info) => training.backend(info),
        phase: (phase) => training.phase(phase),
        prepared: ({ events, features }) => training.phase(`Training the VAE on ${events.toLocaleString('en-US')} events, ${features} features…`),
        epoch: (record, epochs) => training.epoch(record, epochs),
      },
    )
    if (!result.report) {
      training.finish([], 1, 'Stopped before the first epoch finished: no report.')
      return
    }
    const report = result.report
    training.finish(report.training.history, report.config.epochs, result.stopped ? 'Stopped: the report shows what the network had learned.' : `Done: trained in ${report.training.seconds.toFixed(1)} s.`)
    showResults(report, { stored: false, analysisSearch: search, onStore: () => void runOnServer({ ...spec, run: 'server' }, search) })
  } catch (error) {
    training.phase(error instanceof AnalysisError && error.code !== 'internal' ? 'The analysis could not run.' : 'The analysis failed.')
    showError(formError, error)
  } finally {
    setBusy(false)
  }
}

/** A scan in this browser: the worker trains its points one at a time; progress counts every point's epochs. */
async function runLocalScan(spec: AnalysisSpec, scan: NonNullable<AnalysisSpec['scan']>, search: string | null): Promise<void> {
  setBusy(true, () => trainer.stop())
  hideResults()
  training.start('local', undefined)
  let point = { index: 0, points: 1, beta: 0, seed: 0 }
  try {
    const result = await trainer.scan(
      { type: 'scan', source: spec.source, config: spec.config, threshold: spec.threshold, backend: spec.backend, threads: spec.threads, betas: scan.betas, seeds: scan.seeds },
      {
        backend: (info) => training.backend(info),
        // While a point trains, the phase names it.
        phase: (phase) => training.phase(phase === 'training' ? `Scan point ${point.index + 1} of ${point.points}: training at β = ${point.beta}, seed ${point.seed}…` : phase),
        point: (info) => {
          point = info
          training.newCurve(info.beta) // the live curve is this point's
        },
        prepared: () => undefined,
        epoch: (record, epochs) => training.scanEpoch(record, epochs, point.index, point.points),
      },
    )
    if (!result) {
      training.finish([], 1, 'Stopped: a scan needs every point, so there is no scan to show.')
      return
    }
    const seconds = result.reports.reduce((sum, r) => sum + r.training.seconds, 0)
    const last = result.reports[result.reports.length - 1]
    training.finishScan(last.training.history, last.config.epochs, result.reports.length, `Done: ${result.reports.length} points trained in ${seconds.toFixed(1)} s, one at a time.`)
    showLocalScan(result.scan, result.reports, search)
  } catch (error) {
    training.phase(error instanceof AnalysisError && error.code !== 'internal' ? 'The scan could not run.' : 'The scan failed.')
    showError(formError, error)
  } finally {
    setBusy(false)
  }
}

/**
 * A scan on the server: POST /api/v1/scans (each point an analysis job there, in parallel), its share link
 * `/?scan=<id>` put in the URL at once, progress polled over points, then the stored scan's own view.
 */
async function runServerScan(spec: AnalysisSpec, scan: NonNullable<AnalysisSpec['scan']>): Promise<void> {
  const controller = new AbortController()
  setBusy(true, () => controller.abort(new Error('stopped waiting')))
  hideResults()
  clearError(formError)
  training.start('server', undefined)
  training.phase('Submitting the scan…')
  const progress = (status: ScanStatus) => {
    training.phase(`Training the scan's points on the server: ${status.progress.done} of ${status.progress.points} done…`)
    training.points(status.progress.done, status.progress.points)
  }
  try {
    const csv = spec.source.kind === 'cms' ? await cmsAsPlainCsv(spec.source.text, spec.source.name, spec.source.lepton) : undefined
    const first = await submitScan(API, scanRequestBody(spec, scan, csv), controller.signal)
    history.replaceState(null, '', `/${scanSearch(first.id)}`)
    const done = 'schema' in first ? first : await waitForScan(API, first.id, { signal: controller.signal, onStatus: progress })
    training.points(done.points.length, done.points.length)
    training.phase(`Done: the scan's ${done.points.length} points are stored on the server.`)
    showScan(done.id)
  } catch (error) {
    if (controller.signal.aborted) training.phase('Stopped waiting: the server keeps training the scan; this page’s link opens it when it is done.')
    else {
      training.phase('The server could not run the scan.')
      showError(formError, error)
    }
  } finally {
    setBusy(false)
  }
}

function serverStatus(status: JobStatus): void {
  training.phase(status.status === 'queued' ? 'Queued on the server…' : 'Training on the server…')
  training.steps(status.progress.steps, status.progress.totalSteps, status.status)
}

function finishServer(report: Report): void {
  training.backendName(report.training.backend, 'server')
  training.finish(report.training.history, report.config.epochs, `Done: trained on the server in ${report.training.seconds.toFixed(1)} s.`)
}

/** A binary upload to the server, in a format it reads (the others train in this browser). */
function submitFile(spec: AnalysisSpec, source: Extract<AnalysisSpec['source'], { kind: 'file' }>, signal: AbortSignal): ReturnType<typeof submitUpload> {
  const format = formatOf(source.name, source.bytes)
  if (!SERVER_FORMATS.includes(format)) throw new Error(`the server reads ${SERVER_FORMATS.join(', ')} uploads; train this ${format} file in this browser`)
  const config = JSON.stringify({ ...spec.config, threshold: spec.threshold })
  return submitUpload(API, source.bytes, { format, name: source.name, config }, signal)
}

async function runOnServer(spec: AnalysisSpec, search: string | null): Promise<void> {
  const controller = new AbortController()
  setBusy(true, () => controller.abort(new Error('stopped waiting')))
  hideResults()
  clearError(formError)
  training.start('server', spec.config.beta ?? 0.1)
  try {
    const first = spec.source.kind === 'file' ? await submitFile(spec, spec.source, controller.signal) : await submitAnalysis(API, spec.source.kind === 'cms' ? requestBody(spec, await cmsAsPlainCsv(spec.source.text, spec.source.name, spec.source.lepton)) : requestBody(spec), controller.signal)
    if (!('latents' in first)) history.replaceState(null, '', `/${reportSearch(first.id)}`)
    const report = await waitForReport(API, first, { signal: controller.signal, onStatus: serverStatus })
    finishServer(report)
    showResults(report, { stored: true, analysisSearch: search })
  } catch (error) {
    if (controller.signal.aborted) training.phase('Stopped waiting: the server keeps the analysis; this page’s link opens it when it is done.')
    else {
      training.phase('The server could not run the analysis.')
      showError(formError, error)
    }
  } finally {
    setBusy(false)
  }
}

async function openStoredReport(id: string): Promise<void> {
  const controller = new AbortController()
  setBusy(true, () => controller.abort(new Error('stopped waiting')))
  training.start('server', undefined)
  training.phase('Fetching the stored report…')
  try {
    const report = await waitForReport(API, await getAnalysis(API, id, controller.signal), { signal: controller.signal, onStatus: serverStatus })
    finishServer(report)
    showResults(report, { stored: true, analysisSearch: null })
    // A shared link is for the report: show it, not the empty form above it.
    document.getElementById('results')?.scrollIntoView({ block: 'start' })
  } catch (error) {
    if (!controller.signal.aborted) {
      training.phase('No report to show.')
      showError(formError, error)
    }
  } finally {
    setBusy(false)
  }
}

async function start(): Promise<void> {
  clearError(formError)
  let prepared: Awaited<ReturnType<typeof specFromForm>>
  try {
    prepared = await specFromForm()
  } catch (error) {
    showError(formError, error)
    return
  }
  const { spec, search } = prepared
  history.replaceState(null, '', `/${search ?? ''}`) // an upload has no URL: back to the plain page
  if (spec.scan && spec.run === 'server') await runServerScan(spec, spec.scan)
  else if (spec.scan) await runLocalScan(spec, spec.scan, search)
  else if (spec.run === 'local') await runLocal(spec, search)
  else await runOnServer(spec, search)
}

form.form.addEventListener('submit', (event) => {
  event.preventDefault()
  void start()
})
stopButton.addEventListener('click', () => stopCurrent?.())
async function takeFile(file: File | undefined): Promise<void> {
  upload = null
  knownTable = null
  csvKnown.hidden = true
  clearError(csvError)
  csvSummary.textContent = ''
  if (!file) return
  try {
    upload = await readUpload(file)
    csvSummary.textContent = `${file.name}: ${describeUpload(upload)}`
    // A table symscope knows a better reading of (core/analysis/knownTables.ts): offered, ticked.
    knownTable = upload.format === 'csv' ? recogniseTable(upload.table.featureNames, upload.name) : null
    if (knownTable) {
      csvKnownText.textContent = `Read as ${knownTable.title}: four-vectors, with the pair's mass, rapidity and Collins–Soper angles as truth${knownTable.lepton ? '' : ' (muons assumed: the file name does not say)'}. Unticked, every column is a feature (event numbers left out).`
      csvKnownRead.checked = true
      csvKnown.hidden = false
    }
  } catch (error) {
    showError(csvError, error)
  }
}
csvFile.addEventListener('change', () => void takeFile(csvFile.files?.[0]))
// A file dropped anywhere on the form is taken as the upload, as if picked.
form.form.addEventListener('dragover', (event) => event.preventDefault())
form.form.addEventListener('drop', (event) => {
  event.preventDefault()
  const file = event.dataTransfer?.files[0]
  if (!file) return
  form.sourceKind = 'csv'
  void takeFile(file)
})

// The URL describes an analysis (run it), a stored report or scan (open it), or nothing (wait for the form).
const initial = parseUrlState(location.search)
if (initial.kind === 'analysis') {
  form.write(initial.state)
  void start()
} else if (initial.kind === 'report') {
  void openStoredReport(initial.id)
} else if (initial.kind === 'scan') {
  showScan(initial.id)
  document.getElementById('results')?.scrollIntoView({ block: 'start' })
} else if (initial.kind === 'invalid') {
  showError(formError, new Error(`This link does not describe an analysis: ${initial.message}`))
}
