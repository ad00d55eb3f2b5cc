/**
 * Colours of the plots. Series take the Okabe–Ito palette, safe for the common colour-vision deficiencies (M. Okabe
 * and K. Ito, "Color Universal Design", 2008), in an order that keeps the weak yellow last; heat maps take ColorBrewer's
 * diverging RdBu (C. Brewer, colorbrewer2.org), blue below zero, white at zero, red above.
 */

export const SERIES = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const

/** The colour of series `i`, cycling through the palette. */
export const seriesColour = (i: number): string => SERIES[i % SERIES.length]

/** Ink for text, axes, grid lines, muted series (an irrelevant latent) and heat-map cells without a value (a grey no RdBu class comes near). */
export const INK = '#111827'
export const AXIS = '#374151'
export const GRID = '#e5e7eb'
export const MUTED = '#a3a3a3'
export const EMPTY = '#b0b0b0'

/** ColorBrewer RdBu, 11 classes, from the most negative (dark blue) to the most positive (dark red). */
const DIVERGING = [
  [5, 48, 97], [33, 102, 172], [67, 147, 195], [146, 197, 222], [209, 229, 240], [247, 247, 247],
  [253, 219, 199], [244, 165, 130], [214, 96, 77], [178, 24, 43], [103, 0, 31],
] as const

const hex = (channel: number) => Math.round(channel).toString(16).padStart(2, '0')

/** Diverging colour of `t` in [0, 1] (0.5 is white), interpolated linearly between the RdBu classes; clamped. */
export function divergingColour(t: number): string {
  const position = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0.5)) * (DIVERGING.length - 1)
  const i = Math.min(DIVERGING.length - 2, Math.floor(position))
  const f = position - i
  const [a, b] = [DIVERGING[i], DIVERGING[i + 1]]
  return `#${hex(a[0] + (b[0] - a[0]) * f)}${hex(a[1] + (b[1] - a[1]) * f)}${hex(a[2] + (b[2] - a[2]) * f)}`
}
