// Names of algebras of affine fields from structure constants, the Killing form and the matrices (issue 9, item 6),
// on bases written down by hand and then mixed by a fixed invertible matrix: a name must not depend on the basis.
import { describe, expect, it } from 'vitest'
import { algebraName } from '../../../core/symmetries/tangentFields/algebraName.js'

/** θ = (A, b) flattened, for a d-dimensional field with entries A[a][c] and offset b. */
function field(d: number, entries: [number, number, number][], offset: number[] = new Array(d).fill(0)): Float64Array {
  const theta = new Float64Array(d * d + d)
  for (const [a, c, v] of entries) theta[a * d + c] += v
  offset.forEach((b, a) => (theta[d * d + a] = b))
  return theta
}
/** Rotation in the (i, j) plane (δx_j = x_i, δx_i = −x_j) and boost (δx_j = x_i, δx_i = x_j). */
const rotation = (d: number, i: number, j: number) => field(d, [[j, i, 1], [i, j, -1]])
const boost = (d: number, i: number, j: number) => field(d, [[j, i, 1], [i, j, 1]])
const translation = (d: number, i: number) => field(d, [], Array.from({ length: d }, (_, a) => (a === i ? 1 : 0)))
const pairs = (indices: number[]) => indices.flatMap((i, k) => indices.slice(k + 1).map((j) => [i, j] as const))

/** The same space in another basis: row r of the result is Σ_s M_rs X_s with a fixed, well-conditioned M. */
function mixed(basis: Float64Array[]): Float64Array[] {
  const m = basis.length
  return basis.map((_, r) => {
    const out = new Float64Array(basis[0].length)
    for (let s = 0; s < m; s++) {
      const weight = r === s ? 2 : Math.sin(1 + 3 * r + 7 * s) / m
      for (let k = 0; k < out.length; k++) out[k] += weight * basis[s][k]
    }
    return out
  })
}

const names = (basis: Float64Array[], d: number) => [algebraName(basis, d), algebraName(mixed(basis), d)]

describe('algebraName', () => {
  it('so(4) ≅ so(3) ⊕ so(3): the rotations of ℝ⁴ (the symmetries of S³)', () => {
    const so4 = pairs([0, 1, 2, 3]).map(([i, j]) => rotation(4, i, j))
    expect(names(so4, 4)).toEqual(['so(4) ≅ so(3) ⊕ so(3)', 'so(4) ≅ so(3) ⊕ so(3)'])
  })

  it('so(3) ⊕ so(3): independent rotations of two 3-vectors (S² × S²), split into simple ideals in any basis', () => {
    const basis = [...pairs([0, 1, 2]), ...pairs([3, 4, 5])].map(([i, j]) => rotation(6, i, j))
    expect(names(basis, 6)).toEqual(['so(3) ⊕ so(3)', 'so(3) ⊕ so(3)'])
  })

  it('so(3,1): rotations of (x, y, z) and boosts mixing t with each, on (t, x, y, z)', () => {
    const basis = [...pairs([1, 2, 3]).map(([i, j]) => rotation(4, i, j)), ...[1, 2, 3].map((i) => boost(4, 0, i))]
    expect(names(basis, 4)).toEqual(['so(3,1)', 'so(3,1)'])
    // Two particles' Lorentz groups (the CMS muons): each ideal is so(3,1) on its own four features.
    const two = [...basis.map((t) => embed(t, 4, 8, 0)), ...basis.map((t) => embed(t, 4, 8, 4))]
    expect(names(two, 8)).toEqual(['so(3,1) ⊕ so(3,1)', 'so(3,1) ⊕ so(3,1)'])
  })

  it('semidirect products with translations: e(2), e(3), the Poincaré algebra, similitudes', () => {
    const e3 = [...pairs([0, 1, 2]).map(([i, j]) => rotation(3, i, j)), ...[0, 1, 2].map((i) => translation(3, i))]
    expect(names(e3, 3)).toEqual(['e(3) = so(3) ⋉ ℝ³', 'e(3) = so(3) ⋉ ℝ³'])
    const lorentz = [...pairs([1, 2, 3]).map(([i, j]) => rotation(4, i, j)), ...[1, 2, 3].map((i) => boost(4, 0, i))]
    const poincare = [...lorentz, ...[0, 1, 2, 3].map((i) => translation(4, i))]
    expect(names(poincare, 4)).toEqual(['iso(3,1) = so(3,1) ⋉ ℝ⁴ (Poincaré)', 'iso(3,1) = so(3,1) ⋉ ℝ⁴ (Poincaré)'])
    // Rotation about a point away from the origin is still e(2) with the translations.
    const offCentre = field(2, [[1, 0, 1], [0, 1, -1]], [3, -2])
    expect(names([offCentre, translation(2, 0), translation(2, 1)], 2)).toEqual(['e(2) = so(2) ⋉ ℝ²', 'e(2) = so(2) ⋉ ℝ²'])
    // Rotation and dilatation of the plane with its translations: the similitudes.
    const dilatation = field(2, [[0, 0, 1], [1, 1, 1]])
    expect(algebraName([rotation(2, 0, 1), dilatation, translation(2, 0), translation(2, 1)], 2)).toBe('(so(2) ⊕ ℝ (dilatation)) ⋉ ℝ²')
    // A rotation of (x1, x2) and a translation along x3 commute: a direct sum.
    expect(algebraName([rotation(3, 0, 1), translation(3, 2)], 3)).toBe('so(2) ⊕ ℝ (translations)')
  })

  it('sl(2,ℝ) on the plane, so(2,1) on ℝ³, su(2) acting on ℂ² = ℝ⁴, so(2,2)', () => {
    // sl(2,ℝ): the traceless 2 × 2 matrices.
    const sl2 = [field(2, [[0, 1, 1]]), field(2, [[1, 0, 1]]), field(2, [[0, 0, 1], [1, 1, -1]])]
    expect(names(sl2, 2)).toEqual(['sl(2,ℝ) ≅ so(2,1)', 'sl(2,ℝ) ≅ so(2,1)'])
    const so21 = [rotation(3, 1, 2), boost(3, 0, 1), boost(3, 0, 2)]
    expect(names(so21, 3)).toEqual(['so(2,1)', 'so(2,1)'])
    // su(2) as left multiplication by the unit quaternions i, j, k on ℝ⁴: compact, simple, not so(3) of a 3-space.
    const i = field(4, [[1, 0, 1], [0, 1, -1], [3, 2, 1], [2, 3, -1]])
    const j = field(4, [[2, 0, 1], [3, 1, -1], [0, 2, -1], [1, 3, 1]])
    const k = field(4, [[3, 0, 1], [2, 1, 1], [1, 2, -1], [0, 3, -1]])
    expect(names([i, j, k], 4)).toEqual(['su(2) ≅ so(3)', 'su(2) ≅ so(3)'])
    const so22 = [rotation(4, 0, 1), rotation(4, 2, 3), ...[0, 1].flatMap((a) => [2, 3].map((b) => boost(4, a, b)))]
    expect(names(so22, 4)).toEqual(['so(2,2) ≅ sl(2,ℝ) ⊕ sl(2,ℝ)', 'so(2,2) ≅ sl(2,ℝ) ⊕ sl(2,ℝ)'])
  })

  it('one-dimensional algebras by the spectrum of A, and a solvable one said as such', () => {
    // y = x³ is invariant under x∂x + 3y∂y: a scaling, not a dilatation.
    expect(algebraName([field(2, [[0, 0, 1], [1, 1, 3]])], 2)).toBe('ℝ (scaling)')
    expect(algebraName([field(2, [[0, 0, 1], [1, 1, 1]])], 2)).toBe('ℝ (dilatation)')
    expect(algebraName([boost(2, 0, 1)], 2)).toBe('so(1,1)')
    // x ↦ a x + b on the line with y fixed: [D, T] = T, the two-dimensional non-abelian algebra.
    expect(algebraName([field(2, [[0, 0, 1]]), translation(2, 0)], 2)).toBe('aff(1) = gl(1) ⋉ ℝ')
    // The Heisenberg-like algebra of shears: solvable, no simpler name.
    expect(algebraName([field(3, [[0, 1, 1]]), field(3, [[1, 2, 1]]), field(3, [[0, 2, 1]])], 3)).toBe('solvable, dimension 3')
  })
})

/** A field on `from` coordinates placed at `offset` among `to` coordinates. */
function embed(theta: Float64Array, from: number, to: number, offset: number): Float64Array {
  const out = new Float64Array(to * to + to)
  for (let a = 0; a < from; a++) {
    for (let c = 0; c < from; c++) out[(a + offset) * to + c + offset] = theta[a * from + c]
    out[to * to + a + offset] = theta[from * from + a]
  }
  return out
}
