import type { Report } from '../../core/report/index.js'
import { formatNumber, linearScale, niceDomain, niceTicks } from './axis.js'
import { emptyNote, legend, legendItemOf, lineSeries, plotBox, svgDocument, ticksAt, titleText, xAxis, yAxis, type LineSeries } from './frame.js'
import { MUTED, seriesColour } from './palette.js'

/** One entry of the report's `latentMaps.profiles`: ⟨z_i⟩ per bin of one variable. */
export type LatentProfile = Report['latentMaps']['profiles'][number]

export interface LatentProfileOptions {
  title?: string
  width?: number
  height?: number
  /** Latents (network columns) to draw as solid coloured lines; the rest are thin dashed grey. Default: all solid. */
  relevant?: readonly number[]
}

const MARGIN = { left: 60, right: 150, top: 40, bottom: 50 }

/**
 * ⟨z_i⟩ against one variable (the paper's Fig. 4): one line per latent through the bin centres, with point markers,
 * broken where a bin is empty (null); relevant latents solid and coloured, the others thin, dashed and grey.
 */
export function latentProfileSvg(profile: LatentProfile, options: LatentProfileOptions = {}): string {
  const { width = 640, height = 380 } = options
  const box = plotBox(width, height, MARGIN)
  const { edges } = profile
  const bins = edges.length - 1
  const centres = Array.from({ length: bins }, (_, b) => 0.5 * (edges[b] + edges[b + 1]))
  const isRelevant = (latent: number) => !options.relevant || options.relevant.includes(latent)

  let [lo, hi] = [Infinity, -Infinity]
  for (const l of profile.latents) for (const v of l.means) if (v !== null) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)]
  const title = options.title ?? `⟨z⟩ against ${profile.variable}`
  if (!(bins > 0 && hi >= lo)) {
    return svgDocument(width, height, [titleText(title, width), emptyNote(box, 'no events to profile')])
  }
  const y = niceDomain(lo, hi, 6)
  const sx = linearScale([edges[0], edges[bins]], [box.left, box.right])
  const sy = linearScale(y.domain, [box.bottom, box.top])
  const xs = centres.map(sx)

  let colourIndex = 0
  const series: LineSeries[] = profile.latents.map((l) => {
    const relevant = isRelevant(l.latent)
    const ys = l.means.map((v) => (v === null ? null : sy(v)))
    const attributes = `data-latent="${l.latent}" data-relevant="${relevant}"`
    if (!relevant) return { label: 'not relevant', colour: MUTED, xs, ys, width: 1, dash: '4 3', attributes }
    const titles = l.means.map((v, b) => `z${l.latent}, ${profile.variable} ≈ ${formatNumber(centres[b])}: ${v === null ? 'no events' : formatNumber(v)}`)
    return { label: `z${l.latent}`, colour: seriesColour(colourIndex++), xs, ys, width: 2, markers: true, titles, attributes }
  })
  // Grey lines first, under the coloured ones; one legend row stands for all of them.
  const ordered = [...series.filter((s) => s.colour === MUTED), ...series.filter((s) => s.colour !== MUTED)]
  const items = series.filter((s) => s.colour !== MUTED).map(legendItemOf)
  const muted = series.find((s) => s.colour === MUTED)
  if (muted) items.push(legendItemOf(muted))

  return svgDocument(width, height, [
    titleText(title, width),
    yAxis(box, ticksAt(y.ticks, sy), '⟨z⟩'),
    xAxis(box, ticksAt(niceTicks(edges[0], edges[bins], 8), sx), profile.variable),
    ...ordered.map(lineSeries),
    legend(box.right + 12, box.top, items),
  ])
}
