// The paper's datasets through the whole analysis, checked against what is known about them: a circle has one free
// coordinate, a disk two, e⁺e⁻ → μ⁺μ⁻ two (θ, φ). Sizes are small for CI; `symscope reproduce` runs larger ones.
// Default training: the stopping rule (core/vae/convergence.ts) ends it, and must have converged. The three analyses are
// shared with test/core/symmetries/alignment.test.ts (sharedAnalysis: trained once per run).
import { describe, expect, it } from 'vitest'
import { reportSchema } from '../../../core/report/schema.js'
import { PAPER_ANALYSES, sharedAnalysis, topLatent } from './analysisCase.js'

describe('analysis of the paper datasets', () => {
  it('circle: the relevant latents lie on a curve that follows the angle', async () => {
    const report = await sharedAnalysis(PAPER_ANALYSES.circle)
    expect(report.training.convergence!.converged).toBe(true)
    expect(() => reportSchema.parse(report)).not.toThrow()
    // docs/method.md: a plain VAE keeps two latents to embed the closed curve; their means are one-dimensional.
    expect(report.relevantCount).toBe(2)
    expect(report.intrinsicDimension.latent).toBeGreaterThan(0.7)
    expect(report.intrinsicDimension.latent).toBeLessThan(1.4)
    const top = report.correlations.find((c) => c.latent === topLatent(report) && c.truth === 'truth_theta')!
    expect(top.distance).toBeGreaterThan(0.8)
    expect(report.relevantSetCorrelations[0].determination).toBeGreaterThan(0.95)
    // One answer, first: the ladder (an exact circle: 1 from the nearest neighbours on), the VAE placed on its rung.
    expect(report.verdict).toMatch(/^1 free coordinate at scales above ~\S+ \(expected 1\); 2 input features, 2 relevant latents lying on a 1-dimensional curve, the VAE on the rung at scales above /)
    expect(report.latentMaps.plane?.latents).toHaveLength(report.config.latent)
  }, 240_000)

  it('disk: two relevant latents filling two dimensions', async () => {
    const report = await sharedAnalysis(PAPER_ANALYSES.disk)
    expect(report.training.convergence!.converged).toBe(true)
    expect(report.relevantCount).toBe(2)
    expect(report.intrinsicDimension.latent).toBeGreaterThan(1.6)
    expect(report.intrinsicDimension.latent).toBeLessThan(2.4)
    expect(report.intrinsicDimension.data).toBeGreaterThan(1.6)
    expect(report.intrinsicDimension.data).toBeLessThan(2.4)
  }, 240_000)

  it('e⁺e⁻ → μ⁺μ⁻: the energies are exact constraints and at most three latents determine cos θ on a surface', async () => {
    const report = await sharedAnalysis(PAPER_ANALYSES.eeMumu)
    expect(report.training.convergence!.converged).toBe(true)
    expect(report.dataset.constantFeatures.map((c) => c.name)).toEqual(['E1', 'E2'])
    for (const c of report.dataset.constantFeatures) expect(c.value).toBeCloseTo(5, 6)
    expect(report.relevantCount).toBeGreaterThanOrEqual(2)
    expect(report.relevantCount).toBeLessThanOrEqual(3)
    expect(report.intrinsicDimension.latent).toBeGreaterThan(1.5)
    expect(report.intrinsicDimension.latent).toBeLessThan(2.5)
    const cosTheta = report.relevantSetCorrelations.find((c) => c.truth === 'truth_cosTheta')!
    expect(cosTheta.determination).toBeGreaterThan(0.8)
    expect(report.verdict).toMatch(/^2 free coordinates at scales above ~\S+ \(expected 2\);.* relevant latents?( lying on a 2-dimensional surface)?, the VAE on the rung at scales above /)
  }, 240_000)
})
