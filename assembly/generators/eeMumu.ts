// e⁺e⁻ → μ⁺μ⁻ at √s in the centre-of-mass frame, beam (e⁻) along +z, θ the angle between e⁻ and μ⁻.
// Two degrees of freedom (cos θ, φ); E₁ = E₂ = √s/2 and p₁ + p₂ = 0 exactly.

import { azimuth, azimuthCos, azimuthSin, nextU64, seedStreamKeyed, streamKey, uniform, uniformFromBits } from '../rng'
import { angularCoefficients, coefficientA0, coefficientA1 } from '../lib/electroweak'

const FEATURES = 8
const TRUTH = 2

/**
 * Fills `n` events. features: n × 8 f64 (E, px, py, pz of μ⁻ then μ⁺, GeV); truth: n × 2 f64 (cos θ, φ).
 * `withZ` false: QED, dσ/dcos θ ∝ 1 + cos²θ. true: γ/Z interference, ∝ A₀(1 + cos²θ) + A₁ cos θ at tree level.
 * Precondition (checked by core): sqrtS > 2 · muonMass ≥ 0.
 */
export function generateEeMumu(seed: u64, first: u64, n: i32, sqrtS: f64, withZ: bool, muonMass: f64, features: usize, truth: usize): void {
  angularCoefficients(sqrtS * sqrtS, -1.0, -0.5, withZ)
  const a0 = coefficientA0
  const a1 = coefficientA1
  // Accept–reject envelope: A₀(1 + c²) + A₁c ≤ 2A₀ + |A₁| on c ∈ [−1, 1].
  const envelope = 2.0 * a0 + Math.abs(a1)
  const energy = 0.5 * sqrtS
  const momentum = Math.sqrt((energy - muonMass) * (energy + muonMass))
  const key = streamKey(seed)
  for (let i = 0; i < n; i++) {
    seedStreamKeyed(key, first + <u64>i) // seedStream(seed, first + i)
    // dσ/dcos θ ∝ A₀(1 + cos²θ) + A₁ cos θ, accept–reject against the flat envelope above: candidate c = 2U − 1,
    // accepted when U' · envelope ≤ A₀(1 + c²) + A₁c; then φ = π(2U'' − 1). The stream's first five values cover
    // two candidates and φ; both candidates are tested at once and the first accepted is picked by a mask, not a
    // branch (acceptance is a coin flip that a CPU cannot predict). Only when both fail does the plain
    // loop go on from the fifth value. The values used are exactly those of the plain loop, so are the events.
    const x1 = nextU64()
    const x2 = nextU64()
    const x3 = nextU64()
    const x4 = nextU64()
    const x5 = nextU64()
    const c1 = 2.0 * uniformFromBits(x1) - 1.0
    const c3 = 2.0 * uniformFromBits(x3) - 1.0
    const accept1 = uniformFromBits(x2) * envelope <= a0 * (1.0 + c1 * c1) + a1 * c1
    const accept3 = uniformFromBits(x4) * envelope <= a0 * (1.0 + c3 * c3) + a1 * c3
    let c: f64
    let phiBits: u64
    if (accept1 | accept3) {
      const first1 = <u64>0 - <u64>accept1 // all ones when the first candidate is accepted
      c = 2.0 * uniformFromBits((x1 & first1) | (x3 & ~first1)) - 1.0
      phiBits = (x3 & first1) | (x5 & ~first1)
    } else {
      let candidate = x5
      while (true) {
        c = 2.0 * uniformFromBits(candidate) - 1.0
        if (uniform() * envelope <= a0 * (1.0 + c * c) + a1 * c) break
        candidate = nextU64()
      }
      phiBits = nextU64()
    }
    const phi = azimuth(phiBits)
    const sinTheta = Math.sqrt((1.0 - c) * (1.0 + c))
    const px = momentum * sinTheta * azimuthCos
    const py = momentum * sinTheta * azimuthSin
    const pz = momentum * c
    const row = features + (<usize>(i * FEATURES) << 3)
    store<f64>(row, energy)
    store<f64>(row, px, 8)
    store<f64>(row, py, 16)
    store<f64>(row, pz, 24)
    store<f64>(row, energy, 32)
    store<f64>(row, -px, 40)
    store<f64>(row, -py, 48)
    store<f64>(row, -pz, 56)
    const t = truth + (<usize>(i * TRUTH) << 3)
    store<f64>(t, c)
    store<f64>(t, phi, 8)
  }
}
