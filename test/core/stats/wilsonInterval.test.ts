import { describe, expect, it } from 'vitest'
import { wilsonInterval } from '../../../core/stats/index.js'

describe('wilsonInterval', () => {
  it('gives the closed forms at the edges: [0, z²/(n + z²)] for k = 0 and [n/(n + z²), 1] for k = n', () => {
    const z2 = 1.96 ** 2
    expect(wilsonInterval(0, 10)).toEqual({ share: 0, lower: 0, upper: expect.closeTo(z2 / (10 + z2), 12) })
    const all = wilsonInterval(200, 200)
    expect(all.lower).toBeCloseTo(200 / (200 + z2), 12)
    expect(all.upper).toBe(1)
  })

  it('is mirrored: the interval of k/n is one minus that of (n − k)/n', () => {
    for (const [k, n] of [[2, 200], [7, 31], [500, 1000]]) {
      const a = wilsonInterval(k, n)
      const b = wilsonInterval(n - k, n)
      expect(a.lower).toBeCloseTo(1 - b.upper, 12)
      expect(a.upper).toBeCloseTo(1 - b.lower, 12)
    }
  })

  it('matches the score test it inverts: at either end, |p̂ − p| = z·√(p(1 − p)/n)', () => {
    const [k, n] = [2, 200]
    const { share, lower, upper } = wilsonInterval(k, n)
    for (const p of [lower, upper]) expect(Math.abs(share - p)).toBeCloseTo(1.96 * Math.sqrt((p * (1 - p)) / n), 12)
    expect(lower).toBeCloseTo(0.00275, 4)
    expect(upper).toBeCloseTo(0.0357, 3)
  })
})
