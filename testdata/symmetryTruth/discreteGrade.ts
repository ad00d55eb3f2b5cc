// Grading the discrete part of a symmetry section (`section.discrete`, core/symmetries/discrete/schema.ts) against a
// discrete truth case (discreteCases.ts): right, withheld or wrong, with the reason. The claim is the list of
// generators (the discrete maps not rejected, one per component beyond the continuous part); a test's decision on a
// map whose answer is known is graded too.
import type { TruthCase } from './cases.js'
import { featureScales, type Verdict } from './grade.js'

/** The parts of `section.discrete` the grading reads (structural, like GradedSection). */
export interface GradedDiscrete {
  /** The identity component the section names ("SO(2)", "trivial"). */
  continuous: string
  generators: { description: string; test: number }[]
  tests: { description: string; matrix: number[][]; offset?: number[]; decision: string }[]
}

/**
 * A reported map is a true one when its images of the anchors differ from the true images by less than this, as
 * the root mean square over anchors and features in units of each feature's spread. The true involutions the section
 * can propose here are exact (a flip about 0, an exchange of objects: distance ~1e-12) or pass through a centre
 * estimated from the proposal half (2,000 events: its error ~2/√2000 ≈ 0.045 spreads in one feature, less in the
 * RMS over features); a map from the covariance's frame that merely lies near the truth (7 % off on one case) is
 * another map, and its test may rightly reject it.
 */
export const MAP_TOLERANCE = 0.05

/** RMS distance, in feature spreads, between a map's images of the anchors and the given images. */
function distance(map: { matrix: number[][]; offset?: number[] }, anchors: readonly number[][], images: readonly number[][], scale: readonly number[]): number {
  let sum = 0
  anchors.forEach((y, a) => {
    map.matrix.forEach((row, r) => {
      const mapped = row.reduce((s, m, j) => s + m * y[j], map.offset?.[r] ?? 0)
      sum += ((mapped - images[a][r]) / scale[r]) ** 2
    })
  })
  return Math.sqrt(sum / (anchors.length * scale.length))
}

/**
 * right: every true involution is tested and not rejected and reaches a generator, every broken one is rejected, and
 * every generator is a true involution (or an involution of the continuous part when the section named none); withheld: a true or broken involution was not proposed (nothing is claimed
 * about it) and nothing claimed is false, or no discrete section; wrong: a generator that is no symmetry (on a chiral
 * case, any generator), a true involution rejected or off the manifold, a broken one not rejected.
 */
export function gradeDiscrete(section: GradedDiscrete | null | undefined, truth: TruthCase): { verdict: Verdict; reason: string } {
  const known = truth.discrete
  if (!known) throw new Error(`${truth.label}: not a discrete truth case`)
  if (!section) return { verdict: 'withheld', reason: 'no discrete section' }
  const scale = featureScales(truth)
  const matches = (map: { matrix: number[][]; offset?: number[] }, images: readonly number[][]) => distance(map, truth.anchors, images, scale) < MAP_TOLERANCE
  for (const g of section.generators) {
    const t = section.tests[g.test]
    // An involution of the continuous part (the chiral pairs' common half-turn) is a symmetry: a true claim when the
    // section found no continuous part (its miss is the continuous grade's), a false extra component when it did.
    if (known.inContinuous.some((images) => matches(t, images))) {
      if (section.continuous !== 'trivial') return { verdict: 'wrong', reason: `generator "${g.description}" lies in the continuous part ${section.continuous}` }
      continue
    }
    if (!known.symmetries.some((images) => matches(t, images))) {
      return { verdict: 'wrong', reason: `generator "${g.description}" is no symmetry${known.symmetries.length ? '' : ' (there is none beyond the continuous part)'}` }
    }
  }
  const missing: string[] = []
  for (const images of known.symmetries) {
    const t = section.tests.find((x) => matches(x, images))
    if (!t) {
      missing.push('the true involution was not proposed')
      continue
    }
    if (t.decision !== 'symmetric') return { verdict: 'wrong', reason: `the true involution "${t.description}" was ${t.decision === 'rejected' ? 'rejected' : 'called off the manifold'}` }
    if (!section.generators.some((g) => matches(section.tests[g.test], images))) return { verdict: 'wrong', reason: `"${t.description}" not rejected but no generator reaches it` }
  }
  for (const images of known.broken) {
    const t = section.tests.find((x) => matches(x, images))
    if (!t) {
      missing.push('the broken reflection was not proposed')
      continue
    }
    if (t.decision === 'symmetric') return { verdict: 'wrong', reason: `"${t.description}" not rejected at asymmetry ${known.asymmetry.toFixed(2)}` }
  }
  return missing.length ? { verdict: 'withheld', reason: missing.join('; ') } : { verdict: 'right', reason: '' }
}
