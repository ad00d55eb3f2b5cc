import type { LatentRecord } from '../../core/report/index.js'
import { formatNumber, linearScale, niceDomain, tickLabel } from './axis.js'
import { diamond, HALO, header, plotBox, px, svgDocument, ticksAt, xAxis, yAxis, type LegendItem } from './frame.js'
import { errorBar } from './intervals.js'
import { INK, MUTED, SERIES } from './palette.js'

export interface RelevanceBarsOptions {
  /** The relevance threshold (report.config.threshold), drawn as a dashed line. */
  threshold: number
  title?: string
  width?: number
  height?: number
  /** Draw each latent's KL to the prior (nats) as a diamond on the same axis. Default true. */
  kl?: boolean
}

const MARGIN = { left: 60, right: 16, bottom: 48 }
/** Colours of relevant bars, irrelevant bars and the threshold line and KL markers. */
export const RELEVANT_COLOUR = SERIES[0]
export const IRRELEVANT_COLOUR = MUTED
const THRESHOLD_COLOUR = SERIES[1]
/** Below this bar width (px) the value labels turn vertical. */
const NARROW_BAND = 46
/** Bars taller than this (px) carry their value inside, in white; shorter ones above the bar and the threshold line. */
const INSIDE_LABEL = 24

/**
 * The relevance spectrum (the paper's Fig. 2): one bar per latent in the order given (the report's latents, sorted by
 * decreasing relevance), height R_i, relevant latents coloured and the rest grey, the value on each bar, x labels
 * "z<index>" (the network's column), a dashed line at the threshold, the KL per latent as diamonds, and the
 * bootstrap interval of R (`relevanceInterval`) as an error bar where the report has one.
 */
export function relevanceBarsSvg(latents: readonly LatentRecord[], options: RelevanceBarsOptions): string {
  const { threshold, width = 640, height = 380, kl = true } = options
  const items: LegendItem[] = [
    { label: 'R, relevant', colour: RELEVANT_COLOUR, kind: 'swatch' },
    { label: 'R, not relevant', colour: IRRELEVANT_COLOUR, kind: 'swatch' },
    { label: `threshold ${tickLabel(threshold)}`, colour: THRESHOLD_COLOUR, kind: 'line', dash: '6 4', width: 1.5 },
  ]
  if (kl) items.push({ label: 'KL to the prior (nats)', colour: INK, kind: 'diamond' })
  const head = header(width, options.title ?? 'Latent relevance', items)
  const box = plotBox(width, height, { ...MARGIN, top: head.top })
  let top = Math.max(1, threshold)
  for (const l of latents) top = Math.max(top, l.relevanceInterval?.upper ?? l.relevance, kl ? l.kl : 0)
  const y = niceDomain(0, top, 5)
  const sy = linearScale(y.domain, [box.bottom, box.top])
  const band = (box.right - box.left) / Math.max(latents.length, 1)
  const barWidth = Math.min(band * 0.7, 80)
  const centre = (i: number) => box.left + band * (i + 0.5)
  const vertical = band < NARROW_BAND

  const thresholdY = sy(threshold)
  const bars = latents.map((l, i) => {
    const y = sy(Math.max(l.relevance, 0))
    const colour = l.relevant ? RELEVANT_COLOUR : IRRELEVANT_COLOUR
    const value = formatNumber(l.relevance)
    return (
      `<rect data-mark="bar" data-latent="${l.index}" data-relevant="${l.relevant}" x="${px(centre(i) - barWidth / 2)}" y="${px(y)}" ` +
      `width="${px(barWidth)}" height="${px(box.bottom - y)}" fill="${colour}"><title>z${l.index}: R = ${value}</title></rect>` +
      valueLabel(centre(i), y, Math.min(y, thresholdY), box.bottom - y > INSIDE_LABEL, vertical, value)
    )
  })
  const intervals = latents.map((l, i) =>
    l.relevanceInterval
      ? errorBar(centre(i), sy(l.relevanceInterval.lower), sy(l.relevanceInterval.upper), INK, `z${l.index}: interval ${formatNumber(l.relevanceInterval.lower)} – ${formatNumber(l.relevanceInterval.upper)}`, `data-latent="${l.index}"`)
      : '',
  )
  const klMarks = kl ? latents.map((l, i) => diamond(centre(i), sy(l.kl), INK, `data-mark="kl" data-latent="${l.index}"`)).join('') : ''
  const xTicks = latents.map((l, i) => ({ at: centre(i), label: `z${l.index}` }))
  return svgDocument(width, height, [
    head.svg,
    yAxis(box, ticksAt(y.ticks, sy), kl ? 'relevance R, KL (nats)' : 'relevance R = Var[μ]'),
    ...bars,
    ...intervals,
    `<line data-mark="threshold" x1="${box.left}" x2="${box.right}" y1="${px(thresholdY)}" y2="${px(thresholdY)}" stroke="${THRESHOLD_COLOUR}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
    klMarks,
    xAxis(box, xTicks, 'latent (sorted by relevance)'),
  ])
}

/**
 * A bar's value: inside the top of a tall bar (white), else just above `above` (the higher of the bar and the
 * threshold line, so the line never strikes it through); vertical when bars are narrow.
 */
function valueLabel(x: number, barTop: number, above: number, inside: boolean, vertical: boolean, value: string): string {
  const size = vertical ? 10 : 11
  const [y, fill, halo] = inside ? [barTop + 6, '#fff', ''] : [above - 5, INK, ` ${HALO}`]
  const text = vertical
    ? `<text transform="translate(${px(x + 4)} ${px(y)}) rotate(-90)" text-anchor="${inside ? 'end' : 'start'}" font-size="${size}" fill="${fill}"${halo}>${value}</text>`
    : `<text x="${px(x)}" y="${px(inside ? y + size : y)}" text-anchor="middle" font-size="${size}" fill="${fill}"${halo}>${value}</text>`
  return `<g data-mark="value">${text}</g>`
}
