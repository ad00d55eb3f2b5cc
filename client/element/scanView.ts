// A scan as a page section: the staircase, the relevant count and latent dimension, the collapse points, and a β
// slider that shows the full report of the point it selects (the first seed at that β, the first latent size). The
// figures are the CLI's (client/plots/scanFigures); the point's report is drawn by the report view.
import type { Scan } from '../../core/report/index.js'
import { formatNumber } from '../plots/axis.js'
import { scanFigures } from '../plots/scanFigures.js'
import { TEST_IDS, TEXT } from './constants.js'
import { h } from './dom.js'
import { figure } from './reportView.js'

export interface ScanViewOptions {
  width?: number
  /** Called with the selected point (at first and on every move of the slider); draws its report into `target`. */
  onPoint: (point: Scan['points'][number], target: HTMLElement) => void
}

export function renderScan(scan: Scan, options: ScanViewOptions): HTMLElement {
  const figures = scanFigures(scan, { width: options.width })
  const latent = scan.series[0]?.latent
  const points = scan.grid.beta.map((beta) => scan.points.find((p) => p.beta === beta && p.latent === latent)!)
  const target = h('div', { 'data-testid': TEST_IDS.scanPoint })
  const label = h('span', {})
  const slider = h('input', { type: 'range', min: 0, max: points.length - 1, step: 1, value: 0, 'aria-label': 'β', 'data-testid': TEST_IDS.scanBeta })
  const select = () => {
    const point = points[Number(slider.value)]
    label.textContent = TEXT.scanPoint(formatNumber(point.beta), point.seed)
    options.onPoint(point, target)
  }
  slider.addEventListener('input', select)
  const [staircase, ...rest] = figures
  const view = h(
    'section',
    { 'data-testid': TEST_IDS.scan, 'data-scan-id': scan.id, 'aria-label': 'Scan over β' },
    h('h2', {}, `Scan of ${scan.dataset.name}: ${scan.points.length} points`),
    figure(staircase.svg, TEST_IDS.scanStaircase, TEXT.scanCaption, staircase.title),
    ...rest.map((f) => figure(f.svg, `scan-${f.name.replace(/\.svg$/, '')}`, f.title, f.title)),
    h('label', {}, 'β ', slider, ' ', label),
    target,
  )
  select()
  return view
}
