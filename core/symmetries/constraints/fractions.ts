import { MAX_DENOMINATOR } from '../tolerances.js'

/**
 * The simple fraction p/q (q ≤ MAX_DENOMINATOR, smallest q first) nearest to `value` when it lies within
 * `tolerance · |value|`, else `value` unchanged. Rounds the 0.99999999 of a computed basis back to the 1 it means.
 *
 * @example snapFraction(0.4999999999, 1e-6) // 0.5
 */
export function snapFraction(value: number, tolerance: number): number {
  if (value === 0) return 0
  for (let q = 1; q <= MAX_DENOMINATOR; q++) {
    const p = Math.round(value * q)
    if (p !== 0 && Math.abs(value - p / q) <= tolerance * Math.abs(value)) return p / q
  }
  return value
}

/**
 * A number for a formula: an integer or short decimal as it is (5, −0.5), else `digits` significant digits with
 * trailing zeros dropped (0.0111637).
 */
export function formatCoefficient(value: number, digits = 6): string {
  if (value === 0) return '0'
  const text = Number(value.toPrecision(digits)).toString()
  return text.replace('-', '−')
}
