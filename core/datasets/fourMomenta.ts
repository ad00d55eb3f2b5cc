/** Feature columns of every two-muon dataset: lab-frame four-momenta (GeV) of μ⁻ (1) then μ⁺ (2). */
export const DIMUON_FEATURES = ['E1', 'px1', 'py1', 'pz1', 'E2', 'px2', 'py2', 'pz2'] as const

/** Muon mass, GeV (PDG 2024). */
export const MUON_MASS_GEV = 0.1056583755
