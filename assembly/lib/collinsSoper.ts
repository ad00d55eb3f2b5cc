// Dimuon observables of two four-vectors: invariant mass, rapidity and the Collins–Soper angles.
// see: J. C. Collins and D. E. Soper, Phys. Rev. D 16 (1977) 2219. With p± = (E ± p_z)/√2, 1 = μ⁻, 2 = μ⁺,
// Q = p₁ + p₂ (mass M, transverse momentum Q_T):
//   cos θ_CS = sign(Q_z) · 2(p₁⁺p₂⁻ − p₁⁻p₂⁺) / (M √(M² + Q_T²)) / β,
//   tan φ_CS = sign(Q_z) · (√(M² + Q_T²) / M) · (Δ·R̂) / (Δ·Q̂_T),  Δ = p₁ − p₂ (transverse), R̂ = ẑ × Q̂_T.
// β = √(1 − 4m²/M²) makes cos θ_CS the exact cosine for massive muons (the usual formula assumes m = 0; β = 1 there).
// At Q_T = 0 the azimuth has no reference direction; the lab x axis stands in for Q̂_T (R̂ = ŷ), which is the
// convention of the drell_yan generator (docs/drell-yan.md).

// @ts-ignore: decorator
@lazy export let dimuonMass: f64 = 0
// @ts-ignore: decorator
@lazy export let dimuonRapidity: f64 = 0
// @ts-ignore: decorator
@lazy export let cosThetaCS: f64 = 0
// @ts-ignore: decorator
@lazy export let phiCS: f64 = 0

/** Computes the four observables of (E1, p1) = μ⁻ and (E2, p2) = μ⁺ into the globals above. */
// @ts-ignore: decorator
@inline export function dimuonObservables(e1: f64, x1: f64, y1: f64, z1: f64, e2: f64, x2: f64, y2: f64, z2: f64): void {
  const e = e1 + e2
  const qx = x1 + x2
  const qy = y1 + y2
  const qz = z1 + z2
  const qt2 = qx * qx + qy * qy
  const m2 = (e - qz) * (e + qz) - qt2
  const mass = Math.sqrt(max<f64>(m2, 0.0))
  const sign: f64 = qz >= 0.0 ? 1.0 : -1.0
  const transverseMass = Math.sqrt(m2 + qt2) // √(M² + Q_T²)
  // 2(p₁⁺p₂⁻ − p₁⁻p₂⁺) = (E₁ + z₁)(E₂ − z₂) − (E₁ − z₁)(E₂ + z₂)
  const lightCone = (e1 + z1) * (e2 - z2) - (e1 - z1) * (e2 + z2)
  const muon2 = 0.5 * ((e1 * e1 - x1 * x1 - y1 * y1 - z1 * z1) + (e2 * e2 - x2 * x2 - y2 * y2 - z2 * z2))
  const beta = Math.sqrt(max<f64>(1.0 - 4.0 * muon2 / m2, 1e-300))
  const cosine = sign * lightCone / (mass * transverseMass) / beta
  let ux: f64 = 1.0
  let uy: f64 = 0.0
  if (qt2 > 0.0) {
    const qt = Math.sqrt(qt2)
    ux = qx / qt
    uy = qy / qt
  }
  const dx = x1 - x2
  const dy = y1 - y2
  const alongQ = dx * ux + dy * uy
  const alongR = -dx * uy + dy * ux
  dimuonMass = mass
  dimuonRapidity = 0.5 * Math.log((e + qz) / (e - qz))
  cosThetaCS = min<f64>(max<f64>(cosine, -1.0), 1.0)
  phiCS = Math.atan2(sign * (transverseMass / mass) * alongR, alongQ)
}

/**
 * Truth observables of dimuon events: for each row of features (E1, px1, py1, pz1, E2, px2, py2, pz2; 1 = μ⁻)
 * writes (M, y, cos θ_CS, φ_CS) to `truth`, n × 4 f64.
 */
export function dimuonTruth(features: usize, n: i32, truth: usize): void {
  for (let i = 0; i < n; i++) {
    const row = features + (<usize>(i << 3) << 3)
    dimuonObservables(
      load<f64>(row), load<f64>(row, 8), load<f64>(row, 16), load<f64>(row, 24),
      load<f64>(row, 32), load<f64>(row, 40), load<f64>(row, 48), load<f64>(row, 56),
    )
    const t = truth + (<usize>(i << 2) << 3)
    store<f64>(t, dimuonMass)
    store<f64>(t, dimuonRapidity, 8)
    store<f64>(t, cosThetaCS, 16)
    store<f64>(t, phiCS, 24)
  }
}
