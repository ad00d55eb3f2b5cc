import { formatCoefficient } from './fractions.js'

/** One term of a formula: a coefficient times a product of features (empty for none, repeated for a square). */
export interface Term {
  coefficient: number
  factors: number[]
}

const SUPERSCRIPTS = ['', '', '²', '³', '⁴']

/** A product of features as written: px1, E1², E1·px1. */
export function monomialName(factors: readonly number[], names: readonly string[]): string {
  const counts = new Map<number, number>()
  for (const f of factors) counts.set(f, (counts.get(f) ?? 0) + 1)
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([f, k]) => `${names[f]}${SUPERSCRIPTS[k] ?? `^${k}`}`)
    .join('·')
}

/**
 * A constraint as one readable line, "lhs = constant" ("≈" and three significant digits when it is approximate):
 * terms in the given order, unit coefficients left out, minus signs as "−" (U+2212):
 * "E1² − px1² − py1² − pz1² = 0.0111637", "px1 + px2 = 0", "px1 + px2 ≈ −0.142".
 */
export function formatFormula(terms: readonly Term[], names: readonly string[], constant: number, exact = true): string {
  const parts: string[] = []
  for (const { coefficient, factors } of terms) {
    if (coefficient === 0) continue
    const size = Math.abs(coefficient)
    const name = monomialName(factors, names)
    const body = size === 1 && name ? name : name ? `${formatCoefficient(size)} ${name}` : formatCoefficient(size)
    if (parts.length === 0) parts.push(coefficient < 0 ? `−${body}` : body)
    else parts.push(coefficient < 0 ? `− ${body}` : `+ ${body}`)
  }
  return `${parts.join(' ') || '0'} ${exact ? '=' : '≈'} ${formatCoefficient(constant, exact ? 6 : 3)}`
}

/**
 * Rewrites factors outside the pivot's group through exact aliases (px1 → −px2 where px1 + px2 = 0 holds exactly),
 * so a constraint reads in one particle's features: "E2² − px2² − py2² − pz2²" rather than "E2² − px1² − …". Equal
 * on the data. Terms come back with squares and products first, each group in feature order.
 */
export function localiseTerms(
  terms: readonly Term[], pivotGroup: number, aliases: ReadonlyMap<number, readonly [number, number]>, groupOf: readonly number[],
): Term[] {
  const out = terms.map(({ coefficient, factors }) => {
    let c = coefficient
    const mapped = factors.map((f) => {
      if (pivotGroup < 0 || groupOf[f] === pivotGroup) return f
      for (const [p, [g, sign]] of aliases) {
        if (g === f && groupOf[p] === pivotGroup) {
          c *= sign
          return p
        }
      }
      return f
    })
    return { coefficient: c, factors: mapped.sort((a, b) => a - b) }
  })
  return out.sort((a, b) => b.factors.length - a.factors.length || compareFactors(a.factors, b.factors))
}

function compareFactors(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i]
  return a.length - b.length
}
