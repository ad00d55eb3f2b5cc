export interface VerdictFacts {
  features: number
  constantFeatures: number
  relevantCount: number
  /** TwoNN of the relevant-latent means (null without relevant latents). */
  latentDimension: number | null
  dataDimension: number
  expectedDegreesOfFreedom: number | null
  /**
   * The truth observable most dependent with the top latent, by distance correlation, with the level independent
   * samples of this size stay below (core/stats/distanceCorrelation.ts, distanceDependence; α = 0.01) and that size.
   */
  top: { truth: string; distance: number; independenceLevel: number; n: number } | null
  /**
   * The free coordinates with their scale, from the symmetry section's dimension-against-scale curve
   * (core/report/symmetryWording.ts, scaleLadder): the text "3 free coordinates at scales above ~29; …" and its rungs,
   * large scales first. When it has rungs it is the verdict's answer, stated first (issue 16, item 5).
   */
  scale?: { text: string; rungs: { count: number | null; where: string }[] } | null
  /** The whole symmetry group with its discrete generators (core/report/discreteWording.ts, groupText). Appended when given. */
  group?: string | null
  /**
   * How training stopped (core/vae/convergence.ts). When it did not converge, the VAE clause says the count is
   * undetermined, with the numbers, and states nothing the relevances do not support. Absent: no stopping rule ran.
   */
  convergence?: { converged: boolean; samples: string; largestDrift: number | null; collapsing: number } | null
}

/**
 * Distance correlation of a bivariate normal pair with correlation ρ (Székely, Rizzo and Bakirov 2007, Theorem 7):
 * dCor² = (ρ arcsin ρ + √(1 − ρ²) − ρ arcsin(ρ/2) − √(4 − ρ²) + 1) / (1 + π/3 − √3).
 */
export function gaussianDistanceCorrelation(rho: number): number {
  const r = Math.abs(rho)
  const numerator = r * Math.asin(r) + Math.sqrt(1 - r * r) - r * Math.asin(r / 2) - Math.sqrt(4 - r * r) + 1
  return Math.sqrt(Math.max(0, numerator / (1 + Math.PI / 3 - Math.sqrt(3))))
}

/**
 * The weakest dependence the verdict calls "follows": that of a Gaussian pair correlated at ρ = 1/2, where the truth
 * explains a quarter of the latent's variance (dCor 0.454). Weaker dependence, even when significant, is stated as
 * weak; dependence within what independent samples reach is stated as none.
 */
export const FOLLOWS_CORRELATION = 0.5
export const FOLLOWS_DISTANCE = gaussianDistanceCorrelation(FOLLOWS_CORRELATION)

/** What the top latent's dependence on the truth supports saying, against independence and against FOLLOWS_DISTANCE. */
function topLatentText(top: NonNullable<VerdictFacts['top']>): string {
  const d = top.distance.toFixed(2)
  if (top.distance > top.independenceLevel && top.distance >= FOLLOWS_DISTANCE) return `the top latent follows ${top.truth} (distance correlation ${d})`
  if (top.distance > top.independenceLevel) {
    return (
      `no truth observable explains the top latent: its strongest dependence, on ${top.truth}, is weak ` +
      `(distance correlation ${d}; "follows" needs ${FOLLOWS_DISTANCE.toFixed(2)}, a Gaussian pair correlated at ${FOLLOWS_CORRELATION})`
    )
  }
  return (
    `no truth observable explains the top latent (strongest: ${top.truth}, distance correlation ${d}, ` +
    `within the ${top.independenceLevel.toFixed(2)} that independent samples of ${top.n} events reach at level 0.01)`
  )
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']
const count = (n: number) => WORDS[n] ?? String(n)
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
const shape = (d: number) => (d === 1 ? 'a 1-dimensional curve' : d === 2 ? 'a 2-dimensional surface' : `a ${d}-dimensional manifold`)

/**
 * The report's verdict in words. Its answer comes first and is one: the ladder of free coordinates by scale, read
 * off the data's dimension curve (issue 16, item 5), e.g. "1 free coordinate at scales above ~0.2 (expected 1); 2
 * below ~0.065: the approximate constraint x1² + x2² ≈ 1 (spread 0.03); 2 input features, 2 relevant latents, the VAE
 * on the rung below ~0.065; the top latent follows truth_theta (distance correlation 0.85)". The VAE's count (the
 * rounded intrinsic dimension of the relevant-latent means: the relevance count alone can exceed it for curved orbits,
 * docs/method.md, "What the count means") is then said as the rung it sits on, never as a second answer; the data's
 * nearest-neighbour (TwoNN) dimension is the ladder's finest rung and is not repeated. Without a ladder (no symmetry
 * section, or a curve with no plateau) the VAE's count is the answer: "2 input features, 2 relevant latents lying on a
 * 1-dimensional curve: one free coordinate (expected 1); …".
 */
export function verdict(f: VerdictFacts): string {
  const parts: string[] = []
  let head = plural(f.features, 'input feature')
  if (f.constantFeatures) head += ` (${f.constantFeatures} constant: exact constraints)`
  const free = Math.max(0, Math.round(f.latentDimension ?? f.dataDimension))
  const expected = f.expectedDegreesOfFreedom !== null ? ` (expected ${f.expectedDegreesOfFreedom})` : ''
  const ladder = f.scale?.rungs.length ? f.scale : null
  if (ladder) parts.push(ladderWithExpectation(ladder, f.expectedDegreesOfFreedom))
  else if (f.scale) parts.push(f.scale.text) // no plateau: says the count is undetermined, the data's dimension follows
  // Without a ladder, the data's nearest-neighbour dimension is all the data alone says.
  const dataAlone = `the data's intrinsic dimension is ${f.dataDimension.toFixed(1)}${expected}`
  if (f.convergence && !f.convergence.converged) {
    const c = f.convergence
    const collapsing = c.collapsing ? `; ${plural(c.collapsing, 'latent')} still collapsing` : ''
    parts.push(
      `${head}, relevant latents undetermined (not converged): ${f.relevantCount} above the threshold when training stopped ` +
        `at ${c.samples} samples, ${
          c.largestDrift === null ? 'too few for a window of checks' : `relevances still moving by up to ${c.largestDrift.toFixed(3)} per window`
        }${collapsing}`,
    )
    if (!ladder) parts.push(dataAlone)
    return parts.join('; ')
  }
  if (f.relevantCount === 0) {
    // Without relevant latents there is nothing to read off the VAE; say what the data alone shows.
    parts.push(`${head}, no relevant latent: the VAE kept nothing above the threshold (too little training, or β too large)`)
    if (!ladder) parts.push(dataAlone)
    if (f.group) parts.push(f.group)
    return parts.join('; ')
  }
  head += `, ${plural(f.relevantCount, 'relevant latent')}`
  if (f.latentDimension !== null && free < f.relevantCount) head += ` lying on ${shape(Math.max(free, 1))}`
  if (ladder) {
    const rung = ladder.rungs.find((r) => r.count === free)
    parts.push(`${head}, ${rung ? `the VAE on the rung ${rung.where}` : `the VAE on no rung of the ladder (${plural(free, 'dimension')} in its latent means)`}`)
  } else parts.push(`${head}: ${count(free)} free coordinate${free === 1 ? '' : 's'}${expected}`)
  if (f.top) parts.push(topLatentText(f.top))
  if (f.group) parts.push(f.group)
  return parts.join('; ')
}

/**
 * The ladder's text with "(expected N)" after the rung whose count is N, or after the first rung when none is: the
 * expectation is read beside the scale where it holds (Drell–Yan's 4 below the dimuon mass's spread).
 */
function ladderWithExpectation(ladder: NonNullable<VerdictFacts['scale']>, expected: number | null): string {
  if (expected === null) return ladder.text
  const rung = ladder.rungs.find((r) => r.count === expected) ?? ladder.rungs[0]
  const at = ladder.text.indexOf(rung.where)
  if (at < 0) return `${ladder.text} (expected ${expected})`
  const end = at + rung.where.length
  return `${ladder.text.slice(0, end)} (expected ${expected})${ladder.text.slice(end)}`
}
