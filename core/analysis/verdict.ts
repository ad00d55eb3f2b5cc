export interface VerdictFacts {
  features: number
  constantFeatures: number
  relevantCount: number
  /** TwoNN of the relevant-latent means (null without relevant latents). */
  latentDimension: number | null
  dataDimension: number
  expectedDegreesOfFreedom: number | null
  /** The truth observable the top latent follows best, by distance correlation. */
  top: { truth: string; distance: number } | null
  /**
   * The free coordinates with their scale, from the symmetry section's dimension-against-scale curve
   * (core/symmetries/wording.ts, scaleText): "3 free coordinates at scales above ~29; …". Appended when given.
   */
  scale?: string | null
  /**
   * How training stopped (core/vae/convergence.ts). When it did not converge, the VAE clause says the count is
   * undetermined, with the numbers, and states nothing the relevances do not support. Absent: no stopping rule ran.
   */
  convergence?: { converged: boolean; samples: string; largestDrift: number | null; collapsing: number } | null
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']
const count = (n: number) => WORDS[n] ?? String(n)
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
const shape = (d: number) => (d === 1 ? 'a 1-dimensional curve' : d === 2 ? 'a 2-dimensional surface' : `a ${d}-dimensional manifold`)

/**
 * The report's verdict in words, e.g. "2 input features, 2 relevant latents lying on a 1-dimensional curve: one
 * free coordinate (expected 1); the top latent follows truth_theta (distance correlation 0.97)". The number of free
 * coordinates is the rounded intrinsic dimension of the relevant-latent means (of the data when none is relevant):
 * the relevance count alone can exceed it for curved orbits (docs/method.md, "What the count means").
 */
export function verdict(f: VerdictFacts): string {
  const parts: string[] = []
  let head = plural(f.features, 'input feature')
  if (f.constantFeatures) head += ` (${f.constantFeatures} constant: exact constraints)`
  const free = Math.max(0, Math.round(f.latentDimension ?? f.dataDimension))
  const expected = f.expectedDegreesOfFreedom !== null ? ` (expected ${f.expectedDegreesOfFreedom})` : ''
  if (f.convergence && !f.convergence.converged) {
    const c = f.convergence
    const collapsing = c.collapsing ? `; ${plural(c.collapsing, 'latent')} still collapsing` : ''
    parts.push(
      `${head}, relevant latents undetermined (not converged): ${f.relevantCount} above the threshold when training stopped ` +
        `at ${c.samples} samples, ${
          c.largestDrift === null ? 'too few for a window of checks' : `relevances still moving by up to ${c.largestDrift.toFixed(3)} per window`
        }${collapsing}`,
    )
    parts.push(`the data's intrinsic dimension is ${f.dataDimension.toFixed(1)}${expected}`)
    if (f.scale) parts.push(`in the data: ${f.scale}`)
    return parts.join('; ')
  }
  if (f.relevantCount === 0) {
    // Without relevant latents there is nothing to read off the VAE; say what the data alone shows.
    parts.push(`${head}, no relevant latent: the VAE kept nothing above the threshold (too little training, or β too large)`)
    parts.push(`the data's intrinsic dimension is ${f.dataDimension.toFixed(1)}${expected}`)
    if (f.scale) parts.push(`in the data: ${f.scale}`)
    return parts.join('; ')
  }
  head += `, ${plural(f.relevantCount, 'relevant latent')}`
  if (f.latentDimension !== null && free < f.relevantCount) head += ` lying on ${shape(Math.max(free, 1))}`
  parts.push(`${head}: ${count(free)} free coordinate${free === 1 ? '' : 's'}${expected}`)
  if (f.top) parts.push(`the top latent follows ${f.top.truth} (distance correlation ${f.top.distance.toFixed(2)})`)
  if (f.scale) parts.push(`in the data: ${f.scale}`)
  return parts.join('; ')
}
