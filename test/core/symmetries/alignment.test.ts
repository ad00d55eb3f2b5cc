// The VAE's relevant latents against the symmetry orbits, on the network of a whole (small) analysis: the paper's
// toy-model claim that relevant latents follow the free coordinates, i.e. move the decoded point along the orbits.
// Under-trained networks read lower (circle, 3,000 events: 0.79 after 30 epochs, 0.99 after 100), so each case
// trains to convergence (the stopping rule, asserted) at a size CI can afford: the analyses of
// test/core/analysis/paperDatasets.test.ts, trained once per run for both files (sharedAnalysis).
import { describe, expect, it } from 'vitest'
import { reportMarkdown } from '../../../core/report/markdown.js'
import { reportSchema } from '../../../core/report/schema.js'
import { PAPER_ANALYSES, sharedAnalysis } from '../analysis/analysisCase.js'

describe('symmetry alignment of the relevant latents', () => {
  it('circle: every relevant latent moves the decoded point along the so(2) orbit', async () => {
    const report = await sharedAnalysis(PAPER_ANALYSES.circle)
    expect(report.training.convergence!.converged).toBe(true)
    expect(() => reportSchema.parse(report)).not.toThrow()
    const { symmetries } = report
    expect(symmetries?.manifoldAlgebra?.name).toBe('so(2)')
    const relevant = report.latents.filter((l) => l.relevant).map((l) => l.index)
    expect(relevant.length).toBeGreaterThan(0)
    expect(symmetries!.alignment.map((a) => a.latent)).toEqual(relevant)
    for (const a of symmetries!.alignment) {
      expect(a.fraction).toBeGreaterThan(0.9)
      expect(a.points).toBe(500)
    }
    const markdown = reportMarkdown(report)
    expect(markdown).toContain('## Symmetries')
    expect(markdown).toContain('`x1² + x2² = 1`')
    expect(markdown).toContain('**so(2)**, dimension 1')
    expect(markdown).toMatch(/\| z\d+ \| 0\.9\d+ \| 500 \|/)
  }, 240_000)

  it('e⁺e⁻ → μ⁺μ⁻: every relevant latent moves both muons along the so(3) orbits', async () => {
    const report = await sharedAnalysis(PAPER_ANALYSES.eeMumu)
    expect(report.training.convergence!.converged).toBe(true)
    const { symmetries } = report
    expect(symmetries?.manifoldAlgebra?.name).toBe('so(3)')
    expect(symmetries!.alignment.length).toBe(report.relevantCount)
    for (const a of symmetries!.alignment) expect(a.fraction).toBeGreaterThan(0.9)
  }, 240_000)
})
