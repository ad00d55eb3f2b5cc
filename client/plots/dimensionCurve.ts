import type { DimensionCurvePoint } from '../../core/report/index.js'
import { formatNumber, linearScale, logScale, niceDomain } from './axis.js'
import { emptyNote, header, lineSeries, plotBox, referenceLine, svgDocument, ticksAt, titleText, xAxis, yAxis, type LegendItem, type LineSeries } from './frame.js'
import { errorBar } from './intervals.js'
import { AXIS, seriesColour } from './palette.js'

/** The report's Gride curves: `intrinsicDimension.dataCurve` and `.latentCurve`. */
export interface DimensionCurves {
  data: readonly DimensionCurvePoint[]
  latent: readonly DimensionCurvePoint[]
}

export interface DimensionCurveOptions {
  title?: string
  width?: number
  height?: number
  /** Expected degrees of freedom (report.dataset.expectedDegreesOfFreedom), drawn as a dotted line. */
  expected?: number | null
}

const MARGIN = { left: 60, right: 20, top: 40, bottom: 50 }

/**
 * Intrinsic dimension against the neighbour order k (Gride, on a log2 axis: k = 1, 2, 4, …), for the data and for
 * the relevant-latent means, with the expected degrees of freedom as a dotted line. Small k looks at the finest
 * scale; each point's tooltip gives the median neighbour distance it looks at. Points with a profile-likelihood
 * interval (`lower`, `upper`) carry it as an error bar.
 */
export function dimensionCurveSvg(curves: DimensionCurves, options: DimensionCurveOptions = {}): string {
  const { width = 640, height = 380, expected = null } = options
  const title = options.title ?? 'Intrinsic dimension against scale'
  const named = [
    { label: 'data (standardised features)', points: curves.data, colour: seriesColour(0), curve: 'data' },
    { label: 'relevant-latent means', points: curves.latent, colour: seriesColour(1), curve: 'latent' },
  ].filter((c) => c.points.length)
  if (!named.length) return svgDocument(width, height, [titleText(title, width), emptyNote(plotBox(width, height, MARGIN), 'no dimension estimate')])
  const items: LegendItem[] = named.map((c) => ({ label: c.label, colour: c.colour, kind: 'line' }))
  if (expected !== null) items.push({ label: `expected degrees of freedom`, colour: AXIS, kind: 'line', dash: '2 3', width: 1.5 })
  const head = header(width, title, items)
  const box = plotBox(width, height, { ...MARGIN, top: head.top })
  const all = named.flatMap((c) => c.points)

  const ks = [...new Set(all.map((p) => p.k))].sort((a, b) => a - b)
  const sx = logScale([ks[0] / 1.3, ks[ks.length - 1] * 1.3], [box.left, box.right])
  let top = expected ?? 0
  for (const p of all) top = Math.max(top, p.upper ?? p.dimension)
  const y = niceDomain(0, top * 1.15, 5)
  const sy = linearScale(y.domain, [box.bottom, box.top])

  const series: LineSeries[] = named.map((c) => ({
      label: c.label,
      colour: c.colour,
      xs: c.points.map((p) => sx(p.k)),
      ys: c.points.map((p) => sy(p.dimension)),
      markers: true,
      titles: c.points.map((p) => `${c.label}, k = ${p.k}: d = ${formatNumber(p.dimension)}, median distance ${formatNumber(p.medianDistance)}`),
      attributes: `data-curve="${c.curve}"`,
    }))
  return svgDocument(width, height, [
    head.svg,
    yAxis(box, ticksAt(y.ticks, sy), 'intrinsic dimension (Gride)'),
    xAxis(box, ticksAt(ks, sx, String), 'neighbour order k (larger k: larger scale)', { grid: true }),
    expected !== null && referenceLine(box, sy(expected), `expected ${expected}`, 'expected', AXIS, '2 3'),
    ...named.flatMap((c) =>
      c.points.map((p) =>
        p.lower === undefined || p.upper === undefined
          ? ''
          : errorBar(sx(p.k), sy(p.lower), sy(p.upper), c.colour, `${c.label}, k = ${p.k}: interval ${formatNumber(p.lower)} – ${formatNumber(p.upper)}`, `data-curve="${c.curve}"`),
      ),
    ),
    ...series.map(lineSeries),
  ])
}
