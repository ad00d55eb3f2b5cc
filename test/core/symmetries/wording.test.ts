// The scale-aware sentence shared by the CLI, report.md, the web app and the element (issue 9, item 7).
import { describe, expect, it } from 'vitest'
import { verdict } from '../../../core/analysis/index.js'
import { findSymmetries, generateEvents } from '../../../core/index.js'
import { constraintText, scaleText } from '../../../core/symmetries/wording.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { circle } from './generatedData.js'

const wasm = await loadWasm()

describe('scaleText', () => {
  it('Drell–Yan: 3 free coordinates at scales above the Z width, the dimuon mass named as the approximate constraint', () => {
    const e = generateEvents(wasm, { dataset: 'drell_yan', n: 10_000, seed: 2 })
    const s = findSymmetries(wasm, { names: e.featureNames, data: e.features, n: e.n })
    const text = scaleText(s)!
    expect(text).toMatch(/^3 free coordinates at scales above ~\d/)
    expect(text).toMatch(/the approximate constraint E1·E2 .*pz1·pz2 ≈ \d+ \(spread [\d.]+\)/)
    const line = verdict({ features: 8, constantFeatures: 0, relevantCount: 3, latentDimension: 3, dataDimension: 3.2, expectedDegreesOfFreedom: 4, top: null, scale: text })
    expect(line).toContain(`in the data: ${text}`)
  })

  it('a noisy circle: 1 free coordinate above the noise, 2 below, its smeared constraint with its spread', () => {
    const s = findSymmetries(wasm, circle(wasm, { n: 4000, seed: 31, noise: 0.03 }))
    expect(scaleText(s)).toMatch(/^1 free coordinate at scales above ~[\d.]+; 2 below ~[\d.]+: the approximate constraint x1² \+ x2² ≈ 1 \(spread 0\.03\)/)
    expect(constraintText(s.constraints[0])).toBe(`x1² + x2² ≈ 1 (approximate, spread 0.03)`)
  })
})
