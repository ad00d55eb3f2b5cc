// The small pieces behind readable output: echelon bases, fractions, formulas, feature groups, generator words and
// algebra names, each on a case worked by hand.
import { describe, expect, it } from 'vitest'
import { describeGenerator } from '../../../core/symmetries/tangentFields/describe.js'
import { echelonBasis } from '../../../core/symmetries/constraints/echelon.js'
import { featureGroups } from '../../../core/symmetries/featureGroups.js'
import { formatFormula, localiseTerms } from '../../../core/symmetries/constraints/formula.js'
import { snapFraction } from '../../../core/symmetries/constraints/fractions.js'
import { algebraName } from '../../../core/symmetries/tangentFields/algebraName.js'
import { bracket, commutatorList, structureConstants } from '../../../core/symmetries/tangentFields/lieAlgebra.js'

const DIMUON = ['E1', 'px1', 'py1', 'pz1', 'E2', 'px2', 'py2', 'pz2']

describe('echelonBasis', () => {
  it('recovers a basis of disjoint supports from a mixed one, pivots on the preferred columns', () => {
    // span{(1, 1, 0, 0), (0, 0, 1, −1)} given mixed; later columns preferred: pivots 1 and 3.
    const { rows, pivots } = echelonBasis([[1, 1, 1, -1], [1, 1, -1, 1]], (c) => c)
    expect(pivots).toEqual([1, 3])
    expect(rows[0]).toEqual([1, 1, 0, 0])
    expect(rows[1]).toEqual([0, 0, -1, 1])
  })
})

describe('snapFraction', () => {
  it('rounds to the simplest nearby fraction and leaves others alone', () => {
    expect(snapFraction(0.9999999997, 1e-6)).toBe(1)
    expect(snapFraction(-0.33333334, 1e-6)).toBeCloseTo(-1 / 3, 15)
    expect(snapFraction(0.98, 0.05)).toBe(1)
    expect(snapFraction(Math.PI, 1e-6)).toBe(Math.PI)
  })
})

describe('formulas', () => {
  it('writes squares, signs and constants as read, and approximate ones with ≈', () => {
    const terms = [
      { coefficient: 1, factors: [0, 0] },
      { coefficient: -1, factors: [1, 1] },
      { coefficient: -0.5, factors: [0, 1] },
    ]
    expect(formatFormula(terms, DIMUON, 0.011163692)).toBe('E1² − px1² − 0.5 E1·px1 = 0.0111637')
    expect(formatFormula([{ coefficient: 1, factors: [1] }, { coefficient: 1, factors: [5] }], DIMUON, -0.141833, false)).toBe('px1 + px2 ≈ −0.142')
  })

  it('rewrites a factor through an exact alias into the pivot’s group', () => {
    const groups = featureGroups(DIMUON)
    // px2 = −px1 (feature 5 aliases free feature 1 with sign −1); pivot group 1 (muon 2).
    const aliases = new Map([[5, [1, -1] as [number, number]]])
    const out = localiseTerms([{ coefficient: 1, factors: [4, 4] }, { coefficient: -1, factors: [1, 1] }], 1, aliases, groups.groupOf)
    expect(formatFormula(out, DIMUON, 0)).toBe('E2² − px2² = 0')
  })
})

describe('featureGroups', () => {
  it('groups numbered particles with the same stems, and nothing else', () => {
    expect(featureGroups(DIMUON)).toMatchObject({ active: true, groupOf: [0, 0, 0, 0, 1, 1, 1, 1], groupLabels: ['1', '2'] })
    expect(featureGroups(['x1', 'x2']).active).toBe(false)
    expect(featureGroups(['E1', 'px1', 'E2']).active).toBe(false)
  })
})

describe('describeGenerator', () => {
  const zero = () => Array.from({ length: 8 }, () => new Array(8).fill(0))
  const groups = featureGroups(DIMUON)
  it('names rotations, boosts, translations and scalings', () => {
    const rotation = zero()
    for (const m of [0, 4]) (rotation[m + 2][m + 1] = 1), (rotation[m + 1][m + 2] = -1)
    expect(describeGenerator({ matrix: rotation, offset: new Array(8).fill(0) }, DIMUON, groups)).toBe('rotation in (px, py) of both particles together')
    const boost = zero()
    boost[0][3] = boost[3][0] = 1
    expect(describeGenerator({ matrix: boost, offset: new Array(8).fill(0) }, DIMUON, groups)).toBe('boost along z of particle 1')
    expect(describeGenerator({ matrix: [[0, 0], [0, 0]], offset: [1, -2] }, ['x1', 'x2'], featureGroups(['x1', 'x2']))).toBe('translation along x1 − 2 x2')
    expect(describeGenerator({ matrix: [[1, 0], [0, 1]], offset: [0, 0] }, ['x1', 'x2'], featureGroups(['x1', 'x2']))).toBe('scaling of x1 and x2')
    expect(describeGenerator({ matrix: [[0, 0], [1, 0]], offset: [0, 0] }, ['x1', 'x2'], featureGroups(['x1', 'x2']))).toBe('δx2 = x1')
  })
})

describe('algebra names', () => {
  // θ = (A row-major, b) on d coordinates.
  const field = (d: number, entries: [number, number, number][], offset: number[] = []) => {
    const theta = new Float64Array(d * d + d)
    for (const [a, c, v] of entries) theta[a * d + c] = v
    offset.forEach((b, a) => (theta[d * d + a] = b))
    return theta
  }
  it('so(3) from the rotations of space, with [L1, L2] = L3', () => {
    // L_x: δy = −z, δz = y; L_y: δz = −x, δx = z; L_z: δx = −y, δy = x.
    const basis = [field(3, [[1, 2, -1], [2, 1, 1]]), field(3, [[2, 0, -1], [0, 2, 1]]), field(3, [[0, 1, -1], [1, 0, 1]])]
    const structure = structureConstants(basis, 3)
    expect(structure.closure).toBeLessThan(1e-12)
    expect(commutatorList(structure).map((c) => c.text)).toEqual(['[X1, X2] = X3', '[X1, X3] = −X2', '[X2, X3] = X1'])
    expect(algebraName(basis, 3)).toBe('so(3)')
  })
  it('direct sums, so(1,1), translations and the Euclidean algebra of the plane', () => {
    const rotation = field(2, [[0, 1, -1], [1, 0, 1]])
    const boost = field(4, [[0, 1, 1], [1, 0, 1]])
    const rotation4 = field(4, [[2, 3, -1], [3, 2, 1]])
    expect(algebraName([boost, rotation4], 4)).toBe('so(2) ⊕ so(1,1)')
    const translations = [field(2, [], [1, 0]), field(2, [], [0, 1])]
    const euclid = [rotation, ...translations]
    expect(algebraName(euclid, 2)).toBe('e(2) = so(2) ⋉ ℝ²')
    expect(algebraName(translations, 2)).toBe('ℝ² (translations)')
    // The bracket of a rotation with the translation along x1 is the translation along x2.
    expect(Array.from(bracket(rotation, translations[0], 2))).toEqual([0, 0, 0, 0, 0, 1])
  })
})
