// The beta distribution's survival function (core/stats/betaSurvival.ts), the tail of the Monte Carlo invariance test.
import { describe, expect, it } from 'vitest'
import { SymscopeError } from '../../../core/index.js'
import { betaSurvival } from '../../../core/stats/betaSurvival.js'

describe('betaSurvival', () => {
  it('matches closed forms: Beta(a, 1), Beta(1, b) and the arcsine law Beta(½, ½)', () => {
    for (const x of [1e-6, 0.01, 0.3, 0.5, 0.77, 0.999]) {
      expect(betaSurvival(x, 3.5, 1)).toBeCloseTo(1 - x ** 3.5, 13) // I_x(a, 1) = x^a
      expect(betaSurvival(x, 1, 40) / (1 - x) ** 40).toBeCloseTo(1, 11) // 1 − I_x(1, b) = (1 − x)^b, relative in the tail
      expect(betaSurvival(x, 0.5, 0.5)).toBeCloseTo(1 - (2 / Math.PI) * Math.asin(Math.sqrt(x)), 13)
    }
    expect(betaSurvival(0, 2, 3)).toBe(1)
    expect(betaSurvival(1, 2, 3)).toBe(0)
  })

  it('matches scipy in the far tail, where the Monte Carlo test reads it', () => {
    // python3 -c "from scipy.stats import beta; print(beta.sf(0.3, 17, 132.5), beta.sf(0.02, 2.5, 7), beta.sf(0.9, 0.5, 3))"
    expect(betaSurvival(0.3, 17, 132.5) / 2.0457370394643693e-8).toBeCloseTo(1, 9)
    expect(betaSurvival(0.02, 2.5, 7)).toBeCloseTo(0.9974123369891028, 13)
    expect(betaSurvival(0.9, 0.5, 3) / 0.00032497467927108346).toBeCloseTo(1, 10)
  })

  it('names bad arguments', () => {
    expect(() => betaSurvival(1.5, 1, 1)).toThrow(SymscopeError)
    expect(() => betaSurvival(0.5, 0, 1)).toThrow(/a, b > 0/)
  })
})
