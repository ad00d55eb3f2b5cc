// The scan's grid (core/scan/grid.ts): log-spaced β, lists, and every limit named in its error.
import { describe, expect, it } from 'vitest'
import { checkScanGrid, logSpaced, MAX_SCAN_POINTS, parseBetaGrid } from '../../../core/scan/index.js'
import { isSymscopeError } from '../../../core/index.js'

const errorOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error
  }
  return null
}

describe('parseBetaGrid', () => {
  it('spaces from:to:n logarithmically, both ends included', () => {
    // numpy.geomspace(0.01, 1, 3) = [0.01, 0.1, 1]; numpy.geomspace(0.01, 3, 12)[1] = 0.016795…
    expect(parseBetaGrid('0.01:1:3')).toEqual([0.01, 0.1, 1])
    const twelve = parseBetaGrid('0.01:3:12')
    expect(twelve).toHaveLength(12)
    expect(twelve[0]).toBe(0.01)
    expect(twelve[11]).toBe(3)
    expect(twelve[1]).toBeCloseTo(0.01 * 300 ** (1 / 11), 11)
    for (let i = 2; i < 12; i++) expect(twelve[i] / twelve[i - 1]).toBeCloseTo(twelve[1] / twelve[0], 9)
    expect(parseBetaGrid('0.5:2:1')).toEqual([0.5])
  })

  it('sorts a comma list', () => {
    expect(parseBetaGrid('0.5, 0.1,0.2')).toEqual([0.1, 0.2, 0.5])
  })

  it('names the problem for a bad grid', () => {
    for (const [text, message] of [
      ['0:1:3', /holds 0/], ['-0.1,1', /holds -0.1/], ['nan,1', /holds NaN/], ['0.1:200:3', /≤ 100/], ['0.1:1:2.5', /integer from 1 to 64/],
      ['1:0.1:3', /upwards/], ['0.1,0.1', /repeats/], ['0.1:1', /from:to:n/], ['', /holds NaN/],
    ] as const) {
      const error = errorOf(() => parseBetaGrid(text))
      expect(isSymscopeError(error), text).toBe(true)
      expect((error as Error).message).toMatch(message)
    }
  })
})

describe('checkScanGrid', () => {
  it('counts points over all axes against MAX_SCAN_POINTS', () => {
    expect(checkScanGrid({ beta: [0.2, 0.1], seeds: [3, 1], latent: [4, 2] })).toEqual({ beta: [0.1, 0.2], seeds: [3, 1], latent: [2, 4] })
    const error = errorOf(() => checkScanGrid({ beta: logSpaced(0.01, 1, 16), seeds: Array.from({ length: 17 }, (_, i) => i), latent: [] }))
    expect((error as { code: string }).code).toBe('too_large')
    expect((error as Error).message).toContain(`272 points (16 β × 17 seeds × 1 latent sizes); at most ${MAX_SCAN_POINTS}`)
    expect(() => checkScanGrid({ beta: [0.1], seeds: [1, 1], latent: [] })).toThrow(/seeds repeat/)
    expect(() => checkScanGrid({ beta: [0.1], seeds: [1], latent: [0] })).toThrow(/latent size must be an integer from 1 to 64/)
    expect(() => checkScanGrid({ beta: [], seeds: [1], latent: [] })).toThrow(/1 to 64 β values/)
  })
})
