import { MAX_TEST_MONOMIALS } from '../tolerances.js'

/**
 * Monomials z^α = Π_a z_a^{α_a} of degree 0 … `degree` in `variables` variables, in graded lexicographic order:
 * 1, z1, …, zd, z1², z1z2, …, zd², z1³, … Each monomial of degree k ≥ 1 is its parent (one factor fewer, the
 * largest variable removed) times one variable, so a kernel fills all of them with one multiplication each, parents
 * first. There are C(d + degree, degree) of them (495 for d = 8 up to degree 4).
 */
export interface MonomialBasis {
  readonly variables: number
  readonly degree: number
  readonly count: number
  /** Exponent vector α of each monomial (length `variables`). */
  readonly exponents: readonly Uint8Array[]
  /** Total degree |α| of each monomial. */
  readonly degrees: Uint8Array
  /** Index of the parent monomial (−1 for the constant 1). */
  readonly parents: Int32Array
  /** The variable multiplied into the parent (−1 for the constant 1). */
  readonly factors: Int32Array
  /** Index of the monomial with exponents α, or −1 when its degree exceeds the basis. */
  indexOf(exponents: ArrayLike<number>): number
}

const cache = new Map<string, MonomialBasis>()

/** The graded basis of monomials up to `degree` in `variables` variables (cached: bases are immutable). */
export function monomialBasis(variables: number, degree: number): MonomialBasis {
  const cacheKey = `${variables}:${degree}`
  const cached = cache.get(cacheKey)
  if (cached) return cached
  const base = degree + 1
  const key = (alpha: ArrayLike<number>) => {
    let k = 0
    for (let a = alpha.length - 1; a >= 0; a--) k = k * base + alpha[a]
    return k
  }
  const exponents: Uint8Array[] = [new Uint8Array(variables)]
  const parents = [-1]
  const factors = [-1]
  const last = [-1] // largest variable with a nonzero exponent
  let start = 0
  for (let k = 1; k <= degree; k++) {
    const end = exponents.length
    for (let m = start; m < end; m++) {
      for (let a = Math.max(last[m], 0); a < variables; a++) {
        const alpha = exponents[m].slice()
        alpha[a]++
        exponents.push(alpha)
        parents.push(m)
        factors.push(a)
        last.push(a)
      }
    }
    start = end
  }
  const index = new Map<number, number>()
  exponents.forEach((alpha, m) => index.set(key(alpha), m))
  const basis: MonomialBasis = {
    variables,
    degree,
    count: exponents.length,
    exponents,
    degrees: Uint8Array.from(exponents, (alpha) => alpha.reduce((s, e) => s + e, 0)),
    parents: Int32Array.from(parents),
    factors: Int32Array.from(factors),
    indexOf(alpha) {
      let total = 0
      for (let a = 0; a < alpha.length; a++) total += alpha[a]
      return total > degree ? -1 : (index.get(key(alpha)) ?? -1)
    },
  }
  cache.set(cacheKey, basis)
  return basis
}

/** Index of the product of monomials `i` and `j` of `basis` in `target` (which must hold the summed degree). */
export function productIndex(basis: MonomialBasis, i: number, j: number, target: MonomialBasis = basis): number {
  const alpha = basis.exponents[i].slice()
  const beta = basis.exponents[j]
  for (let a = 0; a < alpha.length; a++) alpha[a] += beta[a]
  return target.indexOf(alpha)
}

/**
 * The highest degree ≤ 4 whose monomials (degree 1 … k in d variables, C(d + k, k) − 1 of them) number at most
 * MAX_TEST_MONOMIALS, and at least 2: 4 for d ≤ 4 (14, 34, 69), 3 for d = 5 (55), 2 beyond (27 for d = 6, 44 for 8).
 */
export function testDegree(d: number): number {
  for (let k = 4; k > 2; k--) if (monomialCount(d, k) - 1 <= MAX_TEST_MONOMIALS) return k
  return 2
}

/** C(d + k, k): the monomials of degree ≤ k in d variables. */
export function monomialCount(d: number, k: number): number {
  let c = 1
  for (let i = 1; i <= k; i++) c = (c * (d + i)) / i
  return Math.round(c)
}
