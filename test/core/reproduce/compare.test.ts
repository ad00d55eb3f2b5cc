// reproduce's summary line per experiment (core/reproduce/compare.ts): expected, found, agrees or not, and why, read
// from the report's own numbers. Reports are built for each case so the answer is known by construction.
import { describe, expect, it } from 'vitest'
import { compareWithExpectation, LINEAR_TOY_TOLERANCE } from '../../../core/reproduce/compare.js'
import { PAPER_SUITE } from '../../../core/reproduce/suite.js'
import type { Report } from '../../../core/report/schema.js'
import { tinyReport } from '../../client/plots/fixtures.js'

const drellYan = PAPER_SUITE.find((e) => e.id === 'drell_yan')!
const linearToy = PAPER_SUITE.find((e) => e.id === 'linear_toy')!
const quick = { quick: true, events: 5000, epochs: 15 }

/** tinyReport with the relevant latents' TwoNN and its interval set. */
const withDimension = (latent: number, lower: number, upper: number): Report => ({
  ...tinyReport,
  relevantCount: 2,
  symmetries: undefined,
  intrinsicDimension: { ...tinyReport.intrinsicDimension, latent, latentInterval: { mle: latent, lower, upper, level: 0.95, n: 900, effectiveN: 800 } },
})

describe('compareWithExpectation', () => {
  it('agrees when the rounded TwoNN is the expected count', () => {
    const c = compareWithExpectation(drellYan, withDimension(3.8, 3.6, 4.0), quick)
    expect(c).toEqual({ expected: '4 free coordinates', found: '4 (TwoNN of the relevant latents 3.80, 95 % interval 3.60–4.00)', agrees: 'yes', why: 'TwoNN 3.80 rounds to 4' })
  })

  it('is undetermined when the interval includes the expected count, and says the run was quick', () => {
    const c = compareWithExpectation(drellYan, withDimension(3.2, 2.7, 4.1), quick)
    expect(c.agrees).toBe('undetermined')
    expect(c.why).toBe('the interval includes 4: these events cannot tell 3 from 4; a --quick run (5,000 events, 15 epochs; the full run: 20,000, 40)')
  })

  it('disagrees when the interval excludes it, saying so', () => {
    const c = compareWithExpectation(drellYan, withDimension(3.1, 2.9, 3.3), { quick: false, events: 20000, epochs: 40 })
    expect(c.agrees).toBe('no')
    expect(c.why).toBe('the interval excludes 4')
  })

  it('checks the linear toy model against its closed form within the documented tolerance', () => {
    const toy = (measured: number[]): Report => ({
      ...tinyReport,
      linearToy: { collapseThreshold: 0.15, ranks: measured.map((m, k) => ({ rank: k + 1, eigenvalue: 2 - k, predicted: [0.92, 0.83, 0][k], measured: m, latent: k })) },
    })
    expect(compareWithExpectation(linearToy, toy([0.93, 0.82, 0.001]), quick).agrees).toBe('yes')
    const off = compareWithExpectation(linearToy, toy([0.93, 0.83 - LINEAR_TOY_TOLERANCE - 0.01, 0]), quick)
    expect(off.agrees).toBe('no')
    expect(off.found).toBe('largest |measured − predicted| 0.060 (rank 2: 0.77 against 0.83)')
  })

  it('gives every experiment of the suite a checkable expectation', () => {
    for (const experiment of PAPER_SUITE) expect(experiment.expected).toBeDefined()
  })
})
