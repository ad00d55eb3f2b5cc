// Tree-level γ/Z couplings for f f̄ → γ*/Z → μ⁺μ⁻, shared by e⁺e⁻ → μ⁺μ⁻ and q q̄ → μ⁺μ⁻ (Drell–Yan).
//
// With θ the angle between the incoming fermion f and the outgoing μ⁻,
//   dσ/dcos θ ∝ A₀ (1 + cos²θ) + A₁ cos θ,
//   A₀ = Q_f² Q_μ² + 2 Q_f Q_μ v_f v_μ Re χ + (v_f² + a_f²)(v_μ² + a_μ²) |χ|²,
//   A₁ = 4 Q_f Q_μ a_f a_μ Re χ + 8 v_f a_f v_μ a_μ |χ|²,
//   χ(s) = κ s / (s − m_Z² + i m_Z Γ_Z),  κ = 1 / (4 sin²θ_W cos²θ_W),
//   v = T₃ − 2 Q sin²θ_W, a = T₃  (Halzen & Martin, "Quarks and Leptons", §13.6, with fixed-width Breit–Wigner).
// For f = e (Q = −1, T₃ = −½) at √s = 35 GeV this gives A_FB = 3A₁/(8A₀) ≈ −9.1 %, and +1.6 % at the Z pole.

import { GAMMA_Z_GEV, MZ_GEV, SIN2_THETA_W } from './constants'

/** Outputs of `angularCoefficients`, read right after the call (no allocation in the hot loop). */
// @ts-ignore: decorator
@lazy export let coefficientA0: f64 = 1.0
// @ts-ignore: decorator
@lazy export let coefficientA1: f64 = 0.0

/**
 * A₀ and A₁ at squared energy `s` (GeV²) for an incoming fermion of charge `charge` and weak isospin `isospin`,
 * producing μ⁺μ⁻. `withZ = false` keeps only the photon: A₀ = Q_f², A₁ = 0.
 */
export function angularCoefficients(s: f64, charge: f64, isospin: f64, withZ: bool): void {
  const muonCharge: f64 = -1.0
  const qq = charge * muonCharge
  if (!withZ) {
    coefficientA0 = qq * qq
    coefficientA1 = 0.0
    return
  }
  const kappa = 1.0 / (4.0 * SIN2_THETA_W * (1.0 - SIN2_THETA_W))
  const dm = s - MZ_GEV * MZ_GEV
  const mg = MZ_GEV * GAMMA_Z_GEV
  const denominator = dm * dm + mg * mg
  const reChi = kappa * s * dm / denominator
  const absChi2 = kappa * kappa * s * s / denominator
  const vf = isospin - 2.0 * charge * SIN2_THETA_W
  const af = isospin
  const vm = -0.5 - 2.0 * muonCharge * SIN2_THETA_W
  const am = -0.5
  coefficientA0 = qq * qq + 2.0 * qq * vf * vm * reChi + (vf * vf + af * af) * (vm * vm + am * am) * absChi2
  coefficientA1 = 4.0 * qq * af * am * reChi + 8.0 * vf * af * vm * am * absChi2
}

/** Tree-level forward–backward asymmetry A_FB = 3A₁ / (8A₀) of f f̄ → μ⁺μ⁻ at squared energy `s` (GeV²). */
export function forwardBackwardAsymmetry(s: f64, charge: f64, isospin: f64, withZ: bool): f64 {
  angularCoefficients(s, charge, isospin, withZ)
  return 3.0 * coefficientA1 / (8.0 * coefficientA0)
}
