// Grading a symmetry section against a truth case (issue 16): right, withheld, or wrong, with the reason. A claim is
// what the report states as determined; "undetermined" with a reason is withheld, never wrong.
import type { TruthCase } from './cases.js'

export type Verdict = 'right' | 'withheld' | 'wrong'

/** The parts of core/symmetries' section the grading reads (structural, so reference/ stays free of the schema). */
export interface GradedSection {
  manifoldAlgebra: { status: string; dimension: number; closure: number; generators: { matrix: number[][]; offset?: number[] }[] } | null
  distributionAlgebra: { dimension: number; status?: string; generators: { matrix: number[][]; offset?: number[] }[] } | null
}

/**
 * A field is the true algebra's when its velocities at the anchors leave the true span by less than this (relative):
 * fields estimated from the events (a whitening, an approximate constraint) carry a sampling error of order √(d/n),
 * a few per cent at 2,000 events; a false field leaves it by O(1).
 */
export const SPAN_TOLERANCE = 0.1

/** Stacked velocities of a reported field (matrix · y + offset) at the anchors, each feature divided by its scale. */
function velocities(generator: { matrix: number[][]; offset?: number[] }, anchors: readonly number[][], scale: readonly number[]): number[] {
  return anchors.flatMap((y) => generator.matrix.map((row, r) => (row.reduce((s, m, j) => s + m * y[j], generator.offset?.[r] ?? 0)) / scale[r]))
}

/** Orthonormal basis (Gram–Schmidt, twice) of the given vectors, dropping those dependent to 1e-9. */
function orthonormal(vectors: readonly number[][]): number[][] {
  const basis: number[][] = []
  for (const v of vectors) {
    const w = [...v]
    const size = Math.hypot(...w)
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) {
        const dot = q.reduce((s, x, j) => s + x * w[j], 0)
        for (let j = 0; j < w.length; j++) w[j] -= dot * q[j]
      }
    }
    const rest = Math.hypot(...w)
    if (rest > 1e-9 * size && rest > 0) basis.push(w.map((x) => x / rest))
  }
  return basis
}

/** The share of v outside span(basis): |v − P v| / |v|. */
function leave(v: readonly number[], basis: readonly number[][]): number {
  const w = [...v]
  const size = Math.hypot(...w)
  if (size === 0) return 0
  for (const q of basis) {
    const dot = q.reduce((s, x, j) => s + x * w[j], 0)
    for (let j = 0; j < w.length; j++) w[j] -= dot * q[j]
  }
  return Math.hypot(...w) / size
}

/**
 * Compares the reported algebra with the true one: 'same' when the dimension matches and every reported field lies in
 * the true span; 'inside' when every field does but some are missing; 'outside' (with the worst leave) otherwise.
 */
function compare(reported: { matrix: number[][]; offset?: number[] }[], truth: readonly number[][], anchors: readonly number[][], scale: readonly number[]) {
  const D = scale.length
  const trueBasis = orthonormal(truth.map((v) => v.map((x, i) => x / scale[i % D])))
  const claimed = reported.map((g) => velocities(g, anchors, scale))
  const worst = Math.max(0, ...claimed.map((v) => leave(v, trueBasis)))
  if (worst > SPAN_TOLERANCE) return { relation: 'outside' as const, worst }
  const rank = orthonormal(claimed).length
  return { relation: rank === trueBasis.length ? ('same' as const) : rank < trueBasis.length ? ('inside' as const) : ('outside' as const), worst }
}

/**
 * right: every determined claim holds (the manifold algebra's span, the distribution algebra's span); withheld: the
 * manifold algebra is undetermined (or an open region the noise made of a smeared shape) and nothing claimed is
 * false; wrong: anything stated that is not so (a field that is not a symmetry, a missing one in a determined
 * algebra, an algebra whose brackets leave it).
 */
export function grade(section: GradedSection, truth: TruthCase): { verdict: Verdict; reason: string } {
  const scale = featureScales(truth)
  const manifold = section.manifoldAlgebra
  const distribution = section.distributionAlgebra
  if (!manifold || !distribution) return { verdict: 'withheld', reason: 'no algebra computed' }
  let withheld = false
  const status = manifold.status
  if (truth.manifold.open) {
    if (status === 'determined') return { verdict: 'wrong', reason: `an open region, but a determined manifold algebra of dimension ${manifold.dimension}` }
    if (status !== 'open') withheld = true
  } else if (status === 'open') {
    if (!truth.manifold.smeared) return { verdict: 'wrong', reason: 'called an open region' }
    withheld = true
  } else if (status === 'determined') {
    const m = compare(manifold.generators, truth.manifold.velocities, truth.anchors, scale)
    if (m.relation !== 'same') {
      return { verdict: 'wrong', reason: `manifold algebra: dimension ${manifold.dimension}, truth ${truth.manifold.velocities.length} (${m.relation}, worst field leaves the true span by ${m.worst.toPrecision(2)})` }
    }
    if (manifold.closure > 1e-3) return { verdict: 'wrong', reason: `named an algebra whose brackets leave it by ${manifold.closure.toPrecision(2)}` }
  } else withheld = true
  const d = compare(distribution.generators, truth.distribution.velocities, truth.anchors, scale)
  if (d.relation === 'outside') {
    return { verdict: 'wrong', reason: `distribution algebra: a field that is no invariance (leaves the true span by ${d.worst.toPrecision(2)}; dimension ${distribution.dimension}, truth ${truth.distribution.velocities.length})` }
  }
  if (distribution.status === 'undetermined') withheld = true
  if (d.relation === 'inside') {
    if (!withheld) return { verdict: 'wrong', reason: `distribution algebra: dimension ${distribution.dimension}, truth ${truth.distribution.velocities.length} (missing invariances)` }
  }
  return withheld ? { verdict: 'withheld', reason: distribution.status === 'undetermined' ? 'distribution algebra undetermined' : `manifold algebra ${status}` } : { verdict: 'right', reason: '' }
}

/** Each feature's standard deviation over the case's events (1 where constant): the units grading compares in. */
export function featureScales(truth: TruthCase): number[] {
  const D = truth.names.length
  return Array.from({ length: D }, (_, j) => {
    let sum = 0
    let sq = 0
    for (let i = 0; i < truth.n; i++) {
      const v = truth.data[i * D + j]
      sum += v
      sq += v * v
    }
    const mean = sum / truth.n
    return Math.sqrt(Math.max(sq / truth.n - mean * mean, 0)) || 1
  })
}
