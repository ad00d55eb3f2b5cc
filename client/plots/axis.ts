/** Linear scale from a data interval to a pixel interval. */
export function linearScale(domain: [number, number], range: [number, number]): (value: number) => number {
  const [d0, d1] = domain
  const [r0, r1] = range
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0)
  return (value) => r0 + (value - d0) * k
}

/**
 * About `count` round tick values covering [min, max]: steps of 1, 2 or 5 times a power of ten
 * (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min]
  const raw = (max - min) / Math.max(count, 1)
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power
  const ticks: number[] = []
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t)
  return ticks
}

/** Tick label without float noise: 0.30000000000000004 → "0.3". */
export const tickLabel = (value: number): string => String(Number(value.toPrecision(6)))

/** Escapes text for SVG/XML content and attributes. */
export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)

/** Scale linear in the logarithm of a positive value (any base: the mapping is the same), for log axes. */
export function logScale(domain: [number, number], range: [number, number]): (value: number) => number {
  const scale = linearScale([Math.log10(domain[0]), Math.log10(domain[1])], range)
  return (value) => scale(Math.log10(value))
}

/** Round ticks for a log axis over [min, max] (both > 0): the decades, plus 2× and 5× when fewer than four decades show. */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0 && max > min)) return [min]
  const ticks: number[] = []
  const inside = (t: number) => t >= min * (1 - 1e-9) && t <= max * (1 + 1e-9)
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    const decade = Number((10 ** e).toPrecision(12))
    if (inside(decade)) ticks.push(decade)
  }
  if (ticks.length >= 4) return ticks
  const fine: number[] = []
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (const m of [1, 2, 5]) {
      const t = Number((m * 10 ** e).toPrecision(12))
      if (inside(t)) fine.push(t)
    }
  }
  return fine
}

/** A value for a label: three significant digits, exponent form below 0.001 ("9.52e-4"). */
export function formatNumber(value: number): string {
  const size = Math.abs(value)
  if (size !== 0 && size < 1e-3) return value.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e')
  if (size >= 1000) return String(Math.round(value))
  return String(Number(value.toPrecision(3)))
}

/** A linear domain widened to round steps around [min, max], and its ticks (a flat range is padded first). */
export function niceDomain(min: number, max: number, count = 5): { domain: [number, number]; ticks: number[] } {
  if (!(max > min)) {
    const pad = Math.abs(min) * 0.1 || 1
    ;[min, max] = [min - pad, max + pad]
  }
  const first = niceTicks(min, max, count)
  const step = first.length > 1 ? first[1] - first[0] : max - min
  const lo = Math.floor(min / step + 1e-9) * step
  const hi = Math.ceil(max / step - 1e-9) * step
  return { domain: [lo, hi], ticks: niceTicks(lo, hi, count) }
}
