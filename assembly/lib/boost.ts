// Lorentz boost along the z axis by rapidity y (cosh y, sinh y passed in, so one event computes them once):
//   E' = E cosh y + p_z sinh y,   p_z' = E sinh y + p_z cosh y;   p_x, p_y unchanged.

/** Energy after a boost along z with the given cosh y and sinh y. */
// @ts-ignore: decorator
@inline export function boostedEnergy(energy: f64, pz: f64, coshY: f64, sinhY: f64): f64 {
  return energy * coshY + pz * sinhY
}

/** Longitudinal momentum after a boost along z with the given cosh y and sinh y. */
// @ts-ignore: decorator
@inline export function boostedPz(energy: f64, pz: f64, coshY: f64, sinhY: f64): f64 {
  return energy * sinhY + pz * coshY
}
