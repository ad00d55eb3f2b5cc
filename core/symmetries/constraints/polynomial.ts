import { productIndex, type MonomialBasis } from './monomials.js'

/**
 * Polynomials as dense coefficient vectors on a graded monomial basis (monomials.ts): p(z) = Σ_m c_m z^α(m), index 0
 * the constant. Degree ≤ basis.degree; products that would exceed it are an error of the caller (checked).
 */
export type Polynomial = Float64Array

/** p · q on `basis` (their degrees must add up to at most basis.degree). */
export function multiply(p: Polynomial, q: Polynomial, basis: MonomialBasis): Polynomial {
  const out = new Float64Array(basis.count)
  for (let i = 0; i < basis.count; i++) {
    if (p[i] === 0) continue
    for (let j = 0; j < basis.count; j++) {
      if (q[j] === 0) continue
      const k = productIndex(basis, i, j)
      if (k < 0) throw new RangeError(`polynomial product of degree ${basis.degrees[i] + basis.degrees[j]} exceeds the basis (${basis.degree})`)
      out[k] += p[i] * q[j]
    }
  }
  return out
}

/** ∂p/∂z_a. */
export function derivative(p: Polynomial, a: number, basis: MonomialBasis): Polynomial {
  const out = new Float64Array(basis.count)
  for (let m = 0; m < basis.count; m++) {
    const e = basis.exponents[m][a]
    if (!e || p[m] === 0) continue
    const lower = basis.exponents[m].slice()
    lower[a]--
    out[basis.indexOf(lower)] += e * p[m]
  }
  return out
}

/** The monomial z^α(m) alone. */
export function monomial(m: number, basis: MonomialBasis): Polynomial {
  const out = new Float64Array(basis.count)
  out[m] = 1
  return out
}

/**
 * p in other coordinates: z_a = scale_a · u_a + shift_a, expanded monomial by monomial (each a product of linear
 * factors). With scale = 1/σ and shift = −μ/σ this takes a polynomial in standardised coordinates to physical ones;
 * with scale = σ and shift = μ back.
 */
export function substitute(p: Polynomial, basis: MonomialBasis, shift: readonly number[], scale: readonly number[]): Polynomial {
  const d = basis.variables
  const linear = Array.from({ length: d }, (_, a) => {
    const f = new Float64Array(basis.count)
    f[0] = shift[a]
    f[1 + a] = scale[a]
    return f
  })
  // Each monomial's image is its parent's image times one linear factor (the basis is built that way).
  const images: Polynomial[] = [monomial(0, basis)]
  const out = new Float64Array(basis.count)
  out[0] = p[0]
  for (let m = 1; m < basis.count; m++) {
    images[m] = multiply(images[basis.parents[m]], linear[basis.factors[m]], basis)
    if (p[m] !== 0) for (let k = 0; k < basis.count; k++) out[k] += p[m] * images[m][k]
  }
  return out
}

/** Every monomial of `basis` at one point, parents first (one multiplication each). */
export function monomialValues(point: ArrayLike<number>, basis: MonomialBasis, out: Float64Array = new Float64Array(basis.count)): Float64Array {
  out[0] = 1
  for (let m = 1; m < basis.count; m++) out[m] = out[basis.parents[m]] * point[basis.factors[m]]
  return out
}

/** The highest degree with a nonzero coefficient (relative to the largest, 1e-12), 0 for a constant. */
export function degreeOf(p: Polynomial, basis: MonomialBasis): number {
  const largest = Math.max(0, ...Array.from(p, Math.abs))
  let degree = 0
  for (let m = 0; m < basis.count; m++) if (Math.abs(p[m]) > 1e-12 * largest) degree = Math.max(degree, basis.degrees[m])
  return degree
}
