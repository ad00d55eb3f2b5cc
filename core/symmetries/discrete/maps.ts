import type { AffineSpan } from '../constraints/linearConstraints.js'

/** An affine map x ↦ matrix · x + offset on all D features (physical units). */
export interface AffineMap {
  matrix: number[][]
  offset: number[]
}

/** Homogeneous (d + 1)² matrix, row-major: a map on the standardised span coordinates z = (u − μ)/σ. */
export type SpanMap = Float64Array

export const identityMap = (D: number): AffineMap => ({
  matrix: Array.from({ length: D }, (_, r) => Array.from({ length: D }, (_, c) => (r === c ? 1 : 0))),
  offset: new Array<number>(D).fill(0),
})

/** (f ∘ g)(x) = f(g(x)). */
export function compose(f: AffineMap, g: AffineMap): AffineMap {
  const D = f.offset.length
  const matrix: number[][] = []
  const offset: number[] = []
  for (let r = 0; r < D; r++) {
    const row = new Array<number>(D).fill(0)
    const fr = f.matrix[r]
    let b = f.offset[r]
    for (let k = 0; k < D; k++) {
      const v = fr[k]
      if (v === 0) continue
      const gk = g.matrix[k]
      for (let c = 0; c < D; c++) row[c] += v * gk[c]
      b += v * g.offset[k]
    }
    matrix.push(row)
    offset.push(b)
  }
  return { matrix, offset }
}

/** The map on the span: x = x₀ + B u, u' = (M x + b)[free] = L u + c, then in z = (u − μ)/σ. */
export function spanMap(map: AffineMap, span: AffineSpan, shift: readonly number[], scale: readonly number[]): SpanMap {
  const d = span.free.length
  const D = map.offset.length
  const out = new Float64Array((d + 1) * (d + 1))
  for (let a = 0; a < d; a++) {
    const row = map.matrix[span.free[a]]
    const linear = Array.from({ length: d }, (_, k) => {
      let s = 0
      for (let j = 0; j < D; j++) s += row[j] * span.basis[j][k]
      return s
    })
    let c = map.offset[span.free[a]]
    for (let j = 0; j < D; j++) c += row[j] * span.offset[j]
    for (let k = 0; k < d; k++) out[a * (d + 1) + k] = (linear[k] * scale[k]) / scale[a]
    out[a * (d + 1) + d] = (linear.reduce((s, v, k) => s + v * shift[k], 0) + c - shift[a]) / scale[a]
  }
  out[d * (d + 1) + d] = 1
  return out
}

/** The raw map of a map on the physical span coordinates u ↦ L u + c: x ↦ x₀ + B (L x[free] + c). */
export function liftSpanMap(linear: readonly number[][], constant: readonly number[], span: AffineSpan): AffineMap {
  const D = span.offset.length
  const d = span.free.length
  const matrix = Array.from({ length: D }, () => new Array<number>(D).fill(0))
  const offset = span.offset.slice()
  for (let j = 0; j < D; j++) {
    for (let a = 0; a < d; a++) {
      for (let k = 0; k < d; k++) matrix[j][span.free[a]] += span.basis[j][k] * linear[k][a]
      offset[j] += span.basis[j][a] * constant[a]
    }
  }
  return { matrix, offset }
}

export function multiplySpan(a: SpanMap, b: SpanMap): SpanMap {
  const size = Math.round(Math.sqrt(a.length))
  const out = new Float64Array(a.length)
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) {
    let s = 0
    for (let k = 0; k < size; k++) s += a[r * size + k] * b[k * size + c]
    out[r * size + c] = s
  }
  return out
}

/** Frobenius distance between two span maps. */
export function spanDistance(a: SpanMap, b: SpanMap): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2
  return Math.sqrt(s)
}

export function identitySpan(d: number): SpanMap {
  const out = new Float64Array((d + 1) * (d + 1))
  for (let a = 0; a <= d; a++) out[a * (d + 1) + a] = 1
  return out
}
