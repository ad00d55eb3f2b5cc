import type { Scan } from '../../core/report/index.js'
import { formatNumber, linearScale } from './axis.js'
import { diamond, emptyNote, header, markers, plotBox, svgDocument, titleText, xAxis, yAxis, type LegendItem } from './frame.js'
import { seriesColour } from './palette.js'
import { betaAxis, type ScanPlotOptions } from './scanStaircase.js'

const MARGIN = { left: 70, right: 20, top: 40, bottom: 50 }

/**
 * The β where each rank collapses (scan.series[].collapse: the smallest grid β from which on its mean relevance stays
 * below the threshold), one row per rank on a log β axis; ranks that never collapse on the grid are drawn at the
 * right edge as open arrows "→". For a linear VAE the toy model's β_k = 2λ_k/D is drawn as a hollow diamond.
 */
export function scanCollapseSvg(scan: Scan, options: ScanPlotOptions = {}): string {
  const { width = 640, height = 320 } = options
  const title = options.title ?? `Where each latent collapses: ${scan.dataset.name}`
  const series = scan.series.find((s) => s.latent === (options.latent ?? scan.series[0]?.latent))
  if (!series) return svgDocument(width, height, [titleText(title, width), emptyNote(plotBox(width, height, MARGIN), 'no scan points')])
  const toy = scan.linearToy
  const items: LegendItem[] = [{ label: 'measured (first grid β below the threshold)', colour: seriesColour(0), kind: 'marker' }]
  if (toy) items.push({ label: 'linear toy model 2λ_k/D', colour: seriesColour(1), kind: 'diamond' })
  const head = header(width, title, items)
  const box = plotBox(width, height, { ...MARGIN, top: head.top })
  const allBetas = [...scan.grid.beta, ...(toy?.collapse.map((c) => c.beta).filter((b) => b > 0) ?? [])].sort((a, b) => a - b)
  const { sx, ticks } = betaAxis(allBetas, box)
  const ranks = series.collapse.length
  const sy = linearScale([0.5, ranks + 0.5], [box.top, box.bottom])
  const measured = series.collapse.filter((c) => c.beta !== null)
  const never = series.collapse.filter((c) => c.beta === null)
  return svgDocument(width, height, [
    head.svg,
    yAxis(box, series.collapse.map((c) => ({ at: sy(c.rank), label: `rank ${c.rank}` }))),
    xAxis(box, ticks.map((t) => ({ at: sx(t), label: formatNumber(t) })), 'β (log scale)', { grid: true }),
    `<g data-mark="collapse">${markers(measured.map((c) => sx(c.beta!)), measured.map((c) => sy(c.rank)), seriesColour(0), { radius: 5, titles: measured.map((c) => `rank ${c.rank} collapses at β = ${formatNumber(c.beta!)}`) })}</g>`,
    ...never.map((c) => `<text data-mark="never" x="${(box.right - 4).toFixed(1)}" y="${(sy(c.rank) + 4).toFixed(1)}" text-anchor="end" font-size="12" fill="${seriesColour(0)}">not on this grid →</text>`),
    ...(toy?.collapse.filter((c) => c.rank <= ranks && c.beta > 0).map((c) => diamond(sx(c.beta), sy(c.rank), seriesColour(1), `data-mark="predicted" data-rank="${c.rank}"`)) ?? []),
  ])
}
