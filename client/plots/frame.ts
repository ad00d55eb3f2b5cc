import { escapeXml, tickLabel } from './axis.js'
import { AXIS, GRID, INK } from './palette.js'

/**
 * Pieces every plot shares: the SVG document, the title, axes with ticks and grid lines, legends and line paths.
 * Each returns an SVG fragment as a string; positions are pixels.
 */

/** The plot area in pixels. */
export interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

/** One tick: its pixel position along the axis and its label. */
export interface Tick {
  at: number
  label: string
}

/** One legend row: a line (optionally dashed), a filled swatch, a round marker or a hollow diamond. */
export interface LegendItem {
  label: string
  colour: string
  kind: 'line' | 'swatch' | 'marker' | 'diamond'
  dash?: string
  width?: number
}

/** A pixel coordinate with one decimal. */
export const px = (value: number): string => value.toFixed(1)

/** Text with a white halo, readable over bars and lines. */
export const HALO = 'paint-order="stroke" stroke="#fff" stroke-width="3" stroke-linejoin="round"'

/** The plot area inside a width × height document with the given margins. */
export const plotBox = (width: number, height: number, margin: { left: number; right: number; top: number; bottom: number }): Box => ({
  left: margin.left,
  top: margin.top,
  right: width - margin.right,
  bottom: height - margin.bottom,
})

/** A standalone SVG document: white background, system font, the given parts in order (falsy parts skipped). */
export function svgDocument(width: number, height: number, parts: (string | false | null | undefined)[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12" fill="${INK}">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    ...parts.filter(Boolean),
    '</svg>\n',
  ].join('\n')
}

/** Widest a bold title character is reckoned (em): the fit below errs on the wide side. */
const TITLE_EM = 0.62
/** The title's font size, and the smallest it shrinks to before it is shortened with an ellipsis. */
const TITLE_SIZE = 14
const TITLE_MIN_SIZE = 11

/**
 * The document's title, centred at the top and never clipped: a long title (a file name in it, a narrow phone figure)
 * is set smaller, down to 11 px, then shortened with "…"; the full title stays in its tooltip.
 */
export function titleText(text: string, width: number): string {
  const room = width - 16
  let size = Math.min(TITLE_SIZE, room / (text.length * TITLE_EM))
  let shown = text
  if (size < TITLE_MIN_SIZE) {
    size = TITLE_MIN_SIZE
    shown = `${text.slice(0, Math.max(1, Math.floor(room / (size * TITLE_EM)) - 1)).trimEnd()}…`
  }
  return (
    `<text data-mark="title" x="${px(width / 2)}" y="22" text-anchor="middle" font-size="${Math.floor(size * 10) / 10}" font-weight="600">` +
    `${shown === text ? '' : `<title>${escapeXml(text)}</title>`}${escapeXml(shown)}</text>`
  )
}

/** The width a title takes as drawn by titleText (for tests and layout). */
export const titleWidth = (svg: string): number => {
  const m = /<text data-mark="title"[^>]*font-size="([^"]+)"[^>]*>(?:<title>[^<]*<\/title>)?([^<]*)<\/text>/.exec(svg)
  return m ? Number(m[1]) * TITLE_EM * m[2].replace(/&[a-z]+;/g, '&').length : 0
}

/** Ticks at the given values through a scale, labelled with `label` (round numbers by default). */
export const ticksAt = (values: readonly number[], scale: (v: number) => number, label: (v: number) => string = tickLabel): Tick[] =>
  values.map((v) => ({ at: scale(v), label: label(v) }))

/** The x axis along the bottom of `box`: baseline, tick marks and labels, and the axis label below them. */
export function xAxis(box: Box, ticks: Tick[], label?: string, options: { grid?: boolean } = {}): string {
  const y = box.bottom
  const parts = ticks.map(
    (t) =>
      (options.grid ? `<line x1="${px(t.at)}" x2="${px(t.at)}" y1="${box.top}" y2="${y}" stroke="${GRID}"/>` : '') +
      `<line x1="${px(t.at)}" x2="${px(t.at)}" y1="${y}" y2="${y + 5}" stroke="${AXIS}"/>` +
      `<text x="${px(t.at)}" y="${y + 18}" text-anchor="middle">${escapeXml(t.label)}</text>`,
  )
  parts.push(`<line x1="${box.left}" x2="${box.right}" y1="${y}" y2="${y}" stroke="${AXIS}"/>`)
  if (label) parts.push(`<text x="${px((box.left + box.right) / 2)}" y="${y + 36}" text-anchor="middle">${escapeXml(label)}</text>`)
  return `<g data-mark="x-axis">${parts.join('')}</g>`
}

/** The y axis along the left of `box`: grid lines across the plot (unless grid is false), labels, and the axis label. */
export function yAxis(box: Box, ticks: Tick[], label?: string, options: { grid?: boolean; labelOffset?: number } = {}): string {
  const { grid = true, labelOffset = 44 } = options
  const parts = ticks.map(
    (t) =>
      (grid ? `<line x1="${box.left}" x2="${box.right}" y1="${px(t.at)}" y2="${px(t.at)}" stroke="${GRID}"/>` : '') +
      `<line x1="${box.left - 5}" x2="${box.left}" y1="${px(t.at)}" y2="${px(t.at)}" stroke="${AXIS}"/>` +
      `<text x="${box.left - 8}" y="${px(t.at + 4)}" text-anchor="end">${escapeXml(t.label)}</text>`,
  )
  parts.push(`<line x1="${box.left}" x2="${box.left}" y1="${box.top}" y2="${box.bottom}" stroke="${AXIS}"/>`)
  if (label) {
    parts.push(`<text transform="translate(${px(box.left - labelOffset)} ${px((box.top + box.bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(label)}</text>`)
  }
  return `<g data-mark="y-axis">${parts.join('')}</g>`
}

/** Width in pixels a label of `text` takes at 12 px, roughly (for placing legends and labels). */
export const textWidth = (text: string, fontSize = 12): number => text.length * fontSize * 0.6

/** Height of one legend row in pixels. */
const ROW = 18

/** The key of one legend item, at left edge `x` and centre line `y`. */
function legendKey(item: LegendItem, x: number, y: number): string {
  const key =
    item.kind === 'swatch'
      ? `<rect x="${px(x + 6)}" y="${px(y - 5)}" width="16" height="10" fill="${item.colour}"/>`
      : item.kind === 'marker'
        ? `<circle cx="${px(x + 14)}" cy="${px(y)}" r="3.5" fill="${item.colour}"/>`
        : item.kind === 'diamond'
          ? diamond(x + 14, y, item.colour)
          : `<line x1="${px(x + 4)}" x2="${px(x + 24)}" y1="${px(y)}" y2="${px(y)}" stroke="${item.colour}" stroke-width="${item.width ?? 2}"${item.dash ? ` stroke-dasharray="${item.dash}"` : ''}/>`
  return `${key}<text x="${px(x + 30)}" y="${px(y + 4)}">${escapeXml(item.label)}</text>`
}

const itemWidth = (item: LegendItem) => 40 + textWidth(item.label)

/** A legend in a column on a white box; `x`, `y` is its top-left corner, or its top-right with `anchor: 'end'`. */
export function legend(x: number, y: number, items: LegendItem[], options: { anchor?: 'start' | 'end' } = {}): string {
  if (!items.length) return ''
  const width = Math.max(...items.map(itemWidth)) - 6
  const left = options.anchor === 'end' ? x - width : x
  const frame = `<rect x="${px(left)}" y="${px(y)}" width="${px(width)}" height="${items.length * ROW + 6}" fill="#fff" fill-opacity="0.85" stroke="${GRID}"/>`
  return `<g data-mark="legend">${frame}${items.map((item, i) => legendKey(item, left, y + 12 + i * ROW)).join('')}</g>`
}

/**
 * A legend as centred lines of items (under a title), wrapped to `maxWidth`; `y` is the top of the first line.
 * Returns the SVG and the height it takes.
 */
export function legendRows(centre: number, y: number, items: LegendItem[], maxWidth: number): { svg: string; height: number } {
  const lines: LegendItem[][] = []
  let used = Infinity
  for (const item of items) {
    if (used + itemWidth(item) > maxWidth) {
      lines.push([])
      used = 0
    }
    lines[lines.length - 1].push(item)
    used += itemWidth(item)
  }
  let svg = ''
  lines.forEach((line, row) => {
    let x = centre - line.reduce((sum, item) => sum + itemWidth(item), 0) / 2
    for (const item of line) {
      svg += legendKey(item, x, y + 10 + row * ROW)
      x += itemWidth(item)
    }
  })
  return { svg: `<g data-mark="legend">${svg}</g>`, height: lines.length * ROW }
}

/** The title and, under it, the legend in centred rows; `top` is where the plot area may begin. */
export function header(width: number, title: string, items: LegendItem[]): { svg: string; top: number } {
  const rows = legendRows(width / 2, 32, items, width - 24)
  return { svg: titleText(title, width) + rows.svg, top: 32 + rows.height + 14 }
}

/**
 * Path data through pixel points, broken where a value is null or not finite: each run of valid points is one
 * subpath ("M…L…"); a lone point is a zero-length subpath ("M…h0") that a round line cap draws as a dot.
 */
export function linePath(xs: ArrayLike<number>, ys: ArrayLike<number | null>): string {
  let d = ''
  let run = 0
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i]
    if (y === null || !Number.isFinite(y) || !Number.isFinite(xs[i])) {
      if (run === 1) d += 'h0'
      run = 0
      continue
    }
    d += `${run ? 'L' : 'M'}${px(xs[i])},${px(y)}`
    run++
  }
  if (run === 1) d += 'h0'
  return d
}

/** A hollow diamond marker centred at (x, y). */
export const diamond = (x: number, y: number, colour: string, attributes = ''): string =>
  `<path${attributes ? ` ${attributes}` : ''} d="M${px(x)},${px(y - 5)}l5,5l-5,5l-5,-5z" fill="#fff" stroke="${colour}" stroke-width="1.5"/>`

/** Circle markers at pixel points (null or non-finite skipped), each with an optional tooltip. */
export function markers(xs: ArrayLike<number>, ys: ArrayLike<number | null>, colour: string, options: { radius?: number; titles?: string[] } = {}): string {
  const { radius = 3, titles } = options
  let out = ''
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i]
    if (y === null || !Number.isFinite(y)) continue
    const tip = titles ? `<title>${escapeXml(titles[i])}</title>` : ''
    out += `<circle cx="${px(xs[i])}" cy="${px(y)}" r="${radius}" fill="${colour}" stroke="#fff" stroke-width="1">${tip}</circle>`
  }
  return out
}

/** A horizontal reference line across `box` at pixel `y`, labelled at its right end (above the line). */
export function referenceLine(box: Box, y: number, label: string, mark: string, colour: string, dash = '6 4'): string {
  return (
    `<line data-mark="${mark}" x1="${box.left}" x2="${box.right}" y1="${px(y)}" y2="${px(y)}" stroke="${colour}" stroke-width="1.5" stroke-dasharray="${dash}"/>` +
    `<text x="${box.right - 4}" y="${px(y - 5)}" text-anchor="end" font-size="11" fill="${colour}" ${HALO}>${escapeXml(label)}</text>`
  )
}

/** A centred note in an empty plot area ("no data"). */
export const emptyNote = (box: Box, text: string): string =>
  `<text data-mark="empty" x="${px((box.left + box.right) / 2)}" y="${px((box.top + box.bottom) / 2)}" text-anchor="middle" fill="${AXIS}">${escapeXml(text)}</text>`

/** One line of a line plot, in pixel coordinates; a null y breaks the line. */
export interface LineSeries {
  label: string
  colour: string
  xs: ArrayLike<number>
  ys: ArrayLike<number | null>
  width?: number
  dash?: string
  /** Draw a circle at each point (with `titles` as tooltips). */
  markers?: boolean
  titles?: string[]
  /** Extra attributes on the line and its markers, e.g. `data-latent="3"`. */
  attributes?: string
}

/** A series as its line path (`data-mark="line"`) and, if asked, its markers (`data-mark="points"`). */
export function lineSeries(s: LineSeries): string {
  const extra = s.attributes ? ` ${s.attributes}` : ''
  const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : ''
  const line = `<path data-mark="line"${extra} d="${linePath(s.xs, s.ys)}" fill="none" stroke="${s.colour}" stroke-width="${s.width ?? 2}"${dash} stroke-linejoin="round" stroke-linecap="round"/>`
  return s.markers ? `${line}<g data-mark="points"${extra}>${markers(s.xs, s.ys, s.colour, { titles: s.titles })}</g>` : line
}

/** The legend row of a series. */
export const legendItemOf = (s: LineSeries): LegendItem => ({ label: s.label, colour: s.colour, kind: 'line', dash: s.dash, width: s.width })
