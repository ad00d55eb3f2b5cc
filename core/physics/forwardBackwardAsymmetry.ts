import type { SymscopeWasm } from '../wasm/module.js'

/**
 * Tree-level forward–backward asymmetry of e⁺e⁻ → μ⁺μ⁻, A_FB = 3A₁ / (8A₀), the same coefficients the `ee_mumu`
 * generator samples (assembly/lib/electroweak.ts): about −9.1 % at √s = 35 GeV and +1.6 % at the Z pole; 0 without
 * the Z. The normalised angular density is then (3/8)(1 + cos²θ) + A_FB · cos θ.
 *
 * @example forwardBackwardAsymmetry(wasm, 35, true) // ≈ −0.091
 */
export function forwardBackwardAsymmetry(wasm: SymscopeWasm, sqrtS: number, withZ: boolean): number {
  return wasm.exports.forwardBackwardAsymmetry(sqrtS * sqrtS, -1, -0.5, withZ ? 1 : 0)
}
