// The scan's figures (client/plots/scan*.ts) on a tiny hand-made scan: two β, two seeds, a linear VAE.
import { describe, expect, it } from 'vitest'
import { scanFigures } from '../../../client/plots/scanFigures.js'
import { scanCollapseSvg } from '../../../client/plots/scanCollapse.js'
import { scanStaircaseSvg } from '../../../client/plots/scanStaircase.js'
import type { Scan } from '../../../core/report/scanSchema.js'
import { marks, tinyReport, wellFormed } from './fixtures.js'

const spread = (mean: number, d = 0.02) => ({ mean, min: mean - d, max: mean + d })
const scan: Scan = {
  schema: 'symscope-scan/1',
  id: 'a'.repeat(64),
  version: '0.1.0',
  dataset: tinyReport.dataset,
  grid: { beta: [0.1, 1], seeds: [1, 2], latent: [2] },
  config: { hidden: 64, layers: 0, activation: 'relu', linear: true, learningRate: 0.01, batchSize: 256, epochs: 5, validationSplit: 0.2, patience: 0, threshold: 0.05 },
  points: [],
  series: [
    {
      latent: 2,
      ranks: [
        { rank: 1, relevance: [spread(0.9), spread(0.3)] },
        { rank: 2, relevance: [spread(0.6), spread(0.001, 0.0005)] },
      ],
      relevantCount: [spread(2, 0), spread(1, 0)],
      latentDimension: [spread(2, 0.1), spread(1, 0.05)],
      collapse: [{ rank: 1, beta: null }, { rank: 2, beta: 1 }],
    },
  ],
  linearToy: {
    eigenvalues: [1.5, 0.5],
    collapse: [{ rank: 1, beta: 1.5 }, { rank: 2, beta: 0.5 }],
    prediction: { beta: [0.1, 0.316, 1], ranks: [{ rank: 1, relevance: [0.933, 0.789, 0.333] }, { rank: 2, relevance: [0.8, 0.368, 0] }] },
  },
}

describe('scan figures', () => {
  it('draw the staircase: a line and a band per rank, and the toy model dashed over them', () => {
    const svg = scanStaircaseSvg(scan)
    expect(wellFormed(svg)).toBe(true)
    expect(marks(svg, 'band')).toHaveLength(2)
    expect(marks(svg, 'line').filter((l) => l.includes('data-rank'))).toHaveLength(2)
    expect(marks(svg, 'line').filter((l) => l.includes('data-prediction'))).toHaveLength(2)
    expect(svg).toContain('rank 2, β = 0.1: R = 0.6')
    expect(marks(svg, 'threshold')).toHaveLength(1)
  })

  it('draw unconverged points hollow, one circle per rank at its relevance, and only those', () => {
    const point = (beta: number, seed: number, converged: boolean) => ({
      id: 'b'.repeat(64), beta, seed, latent: 2, relevances: [0.7, 0.2], relevantCount: 2, latentDimension: null, latentInterval: null, converged, collapsing: 0,
    })
    const withPoints: Scan = { ...scan, points: [point(0.1, 1, true), point(1, 1, false), point(1, 2, true)] }
    const svg = scanStaircaseSvg(withPoints)
    expect(wellFormed(svg)).toBe(true)
    const hollow = svg.match(/<circle [^>]*data-unconverged="\d"[^>]*>/g) ?? []
    expect(hollow).toHaveLength(2)
    for (const c of hollow) expect(c).toContain('fill="none"')
    expect(svg).toContain('not converged (hollow)')
    expect(scanStaircaseSvg(scan)).not.toContain('data-unconverged')
  })

  it('mark the collapse β per rank, the never-collapsing one at the edge, and the predicted β_k as diamonds', () => {
    const svg = scanCollapseSvg(scan)
    expect(wellFormed(svg)).toBe(true)
    expect(svg).toContain('rank 2 collapses at β = 1')
    expect(marks(svg, 'never')).toHaveLength(1)
    expect(marks(svg, 'predicted')).toHaveLength(2)
  })

  it('come as three files per latent size', () => {
    expect(scanFigures(scan).map((f) => f.name)).toEqual(['staircase.svg', 'counts.svg', 'collapse.svg'])
    const two = { ...scan, series: [scan.series[0], { ...scan.series[0], latent: 3 }] }
    expect(scanFigures(two).map((f) => f.name)).toEqual([
      'staircase-latent2.svg', 'counts-latent2.svg', 'collapse-latent2.svg', 'staircase-latent3.svg', 'counts-latent3.svg', 'collapse-latent3.svg',
    ])
    for (const f of scanFigures(scan)) expect(wellFormed(f.svg)).toBe(true)
  })
})
