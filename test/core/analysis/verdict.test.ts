import { describe, expect, it } from 'vitest'
import { verdict } from '../../../core/analysis/index.js'

const base = { features: 2, constantFeatures: 0, dataDimension: 1.02, expectedDegreesOfFreedom: 1, top: { truth: 'truth_theta', distance: 0.97, independenceLevel: 0.05, n: 4000 } }

describe('verdict', () => {
  it('says the paper example in words', () => {
    expect(verdict({ ...base, relevantCount: 2, latentDimension: 1.03 })).toBe(
      '2 input features, 2 relevant latents lying on a 1-dimensional curve: one free coordinate (expected 1); ' +
        'the top latent follows truth_theta (distance correlation 0.97)',
    )
  })
  it('counts constant features as constraints and does not claim a lower-dimensional shape when there is none', () => {
    expect(verdict({ ...base, features: 8, constantFeatures: 2, relevantCount: 2, latentDimension: 2.1, expectedDegreesOfFreedom: null, top: null })).toBe(
      '8 input features (2 constant: exact constraints), 2 relevant latents: two free coordinates',
    )
  })
  it('says "follows" only for a dependence above both the independence level and a Gaussian pair at ρ = 0.5', () => {
    const facts = { ...base, relevantCount: 2, latentDimension: 1.03 }
    expect(verdict({ ...facts, top: { truth: 'truth_cosTheta', distance: 0.12, independenceLevel: 0.05, n: 4000 } })).toContain(
      'no truth observable explains the top latent: its strongest dependence, on truth_cosTheta, is weak (distance correlation 0.12; "follows" needs 0.45, a Gaussian pair correlated at 0.5)',
    )
    expect(verdict({ ...facts, top: { truth: 'truth_cosTheta', distance: 0.04, independenceLevel: 0.05, n: 4000 } })).toContain(
      'no truth observable explains the top latent (strongest: truth_cosTheta, distance correlation 0.04, within the 0.05 that independent samples of 4000 events reach at level 0.01)',
    )
    // Strong but within chance (a tiny sample): not "follows" either.
    expect(verdict({ ...facts, top: { truth: 'truth_theta', distance: 0.6, independenceLevel: 0.7, n: 8 } })).not.toContain('follows')
    expect(verdict({ ...facts, top: { truth: 'truth_theta', distance: 0.5, independenceLevel: 0.05, n: 4000 } })).toContain('the top latent follows truth_theta')
  })
  it('does not read free coordinates off a VAE that kept no latent', () => {
    const text = verdict({ ...base, relevantCount: 0, latentDimension: null })
    expect(text).toContain('no relevant latent')
    expect(text).toContain("the data's intrinsic dimension is 1.0 (expected 1)")
    expect(text).not.toContain('free coordinate')
  })
  it('states no count when training did not converge: undetermined, with the numbers, and the data alone', () => {
    const convergence = { converged: false, samples: '6.6·10⁵', largestDrift: 0.4567, collapsing: 1 }
    const text = verdict({ ...base, relevantCount: 3, latentDimension: 1.03, convergence })
    expect(text).toBe(
      '2 input features, relevant latents undetermined (not converged): 3 above the threshold when training stopped at ' +
        "6.6·10⁵ samples, relevances still moving by up to 0.457 per window; 1 latent still collapsing; the data's intrinsic dimension is 1.0 (expected 1)",
    )
    expect(verdict({ ...base, relevantCount: 3, latentDimension: 1.03, convergence: { ...convergence, largestDrift: null, collapsing: 0 } })).toContain(
      'at 6.6·10⁵ samples, too few for a window of checks',
    )
    // Converged: the count is stated as before.
    expect(verdict({ ...base, relevantCount: 2, latentDimension: 1.03, convergence: { ...convergence, converged: true } })).toMatch(/^2 input features, 2 relevant latents/)
  })
})
