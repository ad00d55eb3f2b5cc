// The symmetry search on datasets whose constraints and symmetries are known in closed form (issue 6): the circle,
// the disk, e⁺e⁻ → μ⁺μ⁻ (QED, massive and massless muons), Drell–Yan at 13 TeV, and the real CMS Z → μμ events.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SymscopeError, findSymmetries, generateEvents, symmetriesSchema, type Symmetries } from '../../../core/index.js'
import { cmsDimuonInput } from '../../../core/transforms/cmsDimuon.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { typescriptKernels } from '../../../reference/symmetryKernels.js'

const CMS = new URL('../../../data/cms/Zmumu_Run2011A.csv', import.meta.url)
const MUON_MASS = 0.1056583755 // GeV, PDG 2024 (core/datasets/fourMomenta.ts)
const ROTATION_Z = 'rotation in (px, py) of both particles together'

async function search(dataset: string, n: number, params: Record<string, unknown> = {}, seed = 1): Promise<Symmetries> {
  const wasm = await loadWasm()
  const events = generateEvents(wasm, { dataset, n, seed, params })
  return findSymmetries(wasm, { names: events.featureNames, data: events.features, n: events.n })
}

const formulas = (s: Symmetries, kind: 'linear' | 'quadratic') => s.constraints.filter((c) => c.kind === kind).map((c) => c.formula)
const descriptions = (algebra: { generators: { description: string }[] } | null) => algebra!.generators.map((g) => g.description)

/** Zero matrix on the 8 dimuon features with a rotation px → py (δpy = px, δpx = −py) on both muons. */
function beamRotation(): number[][] {
  const a = Array.from({ length: 8 }, () => new Array(8).fill(0))
  for (const m of [0, 4]) {
    a[m + 2][m + 1] = 1
    a[m + 1][m + 2] = -1
  }
  return a
}

describe('findSymmetries', () => {
  it('circle: one quadratic constraint x1² + x2² = r², manifold algebra so(2), distribution invariant under it', async () => {
    for (const radius of [1, 2]) {
      const s = await search('circle', 5000, { radius })
      expect(s.constraints).toHaveLength(1)
      expect(s.constraints[0]).toMatchObject({ kind: 'quadratic', formula: `x1² + x2² = ${radius ** 2}`, exact: true })
      expect(s.constraints[0].constant).toBeCloseTo(radius ** 2, 12)
      expect(s.manifoldAlgebra).toMatchObject({ dimension: 1, name: 'so(2)' })
      // δx2 = x1, δx1 = −x2: the rotation generator, pivot entry +1.
      expect(s.manifoldAlgebra!.generators[0]).toMatchObject({ matrix: [[0, -1], [1, 0]], description: 'rotation in (x1, x2)' })
      expect(s.manifoldAlgebra!.generators[0].offset).toBeUndefined()
      expect(s.distributionAlgebra).toMatchObject({ dimension: 1, name: 'so(2)' })
      expect(s.distributionAlgebra!.generators[0].matrix).toEqual([[0, -1], [1, 0]])
      expect(s.distributionAlgebra!.generators[0].statistic).toBeLessThan(s.distributionAlgebra!.threshold)
    }
  })

  it('disk: no constraints in an open region, said as such (not aff(2) as a symmetry), exactly one invariance', async () => {
    const s = await search('disk', 5000)
    expect(s.constraints).toEqual([])
    expect(s.dimension).toMatchObject({ intrinsic: 2, freeCoordinates: 2, status: 'open' })
    expect(s.manifoldAlgebra).toMatchObject({ dimension: 0, name: 'none (open region)', status: 'open' })
    expect(s.manifoldAlgebra!.reason).toMatch(/open region of the 2 coordinates/)
    // The invariance tests still run over every affine field: only the rotation survives.
    expect(s.distributionAlgebra).toMatchObject({ dimension: 1, name: 'so(2)' })
    expect(s.distributionAlgebra!.generators[0]).toMatchObject({ matrix: [[0, -1], [1, 0]], description: 'rotation in (x1, x2)' })
    expect(s.distributionAlgebra!.tests.filter((t) => !t.invariant)).toHaveLength(6)
  })

  for (const muonMass of [MUON_MASS, 0]) {
    it(`e⁺e⁻ → μ⁺μ⁻, muon mass ${muonMass} GeV: 5 linear, 1 quadratic, so(3) on both muons, one invariance about the beam`, async () => {
      const s = await search('ee_mumu', 20_000, { muonMass })
      expect(formulas(s, 'linear')).toEqual(['E1 = 5', 'E2 = 5', 'px1 + px2 = 0', 'py1 + py2 = 0', 'pz1 + pz2 = 0'])
      expect(s.constraints.every((c) => c.exact)).toBe(true)
      expect(s.coordinates).toEqual(['px1', 'py1', 'pz1'])
      const quadratic = s.constraints.filter((c) => c.kind === 'quadratic')
      expect(quadratic).toHaveLength(1)
      expect(quadratic[0].formula).toMatch(/^px1² \+ py1² \+ pz1² = /)
      // |p|² = (√s/2)² − m² at √s = 10 GeV.
      expect(quadratic[0].constant).toBeCloseTo(25 - muonMass ** 2, 9)
      expect(s.manifoldAlgebra).toMatchObject({ dimension: 3, name: 'so(3)' })
      expect(descriptions(s.manifoldAlgebra)).toEqual([
        ROTATION_Z,
        'rotation in (px, pz) of both particles together',
        'rotation in (py, pz) of both particles together',
      ])
      for (const g of s.manifoldAlgebra!.generators) {
        // The same rotation on both muons: block (1…3) of muon 1 equals block (5…7) of muon 2, no cross terms.
        for (let r = 0; r < 4; r++) {
          for (let c = 0; c < 4; c++) {
            expect(g.matrix[r][c]).toBe(g.matrix[r + 4][c + 4])
            expect(g.matrix[r][c + 4]).toBe(0)
          }
        }
      }
      expect(s.manifoldAlgebra!.commutators.map((c) => c.text)).toEqual(['[X1, X2] = X3', '[X1, X3] = −X2', '[X2, X3] = X1'])
      // 1 + cos²θ is not isotropic: only the rotation about the beam axis survives.
      expect(s.distributionAlgebra).toMatchObject({ dimension: 1, name: 'so(2)' })
      expect(s.distributionAlgebra!.generators[0]).toMatchObject({ description: ROTATION_Z, matrix: beamRotation() })
      expect(s.distributionAlgebra!.margin).toBeGreaterThan(5)
    })
  }

  it('Drell–Yan: transverse momentum balance, the two muon masses, the dimuon mass as an approximate constraint, the beam rotation', async () => {
    const s = await search('drell_yan', 20_000)
    expect(formulas(s, 'linear')).toEqual(['px1 + px2 = 0', 'py1 + py2 = 0'])
    const quadratic = s.constraints.filter((c) => c.kind === 'quadratic')
    const exact = quadratic.filter((c) => c.exact)
    expect(exact.map((c) => c.formula)).toEqual(['E1² − px1² − py1² − pz1² = 0.0111637', 'E2² − px2² − py2² − pz2² = 0.0111637'])
    for (const c of exact) expect(c.constant).toBeCloseTo(MUON_MASS ** 2, 10)
    // E1·E2 − p1·p2 = M²/2 − m²: the dimuon mass, which varies on the scale of the Z width against energies of
    // hundreds of GeV: at the scales where the events are 3-dimensional it is a constraint, smeared.
    const approximate = quadratic.filter((c) => !c.exact)
    expect(approximate).toHaveLength(1)
    expect(approximate[0].formula).toMatch(/^E1·E2 .*− pz1·pz2 ≈ /)
    expect(approximate[0].distance).toBeLessThan(s.dimension!.noiseScale)
    expect(s.dimension).toMatchObject({ intrinsic: 3, freeCoordinates: 3, status: 'determined' })
    // Tangent to all four: the beam rotation and the boost of the pair along z, approximately (the dimuon mass is).
    expect(s.manifoldAlgebra).toMatchObject({ dimension: 2, name: 'so(2) ⊕ so(1,1)', approximate: true })
    expect(descriptions(s.manifoldAlgebra)).toEqual(expect.arrayContaining([ROTATION_Z, 'boost along z of both particles together']))
    expect(descriptions(s.distributionAlgebra)).toEqual([ROTATION_Z])
  })

  it('CMS Z → μμ (real data): exact masses, approximate transverse momentum balance, approximate beam rotation', async () => {
    const wasm = await loadWasm()
    const input = cmsDimuonInput(wasm, readFileSync(CMS, 'utf8'), 'Zmumu_Run2011A.csv')
    const s = findSymmetries(wasm, { names: input.featureNames, data: input.features, n: input.n })
    const quadratic = s.constraints.filter((c) => c.kind === 'quadratic')
    expect(quadratic.map((c) => c.formula)).toEqual(['E1² − px1² − py1² − pz1² = 0.0111637', 'E2² − px2² − py2² − pz2² = 0.0111637'])
    for (const c of quadratic) expect(c.exact).toBe(true)
    const linear = s.constraints.filter((c) => c.kind === 'linear')
    expect(linear.map((c) => c.formula.split(' ≈ ')[0])).toEqual(['px1 + px2', 'py1 + py2'])
    for (const c of linear) {
      // The Z recoils against jets: balance holds to ~20 GeV per component, half the muons' own spread.
      expect(c.exact).toBe(false)
      expect(c.restrictsCoordinates).toBe(false)
      expect(c.rms).toBeGreaterThan(0.3)
      expect(c.rms).toBeLessThan(0.6)
      expect(c.rmsAbsolute).toBeGreaterThan(10)
      expect(c.rmsAbsolute).toBeLessThan(40)
    }
    // Each muon's Lorentz group keeps its mass shell; the data are invariant only under the joint beam rotation.
    expect(s.manifoldAlgebra).toMatchObject({ dimension: 12, name: 'so(3,1) ⊕ so(3,1)' })
    expect(s.distributionAlgebra).toMatchObject({ dimension: 1, name: 'so(2)' })
    expect(s.distributionAlgebra!.generators[0]).toMatchObject({ description: ROTATION_Z, matrix: beamRotation() })
    expect(s.distributionAlgebra!.generators[0].statistic).toBeLessThan(s.distributionAlgebra!.threshold)
  })

  it('is deterministic and JSON-ready, its section passes the schema, and the TypeScript moments give the same', async () => {
    const a = await search('ee_mumu', 3000, {}, 7)
    const b = await search('ee_mumu', 3000, {}, 7)
    expect(a).toEqual(b)
    expect(symmetriesSchema.parse(JSON.parse(JSON.stringify(a)))).toEqual(a)
    const wasm = await loadWasm()
    const events = generateEvents(wasm, { dataset: 'ee_mumu', n: 3000, seed: 7 })
    const reference = findSymmetries(wasm, { names: events.featureNames, data: events.features, n: 3000 }, { kernels: typescriptKernels })
    expect(reference).toEqual(a)
  })

  it('throws invalid_data for too few events, a wrong length or a value that is not finite', async () => {
    const wasm = await loadWasm()
    const names = ['x1', 'x2']
    const attempt = (data: number[], n: number) => () => findSymmetries(wasm, { names, data, n })
    const good = Array.from({ length: 200 }, (_, i) => Math.sin(i))
    expect(attempt(good.slice(0, 20), 10)).toThrow(/at least 50 events/)
    expect(attempt(good, 99)).toThrow(/n × D = 198/)
    expect(attempt(good.map((v, i) => (i === 41 ? NaN : v)), 100)).toThrow(/event 21, feature 'x2' is NaN/)
    expect(attempt(good.slice(0, 20), 10)).toThrow(SymscopeError)
  })
})
