import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SymscopeError } from '../../core/index.js'
import { cmsDimuonInput } from '../../core/transforms/cmsDimuon.js'
import { loadWasm } from '../../core/wasm/node.js'

// Real CMS data (CMS Collaboration, CERN Open Data, CC BY 4.0), shipped beside the project: ../shared/data.
const CMS = new URL('../../data/cms/Zmumu_Run2011A.csv', import.meta.url)

describe('cmsDimuonInput', () => {
  it('turns every event of the CMS file into on-shell μ⁻ μ⁺ four-vectors with a dimuon mass of 60–120 GeV', async () => {
    const wasm = await loadWasm()
    const input = cmsDimuonInput(wasm, readFileSync(CMS, 'utf8'), 'Zmumu_Run2011A.csv')
    // 10,583 events, of which 356 are same-sign pairs (counted with awk on columns Q1 and Q2)
    expect(input.n).toBe(10_583 - 356)
    expect(input.parameters.sameSignDropped).toBe(356)
    expect(input.featureNames).toEqual(['E1', 'px1', 'py1', 'pz1', 'E2', 'px2', 'py2', 'pz2'])
    const features = Float64Array.from(input.features as ArrayLike<number>)
    let nearZ = 0
    for (let i = 0; i < input.n; i++) {
      // The file's README: every event has 60 < m_μμ < 120 GeV, so the transform must reproduce that
      const mass = input.truth[4 * i]
      expect(mass).toBeGreaterThan(59.99)
      expect(mass).toBeLessThan(120.01)
      if (Math.abs(mass - 91.19) < 5) nearZ++
      for (const m of [0, 4]) {
        const [e, px, py, pz] = features.subarray(8 * i + m, 8 * i + m + 4)
        expect(Math.abs(e * e - px * px - py * py - pz * pz - 0.1056583755 ** 2) / (e * e)).toBeLessThan(1e-9)
      }
      expect(Math.abs(input.truth[4 * i + 2])).toBeLessThanOrEqual(1)
    }
    // a Z peak: most events within 5 GeV of m_Z
    expect(nearZ / input.n).toBeGreaterThan(0.6)
  })

  it('puts μ⁻ first whatever the column order, and reads only the first rows when asked', async () => {
    const wasm = await loadWasm()
    const header = 'pt1,eta1,phi1,Q1,pt2,eta2,phi2,Q2'
    const plusFirst = cmsDimuonInput(wasm, `${header}\n40,0.5,1,1,45,-0.3,-2,-1\n`, 'x')
    const minusFirst = cmsDimuonInput(wasm, `${header}\n45,-0.3,-2,-1,40,0.5,1,1\n`, 'x')
    expect(Array.from(plusFirst.features as ArrayLike<number>)).toEqual(Array.from(minusFirst.features as ArrayLike<number>))
    expect(minusFirst.features[1]).toBeCloseTo(45 * Math.cos(-2), 12)
    const sample = cmsDimuonInput(wasm, readFileSync(CMS, 'utf8'), 'cms', { takeRows: 100 })
    expect(sample.n + Number(sample.parameters.sameSignDropped)).toBe(100)
  })

  it('names the row of a bad charge, and the missing column', async () => {
    const wasm = await loadWasm()
    expect(() => cmsDimuonInput(wasm, 'pt1,eta1,phi1,Q1,pt2,eta2,phi2,Q2\n40,0,0,1,40,0,1,2\n', 'x')).toThrow(/data row 1: charges Q1 = 1, Q2 = 2/)
    expect(() => cmsDimuonInput(wasm, 'pt1,eta1,phi1,Q1,pt2,eta2,phi2,Q2\n40,0,0,1,40,0,1,1\n', 'x')).toThrow(/no opposite-sign muon pair/)
    expect(() => cmsDimuonInput(wasm, 'pt1,eta1\n1,2\n', 'x')).toThrow(SymscopeError)
    expect(() => cmsDimuonInput(wasm, 'pt1,eta1\n1,2\n', 'x')).toThrow(/feature column 'phi1' is not in the header/)
  })
})
