// e⁺e⁻ → μ⁺μ⁻ (assembly/generators/eeMumu.ts) against closed forms: exact four-momentum conservation and on-shell
// muons per event, dσ/dcos θ ∝ 1 + cos²θ (χ²), ⟨cos²θ⟩ = 2/5, flat φ, and with the Z the tree-level forward–backward
// asymmetry A_FB(√s) = 3A₁/(8A₀), computed here independently of the generator.
import { beforeAll, describe, expect, it } from 'vitest'
import {
  chiSquareAgainstDensity,
  generateChunks,
  generateEvents,
  getDataset,
  isSymscopeError,
  ksUniform,
  MUON_MASS_GEV,
  resolveParameters,
  type EventSet,
  type SymscopeWasm,
} from '../../core/index.js'
import { loadWasm } from '../../core/wasm/node.js'

let wasm: SymscopeWasm
beforeAll(async () => {
  wasm = await loadWasm()
})

// Columns of a feature row: (E, px, py, pz) of μ⁻, then of μ⁺.
const E1 = 0
const PX1 = 1
const PY1 = 2
const PZ1 = 3
const E2 = 4
const PX2 = 5
const PY2 = 6
const PZ2 = 7

/** Column `offset` of a row-major matrix with `stride` columns. */
const column = (matrix: Float64Array, stride: number, offset: number) => matrix.filter((_, i) => i % stride === offset)

/** Histogram options for truth cos θ: 40 bins on [−1, 1], read in place from the (cos θ, φ) rows. */
const COS_THETA_BINS = { bins: 40, min: -1, max: 1, stride: 2, offset: 0 }

/** Tree-level γ/Z forward–backward asymmetry of e⁺e⁻ → μ⁺μ⁻ (Halzen & Martin §13.6; fixed-width Breit–Wigner). */
function treeLevelAfb(sqrtS: number): number {
  // Constants of docs/generators.md: PDG m_Z and Γ_Z, effective sin²θ_W.
  const mZ = 91.1876
  const gammaZ = 2.4952
  const sin2w = 0.2315
  const s = sqrtS * sqrtS
  // χ(s) = κ s / (s − m_Z² + i m_Z Γ_Z), κ = 1/(4 sin²θ_W cos²θ_W).
  const kappa = 1 / (4 * sin2w * (1 - sin2w))
  const re = s - mZ * mZ
  const im = mZ * gammaZ
  const reChi = (kappa * s * re) / (re * re + im * im)
  const absChi2 = (kappa * s) ** 2 / (re * re + im * im)
  // Electron and muon alike: Q = −1, T₃ = −½, v = T₃ − 2Q sin²θ_W, a = T₃.
  const q = -1
  const v = -0.5 + 2 * sin2w
  const a = -0.5
  const a0 = q ** 4 + 2 * q * q * v * v * reChi + (v * v + a * a) ** 2 * absChi2
  const a1 = 4 * q * q * a * a * reChi + 8 * v * a * v * a * absChi2
  return (3 * a1) / (8 * a0)
}

/** Largest |(E1 + E2)/√s − 1|, |p1 + p2|/√s and |E² − p² − m²|/E² over the events. */
function kinematicResiduals(events: EventSet, sqrtS: number, mass: number) {
  const f = events.features
  let energy = 0
  let momentum = 0
  let onShell = 0
  for (let i = 0; i < events.n; i++) {
    const row = 8 * i
    energy = Math.max(energy, Math.abs((f[row + E1] + f[row + E2]) / sqrtS - 1))
    for (const [a, b] of [
      [PX1, PX2],
      [PY1, PY2],
      [PZ1, PZ2],
    ]) {
      momentum = Math.max(momentum, Math.abs(f[row + a] + f[row + b]) / sqrtS)
    }
    for (const start of [row + E1, row + E2]) {
      const [e, px, py, pz] = [f[start], f[start + 1], f[start + 2], f[start + 3]]
      onShell = Math.max(onShell, Math.abs(e * e - px * px - py * py - pz * pz - mass * mass) / (e * e))
    }
  }
  return { energy, momentum, onShell }
}

function forwardBackward(events: EventSet): { afb: number; standardError: number } {
  let forward = 0
  for (let i = 0; i < events.n; i++) if (events.features[8 * i + PZ1] > 0) forward++
  const afb = (2 * forward - events.n) / events.n
  // Binomial: Var(N_F/N) = p(1 − p)/N with p = (1 + A)/2, so σ(A) = √((1 − A²)/N).
  return { afb, standardError: Math.sqrt((1 - afb * afb) / events.n) }
}

describe('ee_mumu kinematics', () => {
  it('conserves four-momentum and keeps both muons on shell (massive, default)', () => {
    const sqrtS = 10
    const events = generateEvents(wasm, { dataset: 'ee_mumu', n: 100_000, seed: 1 })
    expect(events.params.muonMass).toBe(MUON_MASS_GEV)
    const r = kinematicResiduals(events, sqrtS, MUON_MASS_GEV)
    expect(r.energy).toBeLessThan(1e-9)
    expect(r.momentum).toBeLessThan(1e-9)
    expect(r.onShell).toBeLessThan(1e-9)
  })

  it('conserves four-momentum with massless muons and with the Z, at several energies', () => {
    for (const [sqrtS, mass, z] of [
      [91.1876, 0, true],
      [3, 0, false],
      [0.25, MUON_MASS_GEV, true],
      [500, MUON_MASS_GEV, true],
    ] as const) {
      const events = generateEvents(wasm, { dataset: 'ee_mumu', n: 20_000, seed: 2, params: { sqrtS, muonMass: mass, z } })
      const r = kinematicResiduals(events, sqrtS, mass)
      expect(r.energy).toBeLessThan(1e-9)
      expect(r.momentum).toBeLessThan(1e-9)
      expect(r.onShell).toBeLessThan(1e-9)
    }
  })

  it('keeps the truth cos θ and φ of the μ⁻ momentum', () => {
    const events = generateEvents(wasm, { dataset: 'ee_mumu', n: 100_000, seed: 3, params: { sqrtS: 35, z: true } })
    expect(events.truthNames).toEqual(['truth_cosTheta', 'truth_phi'])
    const f = events.features
    let worstCos = 0
    let worstPhi = 0
    let outOfRange = 0
    for (let i = 0; i < events.n; i++) {
      const [px, py, pz] = [f[8 * i + PX1], f[8 * i + PY1], f[8 * i + PZ1]]
      const [cosTheta, phi] = [events.truth[2 * i], events.truth[2 * i + 1]]
      if (!(cosTheta >= -1 && cosTheta <= 1 && phi >= -Math.PI && phi < Math.PI)) outOfRange++
      worstCos = Math.max(worstCos, Math.abs(pz / Math.hypot(px, py, pz) - cosTheta))
      // φ is defined by px, py unless the muon runs along the beam; atan2 folds −π to +π.
      if (Math.hypot(px, py) > 1e-6) {
        const d = Math.abs(Math.atan2(py, px) - phi)
        worstPhi = Math.max(worstPhi, Math.min(d, Math.abs(d - 2 * Math.PI)))
      }
    }
    expect(outOfRange).toBe(0)
    expect(worstCos).toBeLessThan(1e-12)
    expect(worstPhi).toBeLessThan(1e-12)
  })
})

describe('ee_mumu angular distribution (QED)', () => {
  const n = 200_000
  let truth: Float64Array
  let cosTheta: Float64Array
  let phi: Float64Array
  beforeAll(() => {
    truth = generateEvents(wasm, { dataset: 'ee_mumu', n, seed: 4 }).truth
    cosTheta = column(truth, 2, 0)
    phi = column(truth, 2, 1)
  })

  it('follows dσ/dcos θ ∝ 1 + cos²θ (χ²), and a flat density fails the same test', () => {
    // Expected counts per bin: N ∫_bin (1 + c²) dc / (8/3) (Simpson's rule, exact for this quadratic).
    const qed = chiSquareAgainstDensity(wasm, truth, (c) => 1 + c * c, COS_THETA_BINS)
    expect(qed.dof).toBe(39)
    expect(qed.counts.reduce((a, b) => a + b, 0)).toBe(n)
    expect(qed.pValue).toBeGreaterThan(0.001)
    const flat = chiSquareAgainstDensity(wasm, truth, () => 1, COS_THETA_BINS)
    expect(flat.pValue).toBeLessThan(1e-10)
  })

  it('has ⟨cos²θ⟩ = 2/5', () => {
    // ⟨c²⟩ = ∫c²(1 + c²) / ∫(1 + c²) = (2/3 + 2/5)/(8/3) = 2/5; ⟨c⁴⟩ = (2/5 + 2/7)/(8/3) = 9/35, so
    // Var c² = 9/35 − 4/25 = 17/175 and the standard error is √(17/175/n).
    let sum = 0
    for (const c of cosTheta) sum += c * c
    expect(Math.abs(sum / n - 0.4)).toBeLessThan(4 * Math.sqrt(17 / 175 / n))
    // No forward–backward asymmetry without the Z.
    const f = cosTheta.filter((c) => c > 0).length
    expect(Math.abs((2 * f - n) / n)).toBeLessThan(4 / Math.sqrt(n))
  })

  it('draws φ uniformly (KS)', () => {
    expect(ksUniform(phi, -Math.PI, Math.PI).pValue).toBeGreaterThan(0.001)
  })
})

describe('ee_mumu with the Z', () => {
  it('matches the tree-level formula at the anchors: −9.1 % at 35 GeV, +1.6 % at the Z pole', () => {
    expect(treeLevelAfb(35)).toBeCloseTo(-0.091, 3)
    expect(treeLevelAfb(91.19)).toBeCloseTo(0.016, 3)
  })

  it('has the tree-level forward–backward asymmetry A_FB(√s) = 3A₁/(8A₀)', () => {
    const n = 200_000
    for (const sqrtS of [20, 35, 60, 91.19, 130]) {
      const events = generateEvents(wasm, { dataset: 'ee_mumu', n, seed: 5, params: { sqrtS, z: true } })
      const { afb, standardError } = forwardBackward(events)
      expect(Math.abs(afb - treeLevelAfb(sqrtS)), `A_FB at ${sqrtS} GeV: ${afb}`).toBeLessThan(4 * standardError)
    }
    // z = false is pure QED: no asymmetry even where the Z would give −30 %.
    const qed = forwardBackward(generateEvents(wasm, { dataset: 'ee_mumu', n, seed: 6, params: { sqrtS: 60 } }))
    expect(treeLevelAfb(60)).toBeLessThan(-0.25)
    expect(Math.abs(qed.afb)).toBeLessThan(4 * qed.standardError)
  })

  it('follows A₀(1 + cos²θ) + A₁ cos θ in cos θ (χ² at 35 GeV)', () => {
    const n = 200_000
    const events = generateEvents(wasm, { dataset: 'ee_mumu', n, seed: 7, params: { sqrtS: 35, z: true } })
    // With A_FB = 3A₁/(8A₀): density ∝ 1 + c² + (8/3) A_FB c.
    const afb = treeLevelAfb(35)
    const z = chiSquareAgainstDensity(wasm, events.truth, (c) => 1 + c * c + (8 / 3) * afb * c, COS_THETA_BINS)
    expect(z.pValue).toBeGreaterThan(0.001)
    const qed = chiSquareAgainstDensity(wasm, events.truth, (c) => 1 + c * c, COS_THETA_BINS)
    expect(qed.pValue).toBeLessThan(1e-10)
    expect(ksUniform(column(events.truth, 2, 1), -Math.PI, Math.PI).pValue).toBeGreaterThan(0.001)
  })
})

describe('ee_mumu reproducibility', () => {
  it('gives the same bytes for the same seed and different events for another', () => {
    const request = { dataset: 'ee_mumu', n: 5000, seed: 8, params: { z: true, sqrtS: 60 } }
    const a = generateEvents(wasm, request)
    const b = generateEvents(wasm, request)
    const c = generateEvents(wasm, { ...request, seed: 9 })
    expect(Buffer.from(a.features.buffer).equals(Buffer.from(b.features.buffer))).toBe(true)
    expect(Buffer.from(a.truth.buffer).equals(Buffer.from(b.truth.buffer))).toBe(true)
    expect(Buffer.from(a.features.buffer).equals(Buffer.from(c.features.buffer))).toBe(false)
    expect(a.truth.some((v, i) => v === c.truth[i])).toBe(false)
  })

  it('composes chunks: chunked generation equals one run', () => {
    const request = { dataset: 'ee_mumu', n: 1000, seed: 10, params: { z: true, sqrtS: 35 } }
    const whole = generateEvents(wasm, request)
    const features = new Float64Array(whole.features.length)
    const truth = new Float64Array(whole.truth.length)
    const starts: number[] = []
    for (const chunk of generateChunks(wasm, request, 300)) {
      starts.push(chunk.first)
      features.set(chunk.features, chunk.first * 8)
      truth.set(chunk.truth, chunk.first * 2)
    }
    expect(starts).toEqual([0, 300, 600, 900])
    expect(Buffer.from(features.buffer).equals(Buffer.from(whole.features.buffer))).toBe(true)
    expect(Buffer.from(truth.buffer).equals(Buffer.from(whole.truth.buffer))).toBe(true)

    // The dataset's own fill at first = 0 and first = 500, into one buffer each.
    const spec = getDataset('ee_mumu')
    const params = resolveParameters(spec, request.params)
    const featuresPtr = wasm.allocF64(500 * 8)
    const truthPtr = wasm.allocF64(500 * 2)
    try {
      for (const first of [0, 500]) {
        spec.fill(wasm, { seed: 10n, first: BigInt(first), n: 500, params, featuresPtr, truthPtr })
        const part = wasm.copyF64(featuresPtr, 500 * 8)
        const expected = whole.features.slice(first * 8, (first + 500) * 8)
        expect(Buffer.from(part.buffer).equals(Buffer.from(expected.buffer))).toBe(true)
      }
    } finally {
      wasm.free(featuresPtr)
      wasm.free(truthPtr)
    }
  })
})

describe('ee_mumu sampling', () => {
  it("draws exactly the plain accept–reject loop from each event's stream", () => {
    // The generator tests two candidates at once for speed; it must use the stream's values exactly as the plain
    // loop does: c = 2U₁ − 1 accepted when U₂ · (2A₀ + |A₁|) ≤ A₀(1 + c²) + A₁c, else the next pair; then
    // φ = π(2U − 1) from the next value. U = (bits >> 11) · 2⁻⁵³ from fillRandom's raw stream (seed, first + i).
    const n = 4000
    const perStream = 64
    for (const params of [{}, { sqrtS: 35, z: true }]) {
      const events = generateEvents(wasm, { dataset: 'ee_mumu', n, seed: 11, params })
      const ptr = wasm.allocF64(n * perStream)
      wasm.exports.fillRandom(11n, 0n, n, perStream, 3, ptr)
      const bits = new BigUint64Array(wasm.copyF64(ptr, n * perStream).buffer)
      wasm.free(ptr)
      const uniform = (i: number, j: number) => Number(bits[i * perStream + j] >> 11n) * 2 ** -53
      // A₀ and A₁ from the independent formula: only their ratio matters, A₁/A₀ = (8/3) A_FB.
      const ratio = 'z' in params ? (8 / 3) * treeLevelAfb(35) : 0
      const envelope = 2 + Math.abs(ratio)
      let mismatches = 0
      let secondPair = 0
      let thirdPairOrLater = 0
      for (let i = 0; i < n; i++) {
        let j = 0
        let c: number
        for (;;) {
          c = 2 * uniform(i, j) - 1
          const accepted = uniform(i, j + 1) * envelope <= 1 + c * c + ratio * c
          j += 2
          if (accepted) break
        }
        if (j === 4) secondPair++
        if (j > 4) thirdPairOrLater++
        const phi = Math.PI * (2 * uniform(i, j) - 1)
        // c and φ are computed with the same operations as the generator, so they agree to the bit (A₁/A₀ to
        // about 1e-15, which could flip an acceptance only on a tie of that size).
        if (c !== events.truth[2 * i] || phi !== events.truth[2 * i + 1]) mismatches++
      }
      expect(mismatches).toBe(0)
      // Both paths were exercised: a pick between the first two pairs, and the loop after both failed (1/9 in QED).
      expect(secondPair).toBeGreaterThan(n / 10)
      expect(thirdPairOrLater).toBeGreaterThan(n / 20)
    }
  })
})

describe('ee_mumu parameters', () => {
  function failure(request: Record<string, unknown>): Error & { details?: Record<string, unknown> } {
    try {
      generateEvents(wasm, { dataset: 'ee_mumu', n: 10, seed: 1, ...request } as never)
    } catch (error) {
      expect(isSymscopeError(error)).toBe(true)
      return error as Error
    }
    throw new Error(`no error for ${JSON.stringify(request)}`)
  }

  it('rejects bad parameters with a SymscopeError naming the parameter', () => {
    expect(failure({ params: { sqrtS: 0.2 } }).message).toMatch(/'sqrtS'.*threshold/)
    expect(failure({ params: { sqrtS: 1, muonMass: 0.6 } }).message).toContain("'sqrtS'")
    expect(failure({ params: { sqrtS: -10 } }).message).toContain("'sqrtS'")
    expect(failure({ params: { energy: 10 } }).message).toContain("'energy'")
    expect(failure({ params: { z: 'yes' } }).message).toContain("'z'")
    expect(failure({ params: { muonMass: -0.1 } }).message).toContain("'muonMass'")
    for (const n of [0, 1.5, -3, Number.NaN]) {
      const error = failure({ n })
      expect(error.message).toMatch(/^n must be/)
      expect(error.details?.parameter).toBe('n')
    }
    for (const seed of [-1, 0.5, 2 ** 53]) {
      const error = failure({ seed })
      expect(error.message).toMatch(/^seed must be/)
      expect(error.details?.parameter).toBe('seed')
    }
  })

  it('accepts energies just above threshold', () => {
    const sqrtS = 2 * MUON_MASS_GEV * (1 + 1e-6)
    const events = generateEvents(wasm, { dataset: 'ee_mumu', n: 1000, seed: 1, params: { sqrtS } })
    expect(kinematicResiduals(events, sqrtS, MUON_MASS_GEV).energy).toBeLessThan(1e-9)
  })
})
