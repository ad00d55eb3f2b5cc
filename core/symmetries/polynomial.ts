import type { MonomialBasis } from './monomials.js'

/** A polynomial of degree ≤ 2: f(u) = constant + linear·u + uᵀ quadratic u, `quadratic` symmetric (d × d). */
export interface Quadratic {
  constant: number
  linear: number[]
  quadratic: number[][]
}

export function zeroQuadratic(d: number): Quadratic {
  return { constant: 0, linear: new Array(d).fill(0), quadratic: Array.from({ length: d }, () => new Array(d).fill(0)) }
}

/**
 * f in the coordinates z of u = shift + scale ∘ z: Q_z = S Q S, l_z = S (l + 2 Q shift), c_z = c + l·shift +
 * shiftᵀ Q shift. With shift = −μ/s and scale = 1/s it goes back from standardised to physical coordinates.
 */
export function substitute(f: Quadratic, shift: ArrayLike<number>, scale: ArrayLike<number>): Quadratic {
  const d = f.linear.length
  const out = zeroQuadratic(d)
  let constant = f.constant
  for (let a = 0; a < d; a++) {
    let qShift = 0
    for (let b = 0; b < d; b++) {
      out.quadratic[a][b] = f.quadratic[a][b] * scale[a] * scale[b]
      qShift += f.quadratic[a][b] * shift[b]
    }
    out.linear[a] = scale[a] * (f.linear[a] + 2 * qShift)
    constant += shift[a] * (f.linear[a] + qShift)
  }
  out.constant = constant
  return out
}

/** Coefficients of f on a graded monomial basis of degree ≥ 2 (z_a z_b with a < b carries 2 Q_ab). */
export function toMonomials(f: Quadratic, basis: MonomialBasis): Float64Array {
  const d = f.linear.length
  const out = new Float64Array(basis.count)
  const alpha = new Uint8Array(d)
  out[0] = f.constant
  for (let a = 0; a < d; a++) {
    alpha[a] = 1
    out[basis.indexOf(alpha)] = f.linear[a]
    for (let b = a; b < d; b++) {
      alpha[b]++
      out[basis.indexOf(alpha)] = a === b ? f.quadratic[a][a] : 2 * f.quadratic[a][b]
      alpha[b]--
    }
    alpha[a] = 0
  }
  return out
}

/** The polynomial with the given coefficients on the monomials of degree ≤ 2 of a graded basis. */
export function fromMonomials(coefficients: ArrayLike<number>, basis: MonomialBasis): Quadratic {
  const d = basis.variables
  const f = zeroQuadratic(d)
  for (let m = 0; m < basis.count; m++) {
    const alpha = basis.exponents[m]
    const value = coefficients[m]
    if (basis.degrees[m] === 0) f.constant = value
    else if (basis.degrees[m] === 1) f.linear[alpha.indexOf(1)] = value
    else if (basis.degrees[m] === 2) {
      const a = alpha.findIndex((e) => e > 0)
      const b = alpha[a] === 2 ? a : alpha.findIndex((e, i) => i > a && e > 0)
      if (a === b) f.quadratic[a][a] = value
      else f.quadratic[a][b] = f.quadratic[b][a] = value / 2
    }
  }
  return f
}

/** f evaluated at u. */
export function evaluate(f: Quadratic, u: ArrayLike<number>): number {
  const d = f.linear.length
  let sum = f.constant
  for (let a = 0; a < d; a++) {
    let row = f.linear[a]
    const qa = f.quadratic[a]
    row += qa[a] * u[a]
    for (let b = a + 1; b < d; b++) row += 2 * qa[b] * u[b]
    sum += row * u[a]
  }
  return sum
}
