// The Drell–Yan generator (assembly/generators/drellYan.ts) and its CTEQ5L parton densities (assembly/lib/cteq5l.ts)
// against closed forms: sum rules of the densities; per-event four-momentum conservation and on-shell masses; the
// mass spectrum and the Collins–Soper forward–backward asymmetry against a numerical integral of the LO formula,
// re-derived here from the tree-level couplings (Halzen & Martin §13.6) and the exported densities; the (1 + c²)
// angular shape; flat φ; symmetric rapidity; the accept–reject envelope; cuts; determinism; bad parameters.
import { beforeAll, describe, expect, it } from 'vitest'
import {
  chiSquareTest,
  generateChunks,
  generateEvents,
  getDataset,
  histogram as wasmHistogram,
  isSymscopeError,
  ksUniform,
  type EventSet,
  type SymscopeWasm,
} from '../../core/index.js'
import { drellYanEnvelopeStatistics } from '../../core/datasets/drellYan.js'
import { loadWasm } from '../../core/wasm/node.js'

/** Column c of a row-major matrix with `cols` columns. */
const column = (values: Float64Array, cols: number, c: number) => Float64Array.from({ length: values.length / cols }, (_, i) => values[i * cols + c])
const histogram = (values: Float64Array, options: { bins: number; min: number; max: number }) => wasmHistogram(wasm, values, options)

let wasm: SymscopeWasm
let events: EventSet // defaults: √s = 13 TeV, 60 < M < 120 GeV, no cuts
const n = 200_000
const MUON_MASS = 0.1056583755
const MZ = 91.1876
const GAMMA_Z = 2.4952
const SIN2_THETA_W = 0.2315

beforeAll(async () => {
  wasm = await loadWasm()
  events = generateEvents(wasm, { dataset: 'drell_yan', n, seed: 7 })
})

/** Tree-level A₀, A₁ of f f̄ → Z/γ* → μ⁺μ⁻ at ŝ = s (Halzen & Martin §13.6, fixed-width Breit–Wigner). */
function angularCoefficients(s: number, charge: number, isospin: number): [number, number] {
  const kappa = 1 / (4 * SIN2_THETA_W * (1 - SIN2_THETA_W))
  const dm = s - MZ * MZ
  const denominator = dm * dm + (MZ * GAMMA_Z) ** 2
  const reChi = (kappa * s * dm) / denominator
  const absChi2 = (kappa * s) ** 2 / denominator
  const qq = -charge // Q_f Q_μ with Q_μ = −1
  const vf = isospin - 2 * charge * SIN2_THETA_W
  const vm = -0.5 + 2 * SIN2_THETA_W
  const a0 = qq * qq + 2 * qq * vf * vm * reChi + (vf * vf + isospin * isospin) * (vm * vm + 0.25) * absChi2
  const a1 = 4 * qq * isospin * -0.5 * reChi + 8 * vf * isospin * vm * -0.5 * absChi2
  return [a0, a1]
}

/**
 * dσ/(dM dy dc) = (πα²/3)/M³ · Σ_q [F_q(x₁)F_q̄(x₂)A(+c) + F_q̄(x₁)F_q(x₂)A(−c)] as E(1 + c²) + O·c (any scale):
 * returns [E, O] with x₁,₂ = (M/√s)e^{±y}, F = x·f from the wasm CTEQ5L export, Q = M.
 */
function differential(mass: number, rapidity: number, sqrtS: number): [number, number] {
  const x1 = (mass / sqrtS) * Math.exp(rapidity)
  const x2 = (mass / sqrtS) * Math.exp(-rapidity)
  if (x1 >= 1 || x2 >= 1) return [0, 0]
  const f = (flavour: number, x: number) => wasm.exports.partonDensity(flavour, x, mass)
  const [u1, ub1, d1, db1, s1, c1, b1] = [1, -1, 2, -2, 3, 4, 5].map((fl) => f(fl, x1))
  const [u2, ub2, d2, db2, s2, c2, b2] = [1, -1, 2, -2, 3, 4, 5].map((fl) => f(fl, x2))
  const upPlus = u1 * ub2 + c1 * c2
  const upMinus = ub1 * u2 + c1 * c2
  const downPlus = d1 * db2 + s1 * s2 + b1 * b2
  const downMinus = db1 * d2 + s1 * s2 + b1 * b2
  const [a0u, a1u] = angularCoefficients(mass * mass, 2 / 3, 0.5)
  const [a0d, a1d] = angularCoefficients(mass * mass, -1 / 3, -0.5)
  const scale = 1 / mass ** 3
  return [scale * (a0u * (upPlus + upMinus) + a0d * (downPlus + downMinus)), scale * (a1u * (upPlus - upMinus) + a1d * (downPlus - downMinus))]
}

/** Simpson's rule for ∫ f over [a, b] with `intervals` (even) intervals. */
function simpson(f: (x: number) => number, a: number, b: number, intervals: number): number {
  const h = (b - a) / intervals
  let sum = f(a) + f(b)
  for (let i = 1; i < intervals; i++) sum += (i % 2 ? 4 : 2) * f(a + i * h)
  return (sum * h) / 3
}

/** ∫dy E and ∫dy sign(y)·O over |y| < y_max(M) (E is even in y, O odd): Simpson on [0, y_max], doubled. */
function rapidityIntegrals(mass: number, sqrtS: number): [number, number] {
  const yMax = Math.min(Math.log(sqrtS / mass), Math.log(mass / (sqrtS * 1e-6)))
  const intervals = 100
  const h = yMax / intervals
  let even = 0
  let odd = 0
  for (let i = 0; i <= intervals; i++) {
    const weight = i === 0 || i === intervals ? 1 : i % 2 ? 4 : 2
    const [e, o] = differential(mass, i * h, sqrtS)
    even += weight * e
    odd += weight * o
  }
  return [(2 * even * h) / 3, (2 * odd * h) / 3]
}

/**
 * Two-sample Kolmogorov–Smirnov test: D = sup |F_a − F_b| over the merged sample; p-value from the asymptotic
 * Kolmogorov distribution at √(n_a n_b/(n_a + n_b)) · D (Numerical Recipes §14.3.3, with Stephens' correction).
 */
function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): { statistic: number; pValue: number } {
  const x = Float64Array.from(a).sort()
  const y = Float64Array.from(b).sort()
  let i = 0
  let j = 0
  let statistic = 0
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j])
    while (i < x.length && x[i] <= v) i++
    while (j < y.length && y[j] <= v) j++
    statistic = Math.max(statistic, Math.abs(i / x.length - j / y.length))
  }
  const effective = Math.sqrt((x.length * y.length) / (x.length + y.length))
  const lambda = (effective + 0.12 + 0.11 / effective) * statistic
  let pValue = 0
  for (let k = 1; k <= 100; k++) pValue += 2 * (-1) ** (k - 1) * Math.exp(-2 * k * k * lambda * lambda)
  return { statistic, pValue: lambda < 0.2 ? 1 : Math.min(1, Math.max(0, pValue)) }
}

describe('CTEQ5L parton densities', () => {
  const density = (flavour: number, x: number, q: number) => wasm.exports.partonDensity(flavour, x, q)
  /** ∫ g(x) dx over [xMin, 1] as ∫ g(x) x d(ln x), Simpson in ln x. */
  const integral = (g: (x: number) => number, xMin: number) => simpson((t) => g(Math.exp(t)) * Math.exp(t), Math.log(xMin), -1e-12, 4000)

  it('carries the proton momentum: Σ_partons ∫x f(x, Q) dx = 1 within 2 % (momentum sum rule)', () => {
    for (const q of [2, 10, 91.1876, 1000]) {
      const sum = integral((x) => {
        let total = density(0, x, q)
        for (const flavour of [1, 2, 3, 4, 5]) total += density(flavour, x, q) + density(-flavour, x, q)
        return total // partonDensity is already x·f
      }, 1e-6)
      // Ctq5Par.f gives 1.000, 1.000, 0.997, 0.999 here; its x range starts at 1e-6.
      expect(Math.abs(sum - 1)).toBeLessThan(0.02)
    }
  })

  it('counts two u and one d valence quarks within 5 % above x = 1e-5', () => {
    // Below x ≈ 1e-5 the separately fitted u and ū of the parametrisation cross (ū > u by 20 % at x = 1e-6,
    // Q = m_Z), and the number integral ∫(u − ū)dx, weighted by 1/x there, goes wrong; the generator's x stays
    // above 2e-5 at the default √s and mass window. Values here: u_v 1.98 and d_v 1.02 at Q = m_Z.
    for (const q of [2, 10, 91.1876]) {
      const uValence = integral((x) => (density(1, x, q) - density(-1, x, q)) / x, 1e-5)
      const dValence = integral((x) => (density(2, x, q) - density(-2, x, q)) / x, 1e-5)
      expect(Math.abs(uValence - 2) / 2).toBeLessThan(0.05)
      expect(Math.abs(dValence - 1)).toBeLessThan(0.05)
    }
  })

  it('is positive and finite on 1e-6 ≤ x < 1, and heavy quarks switch on at their thresholds', () => {
    let bad = 0
    for (const q of [1.5, 2, 10, 91.1876, 1000, 9000]) {
      for (let i = 0; i <= 600; i++) {
        const x = Math.min(1e-6 * 10 ** (i / 100), 0.999)
        for (const flavour of [0, 1, 2, 3, 4, 5, -1, -2]) {
          const v = density(flavour, x, q)
          if (!(v >= 0 && Number.isFinite(v))) bad++
        }
      }
    }
    expect(bad).toBe(0)
    expect(density(4, 0.01, 1.2)).toBe(0) // c below 1.3 GeV
    expect(density(5, 0.01, 4.4)).toBe(0) // b below 4.5 GeV
    expect(density(4, 0.01, 10)).toBeGreaterThan(0)
    expect(density(5, 0.01, 10)).toBeGreaterThan(0)
  })
})

describe('drell_yan', () => {
  it('conserves four-momentum, puts muons on shell and keeps M and y exactly', () => {
    const f = events.features
    const t = events.truth
    let worstMomentum = 0
    let worstShell = 0
    let worstMass = 0
    let worstRapidity = 0
    let outside = 0
    for (let i = 0; i < n; i++) {
      const [e1, px1, py1, pz1, e2, px2, py2, pz2] = f.subarray(8 * i, 8 * i + 8)
      const [mass, y] = [t[4 * i], t[4 * i + 1]]
      const energy = e1 + e2
      const pz = pz1 + pz2
      // p_T(μμ) = 0 at LO; E = M cosh y, p_z = M sinh y
      worstMomentum = Math.max(
        worstMomentum,
        Math.abs(px1 + px2) / energy,
        Math.abs(py1 + py2) / energy,
        Math.abs(energy - mass * Math.cosh(y)) / energy,
        Math.abs(pz - mass * Math.sinh(y)) / energy,
      )
      for (const [e, px, py, pzi] of [[e1, px1, py1, pz1], [e2, px2, py2, pz2]]) {
        worstShell = Math.max(worstShell, Math.abs(e * e - px * px - py * py - pzi * pzi - MUON_MASS ** 2) / (e * e))
      }
      const recomputed = Math.sqrt(energy * energy - (px1 + px2) ** 2 - (py1 + py2) ** 2 - pz * pz)
      worstMass = Math.max(worstMass, Math.abs(recomputed / mass - 1))
      worstRapidity = Math.max(worstRapidity, Math.abs(0.5 * Math.log((energy + pz) / (energy - pz)) - y))
      if (!(mass >= 60 && mass <= 120) || Math.abs(y) >= Math.log(13000 / mass)) outside++
    }
    expect(worstMomentum).toBeLessThan(1e-9)
    expect(worstShell).toBeLessThan(1e-9)
    expect(worstMass).toBeLessThan(1e-9)
    expect(worstRapidity).toBeLessThan(1e-9)
    expect(outside).toBe(0)
  })

  it('peaks at the Z mass', () => {
    const h = histogram(column(events.truth, 4, 0), { bins: 60, min: 60, max: 120 })
    let top = 0
    for (let i = 1; i < 60; i++) if (h.counts[i] > h.counts[top]) top = i
    expect(h.edges[top]).toBeLessThanOrEqual(91.19)
    expect(h.edges[top + 1]).toBeGreaterThan(91.19)
    // Vertex of the parabola through the log counts of the top bin and its neighbours.
    const [a, b, c] = [h.counts[top - 1], h.counts[top], h.counts[top + 1]].map(Math.log)
    const peak = h.edges[top] + 0.5 + (0.5 * (a - c)) / (a - 2 * b + c)
    expect(Math.abs(peak - 91.19)).toBeLessThan(1)
  })

  it.each([
    { mMin: 60, mMax: 120, label: 'Z peak' },
    { mMin: 20, mMax: 50, label: 'photon-dominated, below the Z' },
  ])('matches the LO mass spectrum dσ/dM ∝ M⁻³ ∫dy Σ A₀ (F F̄ + F̄ F) ($label)', ({ mMin, mMax }) => {
    const sample = mMin === 60 ? events : generateEvents(wasm, { dataset: 'drell_yan', n: 100_000, seed: 8, params: { mMin, mMax } })
    const bins = 30
    const h = histogram(column(sample.truth, 4, 0), { bins, min: mMin, max: mMax })
    const expected = Float64Array.from({ length: bins }, (_, i) =>
      simpson((m) => rapidityIntegrals(m, 13000)[0], h.edges[i], h.edges[i + 1], 8),
    )
    const total = expected.reduce((s, v) => s + v, 0)
    const scaled = expected.map((v) => (v * sample.n) / total)
    const { pValue } = chiSquareTest(h.counts, scaled)
    expect(pValue).toBeGreaterThan(0.001)
    // Power: the spectrum without the Z (photon only would be falling) or with a 1 % slope is rejected.
    const tilted = scaled.map((v, i) => v * (1 + 0.01 * (h.edges[i] - (mMin + mMax) / 2)))
    const tiltedTotal = tilted.reduce((s, v) => s + v, 0)
    expect(chiSquareTest(h.counts, tilted.map((v) => (v * sample.n) / tiltedTotal)).pValue).toBeLessThan(1e-6)
  })

  it('has the (1 + c²) shape in cos θ* about +z, and the predicted Collins–Soper A_FB', () => {
    const y = column(events.truth, 4, 1)
    const cosCS = column(events.truth, 4, 2)
    // Relative to +z (proton 1) the odd A₁ term cancels between y and −y: dσ/dc ∝ 1 + c² exactly.
    const aboutZ = cosCS.map((c, i) => (y[i] >= 0 ? c : -c))
    const h = histogram(aboutZ, { bins: 20, min: -1, max: 1.000001 })
    const cdf = (c: number) => c + (c * c * c) / 3
    const expected = Float64Array.from({ length: 20 }, (_, i) => (n * (cdf(h.edges[i + 1]) - cdf(h.edges[i]))) / (8 / 3))
    expect(chiSquareTest(h.counts, expected).pValue).toBeGreaterThan(0.001)
    // A_FB in the CS frame (z along the dimuon's p_z) = 3 ∫∫ sign(y)·O / (8 ∫∫ E) over the window.
    let forward = 0
    for (const c of cosCS) if (c > 0) forward++
    const measured = (2 * forward - n) / n
    let num = 0
    let den = 0
    // Simpson in M over [60, 120] on a 0.25 GeV step (fine against Γ_Z = 2.5 GeV).
    for (let i = 0; i <= 240; i++) {
      const weight = i === 0 || i === 240 ? 1 : i % 2 ? 4 : 2
      const [e, o] = rapidityIntegrals(60 + 0.25 * i, 13000)
      num += weight * o
      den += weight * e
    }
    const predicted = (3 * num) / (8 * den)
    const sigma = Math.sqrt((1 - measured ** 2) / n)
    expect(predicted).toBeGreaterThan(0.005) // the Z's couplings make it positive (about +1 %) at LHC energies
    expect(Math.abs(measured - predicted)).toBeLessThan(3 * sigma)
    expect(measured / sigma).toBeGreaterThan(3)
  })

  it('gives Collins–Soper truth that matches the momenta', () => {
    const f = events.features
    const t = events.truth
    let worstCos = 0
    let worstPhi = 0
    for (let i = 0; i < n; i++) {
      const [e1, px1, py1, pz1, e2, px2, py2, pz2] = f.subarray(8 * i, 8 * i + 8)
      const mass = Math.sqrt((e1 + e2) ** 2 - (px1 + px2) ** 2 - (py1 + py2) ** 2 - (pz1 + pz2) ** 2)
      const pt2 = (px1 + px2) ** 2 + (py1 + py2) ** 2
      const sign = pz1 + pz2 >= 0 ? 1 : -1
      // p± = (E ± p_z)/√2; cos θ_CS = 2(p₁⁺p₂⁻ − p₁⁻p₂⁺)/(M √(M² + p_T²)) · sign(p_z) / β, β = √(1 − 4m²/M²)
      const plus1 = (e1 + pz1) / Math.SQRT2
      const minus1 = (e1 - pz1) / Math.SQRT2
      const plus2 = (e2 + pz2) / Math.SQRT2
      const minus2 = (e2 - pz2) / Math.SQRT2
      const beta = Math.sqrt(1 - (4 * MUON_MASS ** 2) / (mass * mass))
      const cos = ((2 * (plus1 * minus2 - minus1 * plus2)) / (mass * Math.sqrt(mass * mass + pt2))) * sign / beta
      worstCos = Math.max(worstCos, Math.abs(cos - t[4 * i + 2]))
      // At p_T = 0 the CS x axis is the lab x axis; y_CS = z_CS × x_CS = sign · y_lab.
      const phi = Math.atan2(sign * py1, px1)
      const d = Math.abs(phi - t[4 * i + 3])
      worstPhi = Math.max(worstPhi, Math.min(d, 2 * Math.PI - d))
    }
    expect(worstCos).toBeLessThan(1e-9)
    expect(worstPhi).toBeLessThan(1e-9)
  })

  it('draws φ_CS uniformly and y symmetrically', () => {
    const phi = column(events.truth, 4, 3)
    expect(ksUniform(phi, -Math.PI, Math.PI).pValue).toBeGreaterThan(0.001)
    const y = column(events.truth, 4, 1)
    const positive = y.filter((v) => v > 0)
    const negative = y.filter((v) => v < 0).map((v) => -v)
    // Forward/backward counts equal within 3σ (binomial, p = ½), and the same |y| shape on both sides.
    expect(Math.abs(positive.length - negative.length)).toBeLessThan(3 * Math.sqrt(n))
    expect(ksTwoSample(positive, negative).pValue).toBeGreaterThan(0.001)
  })

  it('never exceeds the accept–reject envelope and estimates the LO cross section', () => {
    generateEvents(wasm, { dataset: 'drell_yan', n, seed: 9 })
    const stats = drellYanEnvelopeStatistics()
    expect(stats.events).toBe(n)
    expect(stats.violations).toBe(0)
    expect(stats.largestWeight).toBeLessThanOrEqual(stats.envelope)
    expect(stats.efficiency).toBeGreaterThan(0.4)
    // σ(pp → Z/γ* → μμ, 60 < M < 120 GeV): CMS measured 0.986 nb at 7 TeV (arXiv:1310.7291) and 2.010 nb at 13.6 TeV
    // (CMS-PAS-SMP-22-017); LO is 20–30 % below (here 0.72 and 1.58 nb), 1.50 nb at 13 TeV.
    expect(stats.crossSectionPb).toBeGreaterThan(1200)
    expect(stats.crossSectionPb).toBeLessThan(1900)
    for (const params of [{ mMin: 2, mMax: 10000 }, { sqrtS: 1960, mMin: 20, mMax: 200 }, { ptMin: 25, etaMax: 2.4 }]) {
      generateEvents(wasm, { dataset: 'drell_yan', n: 50_000, seed: 10, params })
      expect(drellYanEnvelopeStatistics().violations).toBe(0)
    }
  })

  it('applies the p_T and |η| cuts to every muon', () => {
    const cut = generateEvents(wasm, { dataset: 'drell_yan', n: 20_000, seed: 11, params: { ptMin: 25, etaMax: 2.4 } })
    const f = cut.features
    let bad = 0
    for (let i = 0; i < 2 * cut.n; i++) {
      const [e, px, py, pz] = f.subarray(4 * i, 4 * i + 4)
      const pt = Math.hypot(px, py)
      const p = Math.hypot(pt, pz)
      const eta = 0.5 * Math.log((p + pz) / (p - pz))
      if (!(pt >= 25 - 1e-9 && Math.abs(eta) <= 2.4 + 1e-9 && e > 0)) bad++
    }
    expect(bad).toBe(0)
    expect(drellYanEnvelopeStatistics().efficiency).toBeLessThan(0.5) // the cuts do reject
  })

  it('allows massless muons', () => {
    const massless = generateEvents(wasm, { dataset: 'drell_yan', n: 2000, seed: 12, params: { muonMass: 0 } })
    let worst = 0
    for (let i = 0; i < 2 * massless.n; i++) {
      const [e, px, py, pz] = massless.features.subarray(4 * i, 4 * i + 4)
      worst = Math.max(worst, Math.abs(e - Math.hypot(px, py, pz)) / e)
    }
    expect(worst).toBeLessThan(1e-12)
  })

  it('is reproducible and chunk-independent: same seed, same bytes', () => {
    const a = generateEvents(wasm, { dataset: 'drell_yan', n: 4000, seed: 5 })
    const b = generateEvents(wasm, { dataset: 'drell_yan', n: 4000, seed: 5 })
    const c = generateEvents(wasm, { dataset: 'drell_yan', n: 4000, seed: 6 })
    expect(Buffer.from(a.features.buffer).equals(Buffer.from(b.features.buffer))).toBe(true)
    expect(Buffer.from(a.truth.buffer).equals(Buffer.from(b.truth.buffer))).toBe(true)
    expect(a.features.some((v, i) => v === c.features[i])).toBe(false)
    // Two wasm fills at first = 0 and first = n/2 equal one fill of n.
    const spec = getDataset('drell_yan')
    const params = { sqrtS: 13000, mMin: 60, mMax: 120, ptMin: 0, etaMax: null, muonMass: MUON_MASS }
    const half = 2000
    const one = [wasm.allocF64(2 * half * 8), wasm.allocF64(2 * half * 4)]
    const two = [wasm.allocF64(2 * half * 8), wasm.allocF64(2 * half * 4)]
    spec.fill(wasm, { seed: 5n, first: 0n, n: 2 * half, params, featuresPtr: one[0], truthPtr: one[1] })
    spec.fill(wasm, { seed: 5n, first: 0n, n: half, params, featuresPtr: two[0], truthPtr: two[1] })
    spec.fill(wasm, { seed: 5n, first: BigInt(half), n: half, params, featuresPtr: two[0] + half * 64, truthPtr: two[1] + half * 32 })
    expect(Buffer.from(wasm.copyF64(one[0], 2 * half * 8).buffer).equals(Buffer.from(wasm.copyF64(two[0], 2 * half * 8).buffer))).toBe(true)
    expect(Buffer.from(wasm.copyF64(one[1], 2 * half * 4).buffer).equals(Buffer.from(wasm.copyF64(two[1], 2 * half * 4).buffer))).toBe(true)
    expect(Buffer.from(wasm.copyF64(one[0], 2 * half * 8).buffer).equals(Buffer.from(a.features.buffer))).toBe(true)
    for (const ptr of [...one, ...two]) wasm.free(ptr)
    // And through core's chunked path.
    const chunked = new Float64Array(4000 * 8)
    for (const chunk of generateChunks(wasm, { dataset: 'drell_yan', n: 4000, seed: 5 }, 999)) chunked.set(chunk.features, chunk.first * 8)
    expect(Buffer.from(chunked.buffer).equals(Buffer.from(a.features.buffer))).toBe(true)
  })

  it('rejects bad parameters, naming them', () => {
    for (const [params, name, code] of [
      [{ mMin: 120, mMax: 60 }, 'mMin', 'invalid_parameter'],
      [{ mMin: 90, mMax: 90 }, 'mMin', 'invalid_parameter'],
      [{ mMax: 500, sqrtS: 400 }, 'mMax', 'invalid_parameter'],
      [{ etaMax: -1 }, 'etaMax', 'invalid_parameter'],
      [{ etaMax: 0 }, 'etaMax', 'invalid_parameter'],
      [{ ptMin: -5 }, 'ptMin', 'invalid_parameter'],
      [{ ptMin: 60 }, 'ptMin', 'invalid_parameter'],
      [{ mMin: 1 }, 'mMin', 'invalid_parameter'],
      [{ sqrtS: 'big' }, 'sqrtS', 'invalid_parameter'],
      [{ pdf: 'cteq6' }, 'pdf', 'unknown_parameter'],
      // Allowed one by one, but no event passes both (|η| < 0.001 needs y ≈ 0 and cos θ* ≈ 0): the wasm's flag.
      [{ ptMin: 59, etaMax: 0.001 }, 'etaMax', 'invalid_parameter'],
    ] as const) {
      let error: unknown
      try {
        generateEvents(wasm, { dataset: 'drell_yan', n: 10, seed: 1, params })
      } catch (caught) {
        error = caught
      }
      expect(isSymscopeError(error), JSON.stringify(params)).toBe(true)
      expect((error as { code: string }).code).toBe(code)
      expect((error as Error).message).toContain(`'${name}'`)
    }
  })
})
