import { escapeXml, linearScale, niceTicks, tickLabel } from './axis.js'

/** A histogram to draw: bin edges (bins + 1) and counts, plus an optional expected curve in counts per bin. */
export interface HistogramData {
  edges: ArrayLike<number>
  counts: ArrayLike<number>
  /** Expected counts per bin as a function of x (for example N · Δx · density(x)); drawn as a line. */
  expected?: (x: number) => number
}

export interface HistogramOptions {
  title: string
  xLabel: string
  yLabel?: string
  width?: number
  height?: number
  /** Legend text for the bars and the curve. */
  dataLabel?: string
  expectedLabel?: string
}

const MARGIN = { left: 64, right: 16, top: 36, bottom: 48 }
const CURVE_POINTS = 200

/**
 * A histogram as a standalone SVG document: bars as one step path, Poisson error bars (√N), the expected curve,
 * axes with round ticks, and a legend. Computes nothing about the data; it draws what it is given.
 */
export function histogramSvg(data: HistogramData, options: HistogramOptions): string {
  const { width = 640, height = 400, title, xLabel, yLabel = 'events per bin' } = options
  const { edges, counts, expected } = data
  const bins = counts.length
  const x0 = edges[0]
  const x1 = edges[bins]
  let top = 0
  for (let i = 0; i < bins; i++) top = Math.max(top, counts[i] + Math.sqrt(counts[i]))
  if (expected) for (let k = 0; k <= CURVE_POINTS; k++) top = Math.max(top, expected(x0 + ((x1 - x0) * k) / CURVE_POINTS))
  const yTicks = niceTicks(0, top * 1.05, 5)
  const yMax = Math.max(top * 1.05, yTicks[yTicks.length - 1])
  const sx = linearScale([x0, x1], [MARGIN.left, width - MARGIN.right])
  const sy = linearScale([0, yMax], [height - MARGIN.bottom, MARGIN.top])
  const f = (v: number) => v.toFixed(1)

  let bars = `M${f(sx(x0))},${f(sy(0))}`
  let errors = ''
  for (let i = 0; i < bins; i++) {
    bars += `V${f(sy(counts[i]))}H${f(sx(edges[i + 1]))}`
    const xm = sx(0.5 * (edges[i] + edges[i + 1]))
    const err = Math.sqrt(counts[i])
    errors += `M${f(xm)},${f(sy(counts[i] - err))}V${f(sy(counts[i] + err))}`
  }
  bars += `V${f(sy(0))}Z`
  let curve = ''
  if (expected) {
    for (let k = 0; k <= CURVE_POINTS; k++) {
      const x = x0 + ((x1 - x0) * k) / CURVE_POINTS
      curve += `${k ? 'L' : 'M'}${f(sx(x))},${f(sy(expected(x)))}`
    }
  }
  const xTicks = niceTicks(x0, x1, 8)
  const axisY = height - MARGIN.bottom
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="600">${escapeXml(title)}</text>`,
    ...yTicks.map(
      (t) =>
        `<line x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${f(sy(t))}" y2="${f(sy(t))}" stroke="#e5e7eb"/>` +
        `<text x="${MARGIN.left - 6}" y="${f(sy(t) + 4)}" text-anchor="end">${tickLabel(t)}</text>`,
    ),
    ...xTicks.map(
      (t) =>
        `<line x1="${f(sx(t))}" x2="${f(sx(t))}" y1="${axisY}" y2="${axisY + 5}" stroke="#374151"/>` +
        `<text x="${f(sx(t))}" y="${axisY + 18}" text-anchor="middle">${tickLabel(t)}</text>`,
    ),
    `<path data-mark="bars" d="${bars}" fill="#bfdbfe" stroke="#1d4ed8" stroke-width="1"/>`,
    `<path data-mark="errors" d="${errors}" stroke="#1e3a8a" stroke-width="1"/>`,
    expected ? `<path data-mark="expected" d="${curve}" fill="none" stroke="#dc2626" stroke-width="2"/>` : '',
    `<line x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${axisY}" y2="${axisY}" stroke="#374151"/>`,
    `<text x="${(MARGIN.left + width - MARGIN.right) / 2}" y="${height - 10}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
    `<text transform="translate(16 ${(MARGIN.top + axisY) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`,
    legend(width, options, Boolean(expected)),
    '</svg>',
  ]
  return `${parts.filter(Boolean).join('\n')}\n`
}

function legend(width: number, options: HistogramOptions, withCurve: boolean): string {
  const longest = Math.max((options.dataLabel ?? 'events').length, withCurve ? (options.expectedLabel ?? 'expected').length : 0)
  const x = width - MARGIN.right - 30 - longest * 6.5 // about 6.5 px per character at 12 px
  const y = MARGIN.top + 8
  const rows = [`<rect x="${x}" y="${y}" width="14" height="10" fill="#bfdbfe" stroke="#1d4ed8"/><text x="${x + 20}" y="${y + 9}">${escapeXml(options.dataLabel ?? 'events')}</text>`]
  if (withCurve) {
    rows.push(
      `<line x1="${x}" x2="${x + 14}" y1="${y + 23}" y2="${y + 23}" stroke="#dc2626" stroke-width="2"/><text x="${x + 20}" y="${y + 27}">${escapeXml(options.expectedLabel ?? 'expected')}</text>`,
    )
  }
  return `<g data-mark="legend">${rows.join('')}</g>`
}
