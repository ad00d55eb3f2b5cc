import { px } from './frame.js'

/** Half-width of an error bar's caps, in pixels. */
const CAP = 4

/**
 * A vertical error bar from `low` to `high` (pixel y values) at x, with caps, marked `data-mark="error-bar"`; its
 * tooltip says what the interval is.
 */
export function errorBar(x: number, low: number, high: number, colour: string, tooltip: string, attributes = ''): string {
  const [top, bottom] = [Math.min(low, high), Math.max(low, high)]
  return (
    `<g data-mark="error-bar"${attributes ? ` ${attributes}` : ''} stroke="${colour}" stroke-width="1.5"><title>${tooltip}</title>` +
    `<line x1="${px(x)}" x2="${px(x)}" y1="${px(top)}" y2="${px(bottom)}"/>` +
    `<line x1="${px(x - CAP)}" x2="${px(x + CAP)}" y1="${px(top)}" y2="${px(top)}"/>` +
    `<line x1="${px(x - CAP)}" x2="${px(x + CAP)}" y1="${px(bottom)}" y2="${px(bottom)}"/></g>`
  )
}

/**
 * A shaded band between two curves over the same xs (pixels), e.g. the spread across seeds of a scan; points where
 * either side is null split the band. Marked `data-mark="band"`.
 */
export function band(xs: ArrayLike<number>, lows: ArrayLike<number | null>, highs: ArrayLike<number | null>, colour: string, attributes = ''): string {
  const pieces: string[] = []
  let run: number[] = []
  const flush = () => {
    if (run.length) {
      const upper = run.map((i) => `${px(xs[i])},${px(highs[i] as number)}`)
      const lower = [...run].reverse().map((i) => `${px(xs[i])},${px(lows[i] as number)}`)
      pieces.push(`<polygon data-mark="band"${attributes ? ` ${attributes}` : ''} points="${[...upper, ...lower].join(' ')}" fill="${colour}" fill-opacity="0.2" stroke="none"/>`)
    }
    run = []
  }
  for (let i = 0; i < xs.length; i++) {
    if (lows[i] === null || highs[i] === null) flush()
    else run.push(i)
  }
  flush()
  return pieces.join('')
}
