// A scan's series read only the points whose training converged: an unconverged point's count is undetermined, so
// it is left out of the bands, the counts and the collapse table (core/scan/summary.ts).
import { describe, expect, it } from 'vitest'
import type { ScanPoint } from '../../../core/report/scanSchema.js'
import { seriesOf } from '../../../core/scan/summary.js'

const point = (beta: number, seed: number, relevances: number[], converged?: boolean): ScanPoint => ({
  id: 'c'.repeat(64), beta, seed, latent: 2, relevances, relevantCount: relevances.filter((r) => r >= 0.05).length,
  latentDimension: null, latentInterval: null, ...(converged === undefined ? {} : { converged, collapsing: 0 }),
})

describe('scan series', () => {
  it('leave unconverged points out of the spread, the count and the collapse β, and keep pre-0.4.0 points', () => {
    const betas = [0.1, 1, 3]
    const points = [
      point(0.1, 1, [0.9, 0.5], true), point(0.1, 2, [0.8, 0.4]),
      // At β = 1 one seed converged with rank 2 collapsed; the other hit its cap still at 0.3: not counted.
      point(1, 1, [0.5, 0.01], true), point(1, 2, [0.6, 0.3], false),
      point(3, 1, [0.01, 0], true), point(3, 2, [0.02, 0], true),
    ]
    const series = seriesOf(points, betas, 2, 0.05)
    expect(series.ranks[1].relevance[1]).toEqual({ mean: 0.01, min: 0.01, max: 0.01 })
    expect(series.relevantCount[1]).toEqual({ mean: 1, min: 1, max: 1 })
    expect(series.ranks[0].relevance[0]!.mean).toBeCloseTo(0.85, 12)
    expect(series.collapse).toEqual([{ rank: 1, beta: 3 }, { rank: 2, beta: 1 }])
    // With every point at β = 1 unconverged, nothing is said there: the collapse of rank 2 is not placed at 1.
    const none = seriesOf(points.map((p) => (p.beta === 1 ? { ...p, converged: false } : p)), betas, 2, 0.05)
    expect(none.ranks[1].relevance[1]).toBeNull()
    expect(none.collapse[1].beta).toBe(3)
  })
})
