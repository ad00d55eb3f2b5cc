import type { Report } from '../../core/report/index.js'
import { escapeXml, linearScale, niceTicks, tickLabel } from './axis.js'
import { px, svgDocument, ticksAt, titleText, xAxis, yAxis, type Box } from './frame.js'
import { AXIS, divergingColour, EMPTY } from './palette.js'

/** The report's `latentMaps.plane`: ⟨z_i⟩ on a bins × bins grid over the input plane, row-major with y outer. */
export type PlaneMap = NonNullable<Report['latentMaps']['plane']>

/** Data points to overlay, as columns in the plane's units. */
export interface PlanePoints {
  x: ArrayLike<number>
  y: ArrayLike<number>
}

export interface LatentMapsOptions {
  title?: string
  /** Latents to draw (network columns), in order; default all the map holds. */
  latents?: readonly number[]
  /** Panels per row; default up to 3. */
  columns?: number
  /** Side of one panel's plot area in pixels (rounded down to whole cells). Default 220. */
  panelSize?: number
  points?: PlanePoints
  /** Most points drawn per panel (every n-th point, n fixed by the count). Default 2000. */
  maxPoints?: number
}

export type LatentMapOptions = Omit<LatentMapsOptions, 'latents' | 'columns'>

const PANEL = { left: 58, right: 14, top: 26, bottom: 46 }
const MARGIN = { top: 34, right: 78 }
const COLOUR_STEPS = 64

/**
 * ⟨z_i⟩ of one latent over the input plane (the paper's Fig. 3): a heat map on a diverging scale (blue below zero,
 * white at zero, red above) with a colour bar, axes named for the features, grey where no value is defined, and the
 * data points if given.
 */
export function latentMapSvg(plane: PlaneMap, latentIndex: number, options: LatentMapOptions = {}): string {
  return latentMapsSvg(plane, {
    panelSize: 352,
    ...options,
    title: options.title ?? `⟨z${latentIndex}⟩ over (${plane.x}, ${plane.y})`,
    latents: [latentIndex],
    columns: 1,
  })
}

/**
 * The maps of several latents side by side (small multiples) on one shared, symmetric colour scale, so that a latent
 * the decoder ignores shows as white next to the ones it uses.
 *
 * @throws {RangeError} when a requested latent is not in the map
 */
export function latentMapsSvg(plane: PlaneMap, options: LatentMapsOptions = {}): string {
  const wanted = options.latents ?? plane.latents.map((l) => l.latent)
  const maps = wanted.map((latent) => {
    const map = plane.latents.find((l) => l.latent === latent)
    if (!map) throw new RangeError(`latentMapsSvg: latent ${latent} is not in the map (it has ${plane.latents.map((l) => l.latent).join(', ')})`)
    return map
  })
  const columns = Math.max(1, Math.min(options.columns ?? 3, maps.length))
  const rows = Math.max(1, Math.ceil(maps.length / columns))
  const cell = Math.max(1, Math.floor((options.panelSize ?? 220) / plane.bins))
  const side = cell * plane.bins
  const panelWidth = PANEL.left + side + PANEL.right
  const panelHeight = PANEL.top + side + PANEL.bottom
  const width = panelWidth * columns + MARGIN.right
  const height = MARGIN.top + panelHeight * rows

  let limit = 0
  for (const map of maps) for (const v of map.means) if (v !== null) limit = Math.max(limit, Math.abs(v))
  limit = limit > 0 ? limit : 1
  const colour = (v: number) => divergingColour(0.5 + v / (2 * limit))

  const panels = maps.map((map, i) => {
    const left = (i % columns) * panelWidth + PANEL.left
    const top = MARGIN.top + Math.floor(i / columns) * panelHeight + PANEL.top
    const box = { left, top, right: left + side, bottom: top + side }
    return panel(plane, map, box, cell, colour, options, maps.length > 1)
  })
  const barBox = { left: width - MARGIN.right + 14, top: MARGIN.top + PANEL.top, right: width - MARGIN.right + 28, bottom: MARGIN.top + PANEL.top + side }
  const empty = maps.some((map) => map.means.some((v) => v === null))
  return svgDocument(width, height, [
    titleText(options.title ?? `⟨z⟩ over (${plane.x}, ${plane.y})`, width),
    ...panels,
    colourBar(barBox, limit),
    empty &&
      `<g data-mark="empty-key"><rect x="${barBox.left}" y="${barBox.bottom + 14}" width="14" height="10" fill="${EMPTY}" stroke="${AXIS}"/>` +
        `<text x="${barBox.left - 2}" y="${barBox.bottom + 38}" font-size="11">no value</text></g>`,
  ])
}

/** One map: its cells (grey for null), the points, the axes and, among several, the latent's name. */
function panel(
  plane: PlaneMap,
  map: PlaneMap['latents'][number],
  box: Box,
  cell: number,
  colour: (v: number) => string,
  options: LatentMapsOptions,
  named: boolean,
): string {
  const { bins, xRange, yRange } = plane
  let cells = ''
  for (let iy = 0; iy < bins; iy++) {
    for (let ix = 0; ix < bins; ix++) {
      const v = map.means[iy * bins + ix]
      if (v === null || v === undefined) continue
      cells += `<rect x="${box.left + ix * cell}" y="${box.bottom - (iy + 1) * cell}" width="${cell}" height="${cell}" fill="${colour(v)}"/>`
    }
  }
  const sx = linearScale(xRange, [box.left, box.right])
  const sy = linearScale(yRange, [box.bottom, box.top])
  const inRange = (t: number, [a, b]: [number, number]) => t >= Math.min(a, b) && t <= Math.max(a, b)
  const xTicks = niceTicks(xRange[0], xRange[1], 5).filter((t) => inRange(t, xRange))
  const yTicks = niceTicks(yRange[0], yRange[1], 5).filter((t) => inRange(t, yRange))
  return [
    `<rect x="${box.left}" y="${box.top}" width="${box.right - box.left}" height="${box.bottom - box.top}" fill="${EMPTY}"/>`,
    `<g data-mark="cells" data-latent="${map.latent}" shape-rendering="crispEdges">${cells}</g>`,
    options.points ? pointsPath(options.points, box, sx, sy, options.maxPoints ?? 2000) : '',
    `<rect x="${box.left}" y="${box.top}" width="${box.right - box.left}" height="${box.bottom - box.top}" fill="none" stroke="${AXIS}"/>`,
    xAxis(box, ticksAt(xTicks, sx), plane.x),
    yAxis(box, ticksAt(yTicks, sy), plane.y, { grid: false, labelOffset: 42 }),
    named ? `<text data-mark="panel-title" x="${(box.left + box.right) / 2}" y="${box.top - 8}" text-anchor="middle" font-weight="600">${escapeXml(`z${map.latent}`)}</text>` : '',
  ].join('\n')
}

/** Every n-th point (n = ⌈count / maxPoints⌉) inside the box, as round dots in one path. */
function pointsPath(points: PlanePoints, box: Box, sx: (v: number) => number, sy: (v: number) => number, maxPoints: number): string {
  const count = Math.min(points.x.length, points.y.length)
  const stride = Math.max(1, Math.ceil(count / Math.max(1, maxPoints)))
  let d = ''
  for (let i = 0; i < count; i += stride) {
    const [x, y] = [sx(points.x[i]), sy(points.y[i])]
    if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) d += `M${px(x)},${px(y)}h0`
  }
  return `<path data-mark="points" d="${d}" fill="none" stroke="#000" stroke-opacity="0.3" stroke-width="2.5" stroke-linecap="round"/>`
}

/** A vertical colour bar from −limit (bottom) to +limit (top), drawn as bands (no gradient ids to clash in a page). */
function colourBar(box: Box, limit: number): string {
  const step = (box.bottom - box.top) / COLOUR_STEPS
  let bands = ''
  for (let i = 0; i < COLOUR_STEPS; i++) {
    const t = (i + 0.5) / COLOUR_STEPS
    bands += `<rect x="${box.left}" y="${px(box.bottom - (i + 1) * step)}" width="${box.right - box.left}" height="${px(step + 0.5)}" fill="${divergingColour(t)}"/>`
  }
  const sv = linearScale([-limit, limit], [box.bottom, box.top])
  const ticks = niceTicks(-limit, limit, 6).filter((t) => Math.abs(t) <= limit * (1 + 1e-9))
  const labels = ticks
    .map((t) => `<line x1="${box.right}" x2="${box.right + 4}" y1="${px(sv(t))}" y2="${px(sv(t))}" stroke="${AXIS}"/><text x="${box.right + 6}" y="${px(sv(t) + 4)}">${tickLabel(t)}</text>`)
    .join('')
  return (
    `<g data-mark="colour-bar"><g shape-rendering="crispEdges">${bands}</g>` +
    `<rect x="${box.left}" y="${box.top}" width="${box.right - box.left}" height="${box.bottom - box.top}" fill="none" stroke="${AXIS}"/>${labels}` +
    `<text x="${(box.left + box.right) / 2}" y="${box.top - 8}" text-anchor="middle">⟨z⟩</text></g>`
  )
}
