import type { Scan } from '../../core/report/index.js'
import { formatNumber, linearScale, logScale, logTicks, niceDomain } from './axis.js'
import { emptyNote, header, lineSeries, plotBox, referenceLine, svgDocument, ticksAt, titleText, xAxis, yAxis, type LegendItem } from './frame.js'
import { band } from './intervals.js'
import { MUTED, seriesColour } from './palette.js'

/**
 * The unconverged points of one latent size as hollow circles, one per rank at its relevance: their training hit its
 * cap before the stopping rule held (core/vae/convergence.ts), so they are shown but left out of the lines and bands.
 */
function hollowPoints(scan: Scan, latent: number, sx: (b: number) => number, sy: (r: number) => number): string[] {
  return scan.points
    .filter((p) => p.latent === latent && p.converged === false)
    .flatMap((p) =>
      p.relevances.map(
        (r, j) =>
          `<circle cx="${sx(p.beta).toFixed(1)}" cy="${sy(r).toFixed(1)}" r="3.5" fill="none" stroke="${seriesColour(j)}" stroke-width="1.3" data-unconverged="${j + 1}">` +
          `<title>rank ${j + 1}, β = ${formatNumber(p.beta)}, seed ${p.seed}: R = ${formatNumber(r)}, not converged</title></circle>`,
      ),
    )
}

export interface ScanPlotOptions {
  title?: string
  width?: number
  height?: number
  /** Which latent size of the scan to draw (scan.series[i].latent); default the first. */
  latent?: number
}

const MARGIN = { left: 60, right: 20, top: 40, bottom: 50 }

/** The β axis of a scan: log scale over the grid, widened a little, with round ticks. */
export function betaAxis(betas: readonly number[], box: { left: number; right: number }): { sx: (b: number) => number; ticks: number[] } {
  const lo = betas[0] / 1.25
  const hi = betas[betas.length - 1] * 1.25
  return { sx: logScale([lo, hi], [box.left, box.right]), ticks: logTicks(lo, hi) }
}

/**
 * The staircase: each rank's relevance against β (log axis) for one latent size of a scan, the mean over seeds as a
 * line with markers and the seeds' range as a band, the threshold dashed; for a linear VAE the toy model's
 * R_k = 1 − βD/(2λ_k) drawn thin and dashed over the measurements in the same colour. Latents switch off one by
 * one as β grows. Points whose training did not converge are drawn hollow and are not in the lines or bands.
 */
export function scanStaircaseSvg(scan: Scan, options: ScanPlotOptions = {}): string {
  const { width = 640, height = 380 } = options
  const title = options.title ?? `Relevance against β: ${scan.dataset.name}`
  const series = scan.series.find((s) => s.latent === (options.latent ?? scan.series[0]?.latent))
  if (!series) return svgDocument(width, height, [titleText(title, width), emptyNote(plotBox(width, height, MARGIN), 'no scan points')])
  const toy = scan.linearToy
  const items: LegendItem[] = series.ranks.map((r) => ({ label: `rank ${r.rank}`, colour: seriesColour(r.rank - 1), kind: 'line' as const }))
  if (scan.grid.seeds.length > 1) items.push({ label: `range over ${scan.grid.seeds.length} seeds`, colour: MUTED, kind: 'swatch' })
  if (toy) items.push({ label: 'linear toy model', colour: MUTED, kind: 'line', dash: '5 3', width: 1.2 })
  const hasHollow = scan.points.some((p) => p.latent === series.latent && p.converged === false)
  if (hasHollow) items.push({ label: 'not converged (hollow)', colour: MUTED, kind: 'swatch' })
  const head = header(width, title, items)
  const box = plotBox(width, height, { ...MARGIN, top: head.top })
  const betas = scan.grid.beta
  const { sx, ticks } = betaAxis(betas, box)
  let top = 1
  for (const r of series.ranks) for (const s of r.relevance) if (s) top = Math.max(top, s.max)
  for (const p of scan.points) if (p.latent === series.latent && p.converged === false) top = Math.max(top, ...p.relevances)
  const y = niceDomain(0, top, 5)
  const sy = linearScale(y.domain, [box.bottom, box.top])
  const xs = betas.map(sx)
  const parts = series.ranks.flatMap((r) => {
    const colour = seriesColour(r.rank - 1)
    const attributes = `data-rank="${r.rank}"`
    return [
      scan.grid.seeds.length > 1 ? band(xs, r.relevance.map((s) => (s ? sy(s.min) : null)), r.relevance.map((s) => (s ? sy(s.max) : null)), colour, attributes) : '',
      lineSeries({
        label: `rank ${r.rank}`,
        colour,
        xs,
        ys: r.relevance.map((s) => (s ? sy(s.mean) : null)),
        markers: true,
        titles: r.relevance.map((s, i) => `rank ${r.rank}, β = ${formatNumber(betas[i])}: R = ${s ? formatNumber(s.mean) : '—'}`),
        attributes,
      }),
    ]
  })
  const predicted = toy
    ? toy.prediction.ranks
        .filter((r) => r.rank <= series.latent)
        .map((r) =>
          lineSeries({
            label: `predicted rank ${r.rank}`,
            colour: seriesColour(r.rank - 1),
            xs: toy.prediction.beta.map(sx),
            ys: r.relevance.map(sy),
            width: 1.2,
            dash: '5 3',
            attributes: `data-prediction="${r.rank}"`,
          }),
        )
    : []
  return svgDocument(width, height, [
    head.svg,
    yAxis(box, ticksAt(y.ticks, sy), 'relevance R (mean over seeds)'),
    xAxis(box, ticksAt(ticks, sx, formatNumber), 'β (weight of the KL term, log scale)', { grid: true }),
    referenceLine(box, sy(scan.config.threshold), `threshold ${scan.config.threshold}`, 'threshold', MUTED),
    ...parts,
    ...predicted,
    ...hollowPoints(scan, series.latent, sx, sy),
  ])
}
