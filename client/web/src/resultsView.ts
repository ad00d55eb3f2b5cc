// The results panel: the report (the same view the element draws), downloads of report.json and every SVG figure,
// and links to share: a stored report's own link, or the URL that re-runs this analysis.
import type { Report, Scan } from '../../../core/report/index.js'
import { h } from '../../element/dom.js'
import { EVENTS, FIGURES, TAG } from '../../element/constants.js'
import '../../element/index.js' // defines <symscope-report>, which draws stored scans
import { renderReport } from '../../element/reportView.js'
import { renderScan } from '../../element/scanView.js'
import { reportFigures } from '../../plots/reportFigures.js'
import { MARKS } from './trainingView.js'
import { reportSearch, scanSearch } from './urlState.js'

const byId = <T = HTMLElement>(id: string): T => document.getElementById(id) as unknown as T

export interface ShareOptions {
  /** The report is stored on the server under its id: share `/?report=<id>`. */
  stored: boolean
  /** The query that re-runs this analysis (null for an uploaded file). */
  analysisSearch: string | null
  /** Offered when the report is not stored: run the same analysis on the server to store it. */
  onStore?: () => void
}

let objectUrls: string[] = []

const APP_FIGURES = FIGURES.filter((f) => f !== 'loss')

const fileStem = (report: Report) => `symscope-${report.dataset.name.replace(/[^A-Za-z0-9_-]+/g, '_')}-${report.id.slice(0, 8)}`

function download(name: string, type: string, text: string, label: string): HTMLElement {
  const url = URL.createObjectURL(new Blob([text], { type }))
  objectUrls.push(url)
  return h('li', {}, h('a', { href: url, download: name }, label))
}

function copyButton(text: string): HTMLButtonElement {
  const button = h('button', { type: 'button' }, 'Copy link')
  button.addEventListener('click', () => {
    void navigator.clipboard?.writeText(text).then(
      () => (button.textContent = 'Copied'),
      () => (button.textContent = 'Copy failed: select the link'),
    )
  })
  return button
}

function shareSection(report: Report, options: ShareOptions): HTMLElement {
  const origin = location.origin
  const parts: HTMLElement[] = [h('h3', {}, 'Share')]
  if (options.stored) {
    const link = `${origin}/${reportSearch(report.id)}`
    parts.push(h('p', {}, 'This report is stored on the server: ', h('a', { href: link, 'data-testid': 'share-link' }, link), ' ', copyButton(link)))
    parts.push(h('p', { class: 'hint' }, 'Embed it: ', h('code', {}, `<symscope-report report-id="${report.id}" api="${origin}"></symscope-report>`)))
  }
  if (options.analysisSearch) {
    const link = `${origin}/${options.analysisSearch}`
    parts.push(h('p', {}, 'Link that runs this analysis again: ', h('a', { href: link, 'data-testid': 'analysis-link' }, link), ' ', copyButton(link)))
  }
  if (!options.stored && options.onStore) {
    const button = h('button', { type: 'button', 'data-testid': 'store-on-server' }, 'Run it on the server to get a stored link')
    button.addEventListener('click', () => options.onStore?.())
    parts.push(h('p', {}, button, ' ', h('span', { class: 'hint' }, 'The same data and settings give the same report id.')))
  }
  return h('div', {}, ...parts)
}

/** Draws a finished report with its downloads and share links; marks the time for the benchmark. */
export function showResults(report: Report, options: ShareOptions): void {
  for (const url of objectUrls) URL.revokeObjectURL(url)
  objectUrls = []
  const panel = byId<HTMLElement>('results')
  panel.hidden = false
  // The loss curve is already in the training panel above.
  const target = byId('report')
  target.replaceChildren(renderReport(report, { figures: APP_FIGURES, width: target.clientWidth }))
  const stem = fileStem(report)
  const figures = reportFigures(report)
  byId('downloads').replaceChildren(
    h('h3', {}, 'Download'),
    h(
      'ul',
      { 'data-testid': 'downloads' },
      download(`${stem}.json`, 'application/json', `${JSON.stringify(report, null, 2)}\n`, 'report.json'),
      ...figures.map((f) => download(`${stem}-${f.name}`, 'image/svg+xml', f.svg, `${f.name} (${f.title})`)),
    ),
  )
  byId('share').replaceChildren(shareSection(report, options))
  performance.mark(MARKS.report)
  // For automation (and the benchmark): the report drawn, as the element announces its own.
  document.dispatchEvent(new CustomEvent(EVENTS.load, { detail: { report } }))
}

export function hideResults(): void {
  byId<HTMLElement>('results').hidden = true
}

/**
 * A scan stored by the server (`/?scan=<id>`): drawn by <symscope-report scan-id> (the staircase, counts and
 * collapse figures, and a β slider that opens each point's report), with its share link and embed code.
 */
export function showScan(id: string): void {
  byId<HTMLElement>('results').hidden = false
  byId('report').replaceChildren(h(TAG, { 'scan-id': id, figures: 'relevance,dimension,correlations', 'data-testid': 'scan-element' }))
  byId('downloads').replaceChildren()
  const link = `${location.origin}/${scanSearch(id)}`
  byId('share').replaceChildren(
    h('h3', {}, 'Share'),
    h('p', {}, 'This scan is stored on the server: ', h('a', { href: link, 'data-testid': 'share-link' }, link), ' ', copyButton(link)),
    h('p', { class: 'hint' }, 'Embed it: ', h('code', {}, `<symscope-report scan-id="${id}" api="${location.origin}"></symscope-report>`)),
  )
}

/**
 * A scan run in this browser: the same scan view as a stored scan (client/element/scanView.ts), its slider drawing
 * the point's report from the reports the worker made; downloads of scan.json and every report, and the link that
 * runs the scan again.
 */
export function showLocalScan(scan: Scan, reports: Report[], search: string | null): void {
  for (const url of objectUrls) URL.revokeObjectURL(url)
  objectUrls = []
  byId<HTMLElement>('results').hidden = false
  const target = byId('report')
  const byReportId = new Map(reports.map((r) => [r.id, r]))
  const width = target.clientWidth
  target.replaceChildren(
    renderScan(scan, {
      width,
      onPoint: (point, into) => into.replaceChildren(renderReport(byReportId.get(point.id)!, { figures: ['relevance', 'dimension', 'correlations'], width })),
    }),
  )
  const stem = `symscope-scan-${scan.dataset.name.replace(/[^A-Za-z0-9_-]+/g, '_')}-${scan.id.slice(0, 8)}`
  byId('downloads').replaceChildren(
    h('h3', {}, 'Download'),
    h(
      'ul',
      { 'data-testid': 'downloads' },
      download(`${stem}.json`, 'application/json', `${JSON.stringify(scan, null, 2)}\n`, 'scan.json'),
      ...reports.map((r) => download(`${fileStem(r)}.json`, 'application/json', `${JSON.stringify(r, null, 2)}\n`, `report.json at β = ${r.config.beta}, seed ${r.config.seed}`)),
    ),
  )
  const link = search ? `${location.origin}/${search}` : null
  byId('share').replaceChildren(
    h('h3', {}, 'Share'),
    link ? h('p', {}, 'Link that runs this scan again: ', h('a', { href: link, 'data-testid': 'analysis-link' }, link), ' ', copyButton(link)) : h('p', { class: 'hint' }, 'A scan of an uploaded file has no link.'),
  )
  document.dispatchEvent(new CustomEvent(EVENTS.load, { detail: { scan } }))
}
