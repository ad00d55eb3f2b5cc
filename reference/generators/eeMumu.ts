// Benchmark reference only: e⁺e⁻ → μ⁺μ⁻ as assembly/generators/eeMumu.ts generates it, in plain TypeScript, for the
// wasm-versus-JavaScript comparison. Same RNG (reference/generators/rng.ts), same accept–reject, same values used from
// each event's stream, so the same events (cos θ and φ to the bit; px, py to an ulp, through Math.cos and Math.sin).

import { seedStream, streamKey, uniform } from './rng.js'

// Constants of assembly/lib/constants.ts (PDG m_Z, Γ_Z; effective sin²θ_W).
const MZ_GEV = 91.1876
const GAMMA_Z_GEV = 2.4952
const SIN2_THETA_W = 0.2315

/**
 * A₀ and A₁ of dσ/dcos θ ∝ A₀(1 + cos²θ) + A₁ cos θ for e⁺e⁻ → γ/Z → μ⁺μ⁻ at squared energy s (GeV²), as
 * assembly/lib/electroweak.ts's angularCoefficients for an electron (Q = −1, T₃ = −½).
 */
export function angularCoefficients(s: number, withZ: boolean): { a0: number; a1: number } {
  const charge = -1
  const isospin = -0.5
  const muonCharge = -1
  const qq = charge * muonCharge
  if (!withZ) return { a0: qq * qq, a1: 0 }
  const kappa = 1 / (4 * SIN2_THETA_W * (1 - SIN2_THETA_W))
  const dm = s - MZ_GEV * MZ_GEV
  const mg = MZ_GEV * GAMMA_Z_GEV
  const denominator = dm * dm + mg * mg
  const reChi = (kappa * s * dm) / denominator
  const absChi2 = (kappa * kappa * s * s) / denominator
  const vf = isospin - 2 * charge * SIN2_THETA_W
  const af = isospin
  const vm = -0.5 - 2 * muonCharge * SIN2_THETA_W
  const am = -0.5
  return {
    a0: qq * qq + 2 * qq * vf * vm * reChi + (vf * vf + af * af) * (vm * vm + am * am) * absChi2,
    a1: 4 * qq * af * am * reChi + 8 * vf * af * vm * am * absChi2,
  }
}

/**
 * Fills `n` events of streams (seed, first … first + n − 1) into `features` (n × 8: E, px, py, pz of μ⁻ then μ⁺)
 * and `truth` (n × 2: cos θ, φ), from index 0.
 */
export function generateEeMumu(
  seed: number,
  first: number,
  n: number,
  sqrtS: number,
  withZ: boolean,
  muonMass: number,
  features: Float64Array,
  truth: Float64Array,
): void {
  const { a0, a1 } = angularCoefficients(sqrtS * sqrtS, withZ)
  const envelope = 2 * a0 + Math.abs(a1)
  const energy = 0.5 * sqrtS
  const momentum = Math.sqrt((energy - muonMass) * (energy + muonMass))
  const [keyHi, keyLo] = streamKey(seed)
  for (let i = 0; i < n; i++) {
    seedStream(keyHi, keyLo, first + i)
    // dσ/dcos θ ∝ A₀(1 + cos²θ) + A₁ cos θ, accept–reject against the flat envelope 2A₀ + |A₁|
    let c: number
    do {
      c = 2 * uniform() - 1
    } while (uniform() * envelope > a0 * (1 + c * c) + a1 * c)
    const phi = Math.PI * (2 * uniform() - 1)
    const transverse = momentum * Math.sqrt((1 - c) * (1 + c))
    const px = transverse * Math.cos(phi)
    const py = transverse * Math.sin(phi)
    const pz = momentum * c
    const row = 8 * i
    features[row] = energy
    features[row + 1] = px
    features[row + 2] = py
    features[row + 3] = pz
    features[row + 4] = energy
    features[row + 5] = -px
    features[row + 6] = -py
    features[row + 7] = -pz
    truth[2 * i] = c
    truth[2 * i + 1] = phi
  }
}

