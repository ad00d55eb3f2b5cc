// The scale-aware sentence shared by the CLI, report.md, the web app and the element (issue 9, item 7).
import { describe, expect, it } from 'vitest'
import { verdict } from '../../../core/analysis/index.js'
import { findSymmetries, generateEvents } from '../../../core/index.js'
import { constraintText, scaleLadder, scaleText } from '../../../core/report/symmetryWording.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { circle } from '../../../testdata/symmetries.js'

const wasm = await loadWasm()

describe('scaleText', () => {
  it('Drell–Yan: 3 free coordinates above the neighbour scale, 4 below the dimuon mass\'s spread, read from that spread and said so', () => {
    const e = generateEvents(wasm, { dataset: 'drell_yan', n: 10_000, seed: 2 })
    const s = findSymmetries(wasm, { names: e.featureNames, data: e.features, n: e.n })
    const text = scaleText(s)!
    // Gride's smallest scale (nearest neighbours of 4,000 events) is ~30 GeV; the dimuon mass smears the events by
    // under 1 GeV: the lower count is read from the constraint's measured spread, and said to be so.
    const [, above, spread] = text.match(/^3 free coordinates at scales above ~([\d.]+); 4 below ~([\d.]+): the approximate constraint E1·E2 .*pz1·pz2 ≈ \d+ \(spread \2\), from its spread on the events \(the dimension curve starts at ~[\d.]+: too few events/)!
    expect(Number(spread)).toBeLessThan(Number(above) / 10)
    const mass = s.constraints.find((c) => !c.exact && c.degree === 2)!
    expect(mass.distance).toBeCloseTo(Number(spread), 1)
    // It is the dimuon mass, E1·E2 − p1·p2 = M²/2 with p2T = −p1T (massless muons, the pair at rest transversely),
    // not a thicker surface that drops the transverse squares: its constant is ⟨M²⟩/2 of the generator's own truth.
    expect(mass.formula).toMatch(/^E1·E2 \+ px1² \+ py1² − pz1·pz2 ≈ \d+$/)
    const m = e.truthNames.indexOf('truth_mass')
    let meanSquare = 0
    for (let i = 0; i < e.n; i++) meanSquare += e.truth[i * e.truthNames.length + m] ** 2 / e.n
    expect(Math.abs(mass.constant - meanSquare / 2) / (meanSquare / 2)).toBeLessThan(1e-3)
    // The verdict opens with the ladder, the expectation beside the rung where it holds, and puts the VAE on its rung.
    const ladder = scaleLadder(s)!
    expect(ladder.rungs.map((r) => r.count)).toEqual([3, 4])
    const line = verdict({ features: 8, constantFeatures: 0, relevantCount: 3, latentDimension: 3, dataDimension: 3.2, expectedDegreesOfFreedom: 4, top: null, scale: ladder })
    expect(line).toBe(`${text.replace(`4 below ~${spread}`, `4 below ~${spread} (expected 4)`)}; 8 input features, 3 relevant latents, the VAE on the rung at scales above ~${above}`)
  })

  it('a circle with 1 % radial noise: 1 free coordinate above a few times the noise, 2 below, measured on the curve', () => {
    const s = findSymmetries(wasm, circle(wasm, { n: 4000, seed: 32, noise: 0.01 }))
    const [, above, below, spread] = scaleText(s)!.match(/^1 free coordinate at scales above ~([\d.]+); 2 below ~([\d.]+): the approximate constraint x1² \+ x2² ≈ 1 \(spread ([\d.]+)\)$/)!
    expect(Number(spread)).toBeCloseTo(0.01, 3) // the RMS distance of the events from the circle: the noise times the radius
    // Both plateaus are measured: the step lies between them, a few noise widths out (the noise is 0.01).
    expect(Number(below)).toBeGreaterThan(0.01)
    expect(Number(above)).toBeLessThan(0.1)
    expect(s.dimension!.plateaus.map((p) => p.dimension)).toEqual([2, 1])
  })

  it('a noisy circle: 1 free coordinate above the noise, 2 below, its smeared constraint with its spread', () => {
    const s = findSymmetries(wasm, circle(wasm, { n: 4000, seed: 31, noise: 0.03 }))
    expect(scaleText(s)).toMatch(/^1 free coordinate at scales above ~[\d.]+; 2 below ~[\d.]+: the approximate constraint x1² \+ x2² ≈ 1 \(spread 0\.03\)/)
    expect(constraintText(s.constraints[0])).toBe(`x1² + x2² ≈ 1 (approximate, spread 0.03)`)
  })
})

describe('dimensionRangeText', () => {
  it('states a dimension off any plateau as the counts it lies between, never as a fractional count', async () => {
    const { dimensionRangeText } = await import('../../../core/report/symmetryWording.js')
    expect(dimensionRangeText(4.8)).toBe('between 4 and 5 (4.8 measured at this scale)')
    expect(dimensionRangeText(3.05)).toBe('about 3')
    expect(dimensionRangeText(1.5)).toBe('between 1 and 2 (1.5 measured at this scale)')
  })
})

describe('pValueText', () => {
  it('writes small p-values in scientific notation and an underflowed tail as a bound, never "p = 0"', async () => {
    const { pValueText } = await import('../../../core/report/symmetryWording.js')
    expect(pValueText(0.412)).toBe('0.412')
    expect(pValueText(0.0012)).toBe('0.0012')
    expect(pValueText(3.21e-12)).toBe('3.2e-12')
    expect(pValueText(0)).toBe('< 1e-308')
  })
})
