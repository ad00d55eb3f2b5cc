import type { ConstraintSearch } from '../constraints/constraintSearch.js'
import { jacobianRank } from '../constraints/consistency.js'
import type { AffineSpan } from '../constraints/linearConstraints.js'
import type { FeatureGroups } from '../featureGroups.js'
import { eventsAlgebra, type OverruledConstraints, type TangentCheck } from './algebraChecks.js'
import { dataTangents, type DataTangents } from './dataTangents.js'
import { floorGapReason, tangentNullSpace } from './manifoldAlgebra.js'
import { freeSystem, tangencySystem, type TangencySystem } from './tangency.js'

// Where the constraints found contradict the events (issue 16, session 7), the events' tangent spaces decide within
// the exact constraints' description (docs/symmetries.md, "What the section can and cannot decide", item 1).

/**
 * The sets of exact constraints to try, where the constraints found contradict the events and an approximate one is
 * the suspect (issue 16): they cut the coordinates below the events' dimension (a fitted many-term polynomial on a
 * curve no low-degree polynomial cuts out: a helix, eᵗ, a quartic beside its fitted cubic), or the events' tangent
 * spaces admit fields that the constraints reject ('more') or reject one of theirs ('leaves') while some constraint is
 * approximate. An exact constraint holds on every event to the floating-point floor, so every field tangent to the
 * manifold keeps it: it stays the cross-check; an approximate one holds only within a spread the data show, and the
 * events' own tangent spaces (χ² in units of their measured normal noise, a gap of TANGENCY_GAP) outrank it.
 * Empty where nothing is overruled; else the sets by degree (below), the last one none at all.
 */
export function overruledConstraints(search: ConstraintSearch, span: AffineSpan, data: Float64Array, rows: number, cols: number, kind: TangentCheck['kind']): OverruledConstraints[] {
  const d = span.free.length
  const top = search.dimension.top
  if (!top || !search.metric || search.linear.length) return []
  const overcut = search.status === 'undetermined' && d - search.rank < top.dimension
  const approximate = search.constraints.some((c) => !c.exact)
  const conflict = search.status === 'determined' && (kind === 'more' || kind === 'leaves') && approximate
  if (!overcut && !conflict) return []
  // An "exact" constraint of high degree can itself be a fit (a quartic with a residual of 1e-10 on a helix or eᵗ):
  // the exact constraints of degree ≤ m are tried for m from the highest degree down, then none, and the first set
  // whose fields the events accept exactly (eventsAlgebra) describes the manifold. A lower degree is the more
  // trustworthy (fewer monomials to fit with); every set still needs the events' strict gap.
  const metric = search.metric
  const exact = search.constraints.filter((c) => c.exact)
  const degrees = [...new Set(exact.map((c) => c.degree))].sort((a, b) => b - a)
  // The standardised coordinates of up to 1,000 events, where the Jacobian's rank is read (as constraintSearch.ts does).
  const count = Math.min(rows, 1000)
  const z = new Float64Array(count * d)
  for (let i = 0; i < count; i++) for (let a = 0; a < d; a++) z[i * d + a] = (data[i * cols + span.free[a]] - span.means[span.free[a]]) / span.spreads[span.free[a]]
  const sets: OverruledConstraints[] = []
  for (const m of degrees) {
    const kept = exact.filter((c) => c.degree <= m)
    const system = tangencySystem(metric, kept)
    const space = tangentNullSpace(system, d, true)
    // A set's null space must itself be decided (separated above its floor), or it describes nothing.
    if (floorGapReason(space, system)) continue
    const explains = d - jacobianRank(kept, z, count, d) === top.dimension
    sets.push({ system, basis: space.nullVectors.map((v) => Float64Array.from(v)), exact: kept.length, explains })
  }
  sets.push({ system: freeSystem(d), basis: null, exact: 0, explains: false })
  return sets
}

/** eventsAlgebra over the overruled constraints' sets in turn (the events' tangent spaces computed once): the first that decides. */
export function overruledAlgebra(
  data: Float64Array, rows: number, cols: number, span: AffineSpan, search: ConstraintSearch, system: TangencySystem, groups: FeatureGroups,
  check: { kind: TangentCheck['kind']; tangents: DataTangents | null } | null,
): ReturnType<typeof eventsAlgebra> {
  const sets = overruledConstraints(search, span, data, rows, cols, check?.kind ?? null)
  if (!sets.length) return null
  const tangents = check?.tangents ?? dataTangents(data, rows, cols, span, search.dimension.top!.dimension, search.dimension.scale)
  if (!tangents) return null
  for (const overruled of sets) {
    const found = eventsAlgebra(data, rows, cols, span, search, system, groups, { overruled, tangents })
    if (found) return found
  }
  return null
}
