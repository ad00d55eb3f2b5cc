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
  // The KL diamond sits in the gap right of its bar, off the bar's axis where the value label and the error bar are.
  const klX = (i: number) => centre(i) + barWidth / 2 + Math.min(7, Math.max(0, (band - barWidth) / 2))
  // Everything a value label must stay clear of: diamonds (±5 px), error bars (±4 px caps), and the labels placed so far.
  const obstacles: Rect[] = []
  latents.forEach((l, i) => {
    if (kl) obstacles.push({ left: klX(i) - 6, right: klX(i) + 6, top: sy(l.kl) - 6, bottom: sy(l.kl) + 6 })
    if (l.relevanceInterval) obstacles.push({ left: centre(i) - 5, right: centre(i) + 5, top: sy(l.relevanceInterval.upper) - 1, bottom: sy(l.relevanceInterval.lower) + 1 })
  })
  const bars = latents.map((l, i) => {
    const y = sy(Math.max(l.relevance, 0))
    const colour = l.relevant ? RELEVANT_COLOUR : IRRELEVANT_COLOUR
    const value = formatNumber(l.relevance)
    return (
      `<rect data-mark="bar" data-latent="${l.index}" data-relevant="${l.relevant}" x="${px(centre(i) - barWidth / 2)}" y="${px(y)}" ` +
      `width="${px(barWidth)}" height="${px(box.bottom - y)}" fill="${colour}"><title>z${l.index}: R = ${value}</title></rect>` +
      valueLabel({ x: centre(i), barTop: y, bottom: box.bottom, threshold: thresholdY, vertical, value }, obstacles)
    )
  })
  const intervals = latents.map((l, i) =>
    l.relevanceInterval
      ? errorBar(centre(i), sy(l.relevanceInterval.lower), sy(l.relevanceInterval.upper), INK, `z${l.index}: interval ${formatNumber(l.relevanceInterval.lower)} – ${formatNumber(l.relevanceInterval.upper)}`, `data-latent="${l.index}"`)
      : '',
  )
  const klMarks = kl ? latents.map((l, i) => diamond(klX(i), sy(l.kl), INK, `data-mark="kl" data-latent="${l.index}"`)).join('') : ''
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

/** Width of a label in pixels, as the overlap checks reckon it: 0.62 em per character (system-ui digits are ~0.55 em). */
export const labelWidth = (text: string, size: number): number => text.length * size * 0.62

interface Rect {
  left: number
  right: number
  top: number
  bottom: number
}

interface LabelPlace {
  x: number
  barTop: number
  bottom: number
  threshold: number
  vertical: boolean
  value: string
}

/** The first obstacle the rectangle meets, if any. */
const hit = (r: Rect, obstacles: readonly Rect[]) => obstacles.find((o) => r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom)

/**
 * A bar's value, placed clear of every obstacle (KL diamonds, error bars, labels already placed; the label joins them):
 * inside a tall bar (white), moved down past what lies on the bar; else above the higher of the bar and the threshold
 * line (which would strike it through), moved up past what lies there. Vertical when bars are narrow.
 */
function valueLabel(p: LabelPlace, obstacles: Rect[]): string {
  const size = p.vertical ? 10 : 11
  const length = p.vertical ? labelWidth(p.value, size) : size * 1.25
  const [left, right] = p.vertical ? [p.x + 4 - size, p.x + 4] : [p.x - labelWidth(p.value, size) / 2, p.x + labelWidth(p.value, size) / 2]
  const at = (top: number): Rect => ({ left, right, top, bottom: top + length })
  let inside = p.bottom - p.barTop > INSIDE_LABEL
  let top = p.barTop + 4
  for (let step = 0; inside && step < 50; step++) {
    const o = hit(at(top), obstacles)
    if (!o) break
    top = o.bottom + 2
  }
  if (inside && top + length + 3 > p.bottom) inside = false
  if (!inside) {
    top = Math.min(p.barTop, p.threshold) - 4 - length
    for (let step = 0; step < 50; step++) {
      const o = hit(at(top), obstacles)
      if (!o) break
      top = o.top - 2 - length
    }
  }
  obstacles.push(at(top))
  const fill = inside ? '#fff' : INK
  const halo = inside ? '' : ` ${HALO}`
  // Horizontal text: baseline at top + size; vertical text (rotated −90°) runs upwards from its start at top + length.
  const text = p.vertical
    ? `<text transform="translate(${px(p.x + 4)} ${px(top + length)}) rotate(-90)" text-anchor="start" font-size="${size}" fill="${fill}"${halo}>${p.value}</text>`
    : `<text x="${px(p.x)}" y="${px(top + size)}" text-anchor="middle" font-size="${size}" fill="${fill}"${halo}>${p.value}</text>`
  return `<g data-mark="value">${text}</g>`
}
