import { describe, expect, it } from 'vitest'
import { datasets, getDataset, parseParameterText, resolveParameters, resolveRequest, SymscopeError } from '../../core/index.js'

const errorOf = (fn: () => unknown): SymscopeError => {
  try {
    fn()
  } catch (error) {
    if (error instanceof SymscopeError) return error
    throw error
  }
  throw new Error('expected a SymscopeError')
}

describe('dataset registry', () => {
  it('declares for every dataset its columns, truth (truth_*), degrees of freedom and documented parameters', () => {
    for (const spec of Object.values(datasets)) {
      expect(spec.features.length).toBeGreaterThan(0)
      for (const t of spec.truth) expect(t).toMatch(/^truth_/)
      expect(spec.degreesOfFreedom).toBeGreaterThan(0)
      expect(spec.degreesOfFreedom).toBeLessThanOrEqual(spec.features.length)
      for (const p of spec.parameters) expect(p.description.length).toBeGreaterThan(10)
      // defaults must pass their own schema
      expect(() => resolveParameters(spec, {})).not.toThrow()
    }
  })

  it('fills defaults and keeps given values', () => {
    expect(resolveParameters(getDataset('ee_mumu'), { z: true })).toEqual({ sqrtS: 10, z: true, muonMass: 0.1056583755 })
  })

  it('names the unknown dataset and lists the known ones', () => {
    const error = errorOf(() => getDataset('sphere'))
    expect(error.code).toBe('unknown_dataset')
    expect(error.message).toContain("'sphere'")
    expect(error.message).toContain('circle')
  })

  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ['circle', { radius: 0 }, 'invalid_parameter', /'radius' must be a number above 0 and at most 1,000,000; got 0/],
    ['circle', { noise: 2 }, 'invalid_parameter', /'noise' must be a number from 0 to 1; got 2/],
    ['circle', { radius: '1' }, 'invalid_parameter', /'radius' must be a number.*got "1"/],
    ['circle', { radius: null }, 'invalid_parameter', /'radius' must be a number/],
    ['circle', { colour: 1 }, 'unknown_parameter', /unknown parameter 'colour' \(parameters: radius, noise\)/],
    ['ee_mumu', { z: 'yes' }, 'invalid_parameter', /'z' must be true or false; got "yes"/],
    ['ee_mumu', { sqrtS: Number.NaN }, 'invalid_parameter', /'sqrtS' must be a number above 0 and at most 100,000 \(GeV\)/],
    ['ee_mumu', { sqrtS: 0.2 }, 'invalid_parameter', /'sqrtS' must exceed 2 · muonMass/],
  ]
  it.each(bad)('%s %j is refused', (name, params, code, message) => {
    const error = errorOf(() => resolveParameters(getDataset(name), params))
    expect(error.code).toBe(code)
    expect(error.message).toMatch(message)
  })

  it('checks n and seed with their ranges', () => {
    expect(errorOf(() => resolveRequest({ dataset: 'disk', n: 0, seed: 1 })).message).toMatch(/n must be an integer from 1 to 10,000,000/)
    expect(errorOf(() => resolveRequest({ dataset: 'disk', n: 10, seed: 1, maxEvents: 5 })).code).toBe('too_large')
    expect(errorOf(() => resolveRequest({ dataset: 'disk', n: 10, seed: 0.5 })).message).toMatch(/seed must be an integer/)
  })

  it('reads parameter text as the CLI passes it', () => {
    expect(parseParameterText('91.19')).toBe(91.19)
    expect(parseParameterText('true')).toBe(true)
    expect(parseParameterText('none')).toBe(null)
    expect(parseParameterText('abc')).toBe('abc')
  })
})
