// Mathematical and physical constants shared by the generators. Units: GeV, natural units (ħ = c = 1).

export const TWO_PI: f64 = 6.283185307179586

/** Z boson mass, GeV (PDG). */
export const MZ_GEV: f64 = 91.1876
/** Z boson width, GeV (PDG). */
export const GAMMA_Z_GEV: f64 = 2.4952
/** Weak mixing angle sin²θ_W (effective, PDG). */
export const SIN2_THETA_W: f64 = 0.2315
/** Fine-structure constant at the Z scale, α(m_Z) = 1/128.9. */
export const ALPHA_MZ: f64 = 1.0 / 128.9
