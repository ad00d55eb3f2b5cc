import { PLATEAU_TOLERANCE } from '../id/tolerances.js'
import type { Symmetries } from '../symmetries/schema.js'

/**
 * The symmetry section in words, one sentence per finding, shared by the CLI line, report.md, the web app and the
 * `<symscope-report>` element (issue 9: the same wording everywhere).
 */

const num = (v: number) => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(1) : Number(v.toPrecision(2)).toString())
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** "x1² + x2² ≈ 4 (approximate, spread 0.02)" or "E1 = 5 (exact)". */
export function constraintText(c: Symmetries['constraints'][number]): string {
  return `${c.formula} (${c.exact ? 'exact' : `approximate, spread ${num(c.distance)}`})`
}

/** "so(2), dimension 1 (approximate symmetries: a constraint is smeared)", "undetermined: <reason>". */
export function manifoldText(m: NonNullable<Symmetries['manifoldAlgebra']>): string {
  if (m.status !== 'determined') return `${m.name}: ${m.reason ?? ''}`
  return `${m.name}, dimension ${m.dimension}${m.approximate ? ' (approximate symmetries: tangent within the spread of the approximate constraints)' : ''}`
}

/**
 * A p-value as a physicist reads it: three significant digits down to 0.001, scientific notation below ("3.2e-12"),
 * and "< 1e-308" for a tail that underflowed double precision (the test rejects with nothing to spare).
 */
export function pValueText(p: number): string {
  if (p === 0) return '< 1e-308'
  if (p < 1e-3) return p.toExponential(1)
  return Number(p.toPrecision(3)).toString()
}

/** "so(2), dimension 1; tests at level 0.01: rotation in (x1, x2) p = 0.41 (not rejected), …". */
export function distributionText(a: NonNullable<Symmetries['distributionAlgebra']>): string {
  const tests = a.tests.map((t) => `${t.description} p = ${pValueText(t.pValue)}${t.adjustedPValue !== t.pValue ? ` (Holm ${pValueText(t.adjustedPValue)})` : ''} ${t.invariant ? 'not rejected' : 'rejected'}`)
  const status = a.status === 'undetermined' ? `undetermined (${a.reason}); not rejected: ` : ''
  return `${status}${a.name}, dimension ${a.dimension} (not rejected at family-wise level ${a.level}); ${tests.join('; ')}`
}

/**
 * A dimension measured at one scale, off any plateau, as the count it allows: "about 4" within 0.1 of an integer, else
 * "between 4 and 5 (4.8 measured at this scale)": a non-integer dimension is a crossover between two counts, not a
 * count (issue 19).
 */
export function dimensionRangeText(dimension: number): string {
  const nearest = Math.round(dimension)
  if (Math.abs(dimension - nearest) <= 0.1) return `about ${nearest}`
  return `between ${Math.floor(dimension)} and ${Math.ceil(dimension)} (${num(dimension)} measured at this scale)`
}

/**
 * The free coordinates with their scale (issue 9, item 7), one clause per plateau from large scales to small, and the
 * approximate constraints that explain the step (each adds a free coordinate below its spread, the RMS distance of the
 * events from its surface): "1 free coordinate at scales above ~0.051; 2 below ~0.018: the approximate constraint
 * x1² + x2² ≈ 1 (spread 0.01)". When the curve does not reach below the spreads (too few events: Drell–Yan's
 * nearest neighbours sit ~29 GeV apart, the dimuon mass smears the events by 0.46 GeV), the lower count is stated as
 * what it is, read from the measured spreads and not from a plateau: "3 free coordinates at scales above ~29; 4 below
 * ~0.46: the approximate constraint E1·E2 + px1² + py1² − pz1·pz2 ≈ 4120 (spread 0.46), from its spread on the events (the
 * dimension curve starts at ~29: too few events to resolve smaller scales)". Scales are in feature units. Null without
 * the dimension record.
 */
export function scaleText(s: Symmetries): string | null {
  return scaleLadder(s)?.text ?? null
}

/** One rung of the ladder: a count of free coordinates (null for "between 4 and 5") and where it holds, in words. */
export interface Rung {
  count: number | null
  where: string
}

/**
 * The ladder behind `scaleText`: its rungs from large scales to small (the first is the top plateau; the last, where
 * the curve reaches its nearest neighbours, plays the part TwoNN's single number would), and the whole text.
 * Null without the dimension record; no rungs when the curve has no plateau.
 */
export function scaleLadder(s: Symmetries): { rungs: Rung[]; text: string } | null {
  const record = s.dimension
  if (!record) return null
  const top = record.plateaus.at(-1)
  if (!top) return { rungs: [], text: 'the intrinsic dimension has no plateau over the scales measured: the number of free coordinates is undetermined' }
  const rungs: Rung[] = [{ count: top.dimension, where: `at scales above ~${num(top.from)}` }]
  const parts = [`${plural(top.dimension, 'free coordinate')} ${rungs[0].where}`]
  const below = record.plateaus.at(-2)
  const smallest = record.curve[0]
  const atSmallest = (extra = '') => {
    const nearest = Math.round(smallest.dimension)
    rungs.push({ count: Math.abs(smallest.dimension - nearest) <= 0.1 ? nearest : null, where: `at ~${num(smallest.scale)}` })
    parts.push(`${dimensionRangeText(smallest.dimension)} at ~${num(smallest.scale)}${extra}`)
  }
  // Thinner than the top plateau's start: each is a constraint at large scales and a free coordinate below its spread.
  const approximate = s.constraints.filter((c) => !c.exact && c.distance < top.from).sort((a, b) => b.distance - a.distance)
  const explained = approximate.length ? `: ${approximate.map((c) => `the approximate constraint ${c.formula} (spread ${num(c.distance)})`).join(', ')}` : ''
  const widest = approximate[0]?.distance ?? 0
  if (below) {
    rungs.push({ count: below.dimension, where: `below ~${num(below.to)}` })
    parts.push(`${below.dimension} below ~${num(below.to)}${explained}`)
  } else if (approximate.length && smallest && smallest.scale > widest) {
    if (Math.abs(smallest.dimension - top.dimension) > PLATEAU_TOLERANCE) atSmallest()
    rungs.push({ count: top.dimension + approximate.length, where: `below ~${num(widest)}` })
    parts.push(
      `${top.dimension + approximate.length} below ~${num(widest)}${explained}, from ${approximate.length === 1 ? 'its spread' : 'their spreads'} on the events ` +
        `(the dimension curve starts at ~${num(smallest.scale)}: too few events to resolve smaller scales)`,
    )
  } else if (smallest && Math.abs(smallest.dimension - top.dimension) > PLATEAU_TOLERANCE) atSmallest(explained)
  else if (explained) parts.push(`the events lie within the spread of${explained.slice(1)}`)
  if (record.status !== 'determined') parts.push(record.reason ?? record.status)
  return { rungs, text: parts.join('; ') }
}
