import type { Report } from '../../core/report/index.js'
import { linearScale, logScale, logTicks, niceDomain, niceTicks } from './axis.js'
import { emptyNote, header, lineSeries, plotBox, px, svgDocument, ticksAt, titleText, xAxis, yAxis, type LineSeries } from './frame.js'
import { AXIS, seriesColour } from './palette.js'

/** The report's `training.history`: one record per epoch. */
export type TrainingHistory = Report['training']['history']

export interface LossCurveOptions {
  title?: string
  width?: number
  height?: number
  /** β of the loss (report.config.beta): the KL term is drawn as β·KL. Without it the raw KL is drawn. */
  beta?: number
  /** Log-scale y. Default: when the values drawn span more than a decade. */
  logY?: boolean
  /** Draw the reconstruction and KL terms as thinner lines. Default true. */
  components?: boolean
  /** Epoch whose weights were kept (report.training.bestEpoch), marked by a vertical dotted line. */
  bestEpoch?: number
}

const MARGIN = { left: 64, right: 20, top: 40, bottom: 50 }
/** Line widths and dashes: the losses bold, their terms thin. */
const LOSS = { width: 2 }
const TERM = { width: 1.5 }

/**
 * Training and validation loss per epoch, and the two terms of the validation loss, reconstruction and β·KL, as
 * thinner dashed lines; on a log scale when they span more than a decade.
 */
export function lossCurveSvg(history: TrainingHistory, options: LossCurveOptions = {}): string {
  const { width = 640, height = 380, components = true, beta } = options
  const title = options.title ?? 'Training'
  if (!history.length) return svgDocument(width, height, [titleText(title, width), emptyNote(plotBox(width, height, MARGIN), 'no epochs recorded')])

  const columns: { label: string; values: number[]; width: number; dash?: string }[] = [
    { label: 'training loss', values: history.map((h) => h.loss), ...LOSS },
    { label: 'validation loss', values: history.map((h) => h.validationLoss), ...LOSS },
  ]
  if (components) {
    const kl = beta === undefined ? 'KL' : `β·KL (β = ${beta})`
    columns.push({ label: 'validation: reconstruction', values: history.map((h) => h.reconstruction), ...TERM, dash: '6 3' })
    columns.push({ label: `validation: ${kl}`, values: history.map((h) => (beta ?? 1) * h.kl), ...TERM, dash: '2 3' })
  }
  const head = header(width, title, columns.map((c, i) => ({ label: c.label, colour: seriesColour(i), kind: 'line', width: c.width, dash: c.dash })))
  const box = plotBox(width, height, { ...MARGIN, top: head.top })
  let [lo, hi] = [Infinity, -Infinity]
  let positive = Infinity
  for (const c of columns) {
    for (const v of c.values) {
      if (!Number.isFinite(v)) continue
      ;[lo, hi] = [Math.min(lo, v), Math.max(hi, v)]
      if (v > 0) positive = Math.min(positive, v)
    }
  }
  const logY = (options.logY ?? hi / positive > 10) && positive < Infinity && hi > positive
  let sy: (v: number) => number
  let yTicks: number[]
  if (logY) {
    const domain: [number, number] = [positive / 1.15, hi * 1.15]
    sy = logScale(domain, [box.bottom, box.top])
    yTicks = logTicks(domain[0], domain[1])
  } else {
    const y = niceDomain(Math.min(0, lo), hi, 5)
    sy = linearScale(y.domain, [box.bottom, box.top])
    yTicks = y.ticks
  }
  const epochs = history.map((h) => h.epoch)
  const [first, last] = [epochs[0], Math.max(epochs[epochs.length - 1], epochs[0] + 1)]
  const sx = linearScale([first, last], [box.left, box.right])
  const xs = epochs.map(sx)
  const series: LineSeries[] = columns.map((c, i) => ({
    label: c.label,
    colour: seriesColour(i),
    xs,
    ys: c.values.map((v) => (logY && !(v > 0) ? null : sy(v))),
    width: c.width,
    dash: c.dash,
    attributes: `data-series="${i}"`,
  }))
  const best = options.bestEpoch
  const bestLine =
    best !== undefined && best >= first && best <= last
      ? `<g data-mark="best"><line x1="${px(sx(best))}" x2="${px(sx(best))}" y1="${box.top}" y2="${box.bottom}" stroke="${AXIS}" stroke-dasharray="2 3"/>` +
        `<text x="${px(sx(best) - 4)}" y="${box.top + 12}" text-anchor="end" font-size="11" fill="${AXIS}">best epoch ${best}</text></g>`
      : ''
  const xTicks = niceTicks(first, last, 8).filter((t) => Number.isInteger(t))
  return svgDocument(width, height, [
    head.svg,
    yAxis(box, ticksAt(yTicks, sy), logY ? 'loss per event (log scale)' : 'loss per event'),
    xAxis(box, ticksAt(xTicks, sx), 'epoch'),
    bestLine,
    ...series.map(lineSeries),
  ])
}
