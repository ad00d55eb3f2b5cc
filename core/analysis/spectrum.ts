import type { LatentStatistics } from '../stats/relevance.js'
import { GAP_FLOOR } from './tolerances.js'

export interface SortedLatent extends LatentStatistics {
  relevant: boolean
}

export interface RelevanceSpectrum {
  latents: SortedLatent[]
  relevantCount: number
  /** Largest ratio R_(j) / R_(j+1) between neighbours in the sorted spectrum, after rank `after` (1-based). */
  largestGap: { after: number; ratio: number }
}

/**
 * Sorts latents by decreasing relevance, marks those with R ≥ threshold as relevant (docs/method.md), and finds the
 * largest gap in the spectrum: the rank after which the relevance drops by the largest factor.
 */
export function relevanceSpectrum(statistics: LatentStatistics[], threshold: number): RelevanceSpectrum {
  const latents = [...statistics]
    .sort((a, b) => b.relevance - a.relevance || a.index - b.index)
    .map((s) => ({ ...s, relevant: s.relevance >= threshold }))
  let largestGap = { after: 0, ratio: 1 }
  for (let j = 0; j + 1 < latents.length; j++) {
    const ratio = Math.max(latents[j].relevance, GAP_FLOOR) / Math.max(latents[j + 1].relevance, GAP_FLOOR)
    if (ratio > largestGap.ratio) largestGap = { after: j + 1, ratio }
  }
  return { latents, relevantCount: latents.filter((l) => l.relevant).length, largestGap }
}
