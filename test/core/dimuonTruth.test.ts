import { describe, expect, it } from 'vitest'
import { dimuonTruth, generateEvents } from '../../core/index.js'
import { loadWasm } from '../../core/wasm/node.js'

describe('dimuonTruth', () => {
  it('reproduces the drell_yan generator truth from its four-vectors', async () => {
    const wasm = await loadWasm()
    for (const muonMass of [0.1056583755, 0]) {
      const events = generateEvents(wasm, { dataset: 'drell_yan', n: 2000, seed: 4, params: { muonMass } })
      const truth = dimuonTruth(wasm, events.features)
      for (let i = 0; i < truth.length; i++) expect(truth[i]).toBeCloseTo(events.truth[i], 9)
    }
  })

  it('gives the textbook values for a boosted, transverse dimuon', async () => {
    const wasm = await loadWasm()
    // Massless muons back to back along ±x in the rest frame of a 90 GeV dimuon: cos θ_CS = 0. With the pair at
    // rest, μ⁻ along +x: φ_CS = 0 (lab x is the reference); along +y: φ_CS = π/2 (rapidity 0, so sign(Q_z) = +).
    const alongX = dimuonTruth(wasm, [45, 45, 0, 0, 45, -45, 0, 0])
    expect(alongX[0]).toBeCloseTo(90, 12)
    expect(alongX[1]).toBeCloseTo(0, 12)
    expect(alongX[2]).toBeCloseTo(0, 12)
    expect(alongX[3]).toBeCloseTo(0, 12)
    const alongY = dimuonTruth(wasm, [45, 0, 45, 0, 45, 0, -45, 0])
    expect(alongY[3]).toBeCloseTo(Math.PI / 2, 12)
    // μ⁻ along +z in the rest frame, then the pair boosted to rapidity 1 along +z: cos θ_CS = +1, y = 1.
    const ch = Math.cosh(1)
    const sh = Math.sinh(1)
    const boosted = dimuonTruth(wasm, [45 * (ch + sh), 0, 0, 45 * (sh + ch), 45 * (ch - sh), 0, 0, 45 * (sh - ch)])
    expect(boosted[1]).toBeCloseTo(1, 12)
    expect(boosted[2]).toBeCloseTo(1, 9)
  })
})
