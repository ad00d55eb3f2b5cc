import type { Scan } from '../../core/report/index.js'
import { formatNumber, linearScale, niceDomain } from './axis.js'
import { emptyNote, header, lineSeries, plotBox, svgDocument, ticksAt, titleText, xAxis, yAxis, type LegendItem } from './frame.js'
import { band } from './intervals.js'
import { AXIS, seriesColour } from './palette.js'
import { betaAxis, type ScanPlotOptions } from './scanStaircase.js'

const MARGIN = { left: 60, right: 20, top: 40, bottom: 50 }

/**
 * The number of relevant latents and the intrinsic dimension (TwoNN) of the relevant-latent means against β, for
 * one latent size of a scan: means over seeds as lines, the seeds' range as bands, the expected degrees of freedom
 * dotted where known. Where the count and the dimension part, the latents hold a curved manifold (circle: 2 and 1).
 */
export function scanCountsSvg(scan: Scan, options: ScanPlotOptions = {}): string {
  const { width = 640, height = 380 } = options
  const title = options.title ?? `Relevant latents and their dimension against β: ${scan.dataset.name}`
  const series = scan.series.find((s) => s.latent === (options.latent ?? scan.series[0]?.latent))
  if (!series) return svgDocument(width, height, [titleText(title, width), emptyNote(plotBox(width, height, MARGIN), 'no scan points')])
  const expected = scan.dataset.expectedDegreesOfFreedom
  const curves = [
    { label: 'relevant latents', values: series.relevantCount, colour: seriesColour(0), which: 'count' },
    { label: 'intrinsic dimension of the relevant latents', values: series.latentDimension, colour: seriesColour(1), which: 'dimension' },
  ]
  const items: LegendItem[] = curves.map((c) => ({ label: c.label, colour: c.colour, kind: 'line' as const }))
  if (expected !== null) items.push({ label: 'expected degrees of freedom', colour: AXIS, kind: 'line', dash: '2 3', width: 1.5 })
  const head = header(width, title, items)
  const box = plotBox(width, height, { ...MARGIN, top: head.top })
  const betas = scan.grid.beta
  const { sx, ticks } = betaAxis(betas, box)
  let top = Math.max(1, expected ?? 0)
  for (const c of curves) for (const s of c.values) if (s) top = Math.max(top, s.max)
  const y = niceDomain(0, top * 1.1, 5)
  const sy = linearScale(y.domain, [box.bottom, box.top])
  const xs = betas.map(sx)
  return svgDocument(width, height, [
    head.svg,
    yAxis(box, ticksAt(y.ticks, sy), 'count / dimension'),
    xAxis(box, ticksAt(ticks, sx, formatNumber), 'β (log scale)', { grid: true }),
    expected !== null &&
      `<line data-mark="expected" x1="${box.left}" x2="${box.right}" y1="${sy(expected).toFixed(1)}" y2="${sy(expected).toFixed(1)}" stroke="${AXIS}" stroke-width="1.5" stroke-dasharray="2 3"/>`,
    ...curves.flatMap((c) => [
      scan.grid.seeds.length > 1 ? band(xs, c.values.map((s) => (s ? sy(s.min) : null)), c.values.map((s) => (s ? sy(s.max) : null)), c.colour, `data-curve="${c.which}"`) : '',
      lineSeries({
        label: c.label,
        colour: c.colour,
        xs,
        ys: c.values.map((s) => (s ? sy(s.mean) : null)),
        markers: true,
        titles: c.values.map((s, i) => `${c.label}, β = ${formatNumber(betas[i])}: ${s ? formatNumber(s.mean) : '—'}`),
        attributes: `data-curve="${c.which}"`,
      }),
    ]),
  ])
}
