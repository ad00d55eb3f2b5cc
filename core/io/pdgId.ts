/** Names accepted for PDG Monte Carlo particle numbers (PDG, "Monte Carlo particle numbering scheme"). */
const NAMED: Record<string, number> = {
  'e-': 11, 'e+': -11, 've': 12, 've~': -12, 'mu-': 13, 'mu+': -13, 'vm': 14, 'vm~': -14, 'ta-': 15, 'ta+': -15, 'tau-': 15, 'tau+': -15, 'vt': 16, 'vt~': -16,
  'd': 1, 'd~': -1, 'u': 2, 'u~': -2, 's': 3, 's~': -3, 'c': 4, 'c~': -4, 'b': 5, 'b~': -5, 't': 6, 't~': -6,
  'g': 21, 'a': 22, 'gamma': 22, 'z': 23, 'w+': 24, 'w-': -24, 'h': 25,
}

/**
 * The PDG id a particle is selected by: a signed integer (13, -13) or a MadGraph-style name (mu-, mu+, e-, e+, a, g,
 * b~, …; case-insensitive). Returns undefined for anything else.
 */
export function pdgId(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase()
  if (/^[+-]?\d+$/.test(trimmed)) return Number(trimmed)
  return Object.hasOwn(NAMED, trimmed) ? NAMED[trimmed] : undefined
}

/**
 * The default order of final-state particles: by |id| (leptons before photons: e, ν_e, μ, …), the particle (id > 0)
 * before its antiparticle, then by decreasing p_T. So a Z → μμ event gives μ⁻ then μ⁺, as every symscope dimuon
 * dataset orders them.
 */
export function finalStateOrder(a: { id: number; pt: number }, b: { id: number; pt: number }): number {
  return Math.abs(a.id) - Math.abs(b.id) || b.id - a.id || b.pt - a.pt
}
