// Whether fields of the standardised span coordinates (θ vectors) are parallel or lie in the span of others: how the
// distribution algebra tells a tested direction from those already kept, at NAME_RANK_TOLERANCE.
import type { Theta } from './fields.js'
import { NAME_RANK_TOLERANCE } from '../tolerances.js'

/** θ scaled to unit length. */
const unit = (theta: Theta) => {
  const size = Math.hypot(...Array.from(theta))
  return Array.from(theta, (v) => v / size)
}
/** Whether x and y are parallel (or antiparallel) within NAME_RANK_TOLERANCE. */
export function parallel(x: Theta, y: Theta): boolean {
  const [a, b] = [unit(x), unit(y)]
  return Math.abs(Math.abs(a.reduce((s, v, i) => s + v * b[i], 0)) - 1) < NAME_RANK_TOLERANCE
}
/** Whether θ lies in the span of `basis` (Gram–Schmidt residual below 10³ × NAME_RANK_TOLERANCE of its size). */
export function inSpan(basis: readonly Theta[], theta: Theta): boolean {
  return nearSpan(basis, theta, 1e3 * NAME_RANK_TOLERANCE)
}

/** Whether θ lies within `tolerance` (relative) of the span of `basis`. */
export function nearSpan(basis: readonly Theta[], theta: Theta, tolerance: number): boolean {
  if (!basis.length) return false
  const residual = unit(theta)
  const orthonormal: number[][] = []
  for (const b of basis) {
    const v = unit(b)
    for (const q of orthonormal) {
      const dot = v.reduce((s, x, i) => s + x * q[i], 0)
      for (let i = 0; i < v.length; i++) v[i] -= dot * q[i]
    }
    const size = Math.hypot(...v)
    if (size > NAME_RANK_TOLERANCE) orthonormal.push(v.map((x) => x / size))
  }
  for (const q of orthonormal) {
    const dot = residual.reduce((s, x, i) => s + x * q[i], 0)
    for (let i = 0; i < residual.length; i++) residual[i] -= dot * q[i]
  }
  return Math.hypot(...residual) < tolerance
}
