// One source for every generator limit (issue 19): the help text (CLI, web form) and the check are both read from the
// dataset's parameter specs and relations, so the help states exactly the bound the check enforces. Tested on every
// relation of every dataset: the value just past its bound is refused naming that parameter, just inside it passes.
import { describe, expect, it } from 'vitest'
import { describeParameter } from '../../core/datasets/parameters.js'
import { datasets, resolveParameters, SymscopeError } from '../../core/index.js'
import { countOf, numberInWords, rangeInWords } from '../../core/rangeText.js'

describe('generator limits: one source for the help and the check', () => {
  const relations = Object.values(datasets).flatMap((spec) => (spec.relations ?? []).map((relation) => ({ spec, relation })))

  it('has relations to test (ee_mumu and drell_yan bound parameters by others)', () => {
    expect(relations.length).toBeGreaterThanOrEqual(6)
  })

  it.each(relations.map(({ spec, relation }) => [`${spec.name}: ${relation.parameter} ${relation.must} ${relation.bound}`, spec, relation] as const))(
    '%s is stated in the help and enforced at its bound',
    (_name, spec, relation) => {
      const parameter = spec.parameters.find((p) => p.name === relation.parameter)!
      expect(describeParameter(spec, parameter)).toContain(`${relation.must === 'exceed' ? 'above' : 'below'} ${relation.bound}`)
      const defaults = resolveParameters(spec, {})
      const bound = relation.value(defaults)
      // At the bound (every relation is strict) the parameter is refused by name: by the relation, or first by its own
      // range where the bound lies outside it (mMax = sqrtS = 13000 is above mMax's 10,000).
      const past = { ...defaults, [relation.parameter]: bound }
      let refused: unknown
      try {
        resolveParameters(spec, past)
      } catch (error) {
        refused = error
      }
      expect(refused).toBeInstanceOf(SymscopeError)
      expect((refused as SymscopeError).message).toMatch(new RegExp(`parameter '${relation.parameter}' must `))
      const inRange = (parameter.minimum === undefined || bound > parameter.minimum) && (parameter.maximum === undefined || bound <= parameter.maximum)
      if (inRange) expect((refused as SymscopeError).message).toContain(`must ${relation.must} ${relation.bound} = ${bound}`)
    },
  )

  it('writes a nullable parameter as "none" (JSON null), the word the CLI, the URL and the form accept', () => {
    const etaMax = datasets.drell_yan.parameters.find((p) => p.name === 'etaMax')!
    expect(describeParameter(datasets.drell_yan, etaMax)).toBe('a number above 0 and at most 20, or none (JSON null) for no cut')
    expect(etaMax.description).not.toMatch(/\bnull\b/)
  })
})

describe('limits in words', () => {
  it('states ranges as people read them', () => {
    expect(rangeInWords({ min: 1, max: 64, integer: true })).toBe('an integer from 1 to 64')
    expect(rangeInWords({ min: 0, max: 1, exclusiveMin: true })).toBe('a number above 0 and at most 1')
    expect(rangeInWords({ min: 0, max: 1, exclusiveMin: true, exclusiveMax: true })).toBe('a number above 0 and below 1')
    expect(rangeInWords({ min: 0 })).toBe('a number at least 0')
    expect(numberInWords(10_000_000)).toBe('10,000,000')
    expect(numberInWords(5000)).toBe('5000')
    expect(numberInWords(Number.MAX_SAFE_INTEGER)).toBe('2^53 − 1')
  })

  it('counts in the singular for one', () => {
    expect(countOf(1, 'event')).toBe('1 event')
    expect(countOf(0, 'event')).toBe('0 events')
    expect(countOf(1_000_000, 'event')).toBe('1,000,000 events')
  })
})
