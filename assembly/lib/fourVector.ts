// Small four-vector helpers (GeV, metric + − − −), inlined into the generators' hot loops.

/** Momentum of each daughter of a two-body decay M → m m in the parent's rest frame: √(M²/4 − m²). */
// @ts-ignore: decorator
@inline export function twoBodyMomentum(parentMass: f64, daughterMass: f64): f64 {
  return 0.5 * Math.sqrt((parentMass - 2.0 * daughterMass) * (parentMass + 2.0 * daughterMass))
}

/**
 * Whether a particle passes the acceptance cuts p_T ≥ ptMin and |η| ≤ η_max, written without logarithms:
 * |η| ≤ η_max ⇔ |p_z| ≤ p_T sinh η_max. `sinhEtaMax` < 0 means no η cut.
 */
// @ts-ignore: decorator
@inline export function passesAcceptance(pt2: f64, pz: f64, ptMin2: f64, sinhEtaMax: f64): bool {
  if (pt2 < ptMin2) return false
  return sinhEtaMax < 0.0 || Math.abs(pz) <= Math.sqrt(pt2) * sinhEtaMax
}
