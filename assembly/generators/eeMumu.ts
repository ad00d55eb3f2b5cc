// e⁺e⁻ → μ⁺μ⁻ at √s in the centre-of-mass frame, beam (e⁻) along +z, θ the angle between e⁻ and μ⁻.
// Two degrees of freedom (cos θ, φ); E₁ = E₂ = √s/2 and p₁ + p₂ = 0 exactly.

import { seedStream, uniform } from '../rng'
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
  for (let i = 0; i < n; i++) {
    seedStream(seed, first + <u64>i)
    let c: f64
    // dσ/dcos θ ∝ A₀(1 + cos²θ) + A₁ cos θ, accept–reject against the flat envelope above
    do {
      c = 2.0 * uniform() - 1.0
    } while (uniform() * envelope > a0 * (1.0 + c * c) + a1 * c)
    const phi = Math.PI * (2.0 * uniform() - 1.0)
    const sinTheta = Math.sqrt((1.0 - c) * (1.0 + c))
    NativeMath.sincos(phi)
    const px = momentum * sinTheta * NativeMath.sincos_cos
    const py = momentum * sinTheta * NativeMath.sincos_sin
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
