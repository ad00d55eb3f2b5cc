// Gride past k = 64 by subsampling, and the plateaus of the dimension-against-scale curve (issue 9, item 7).
import { describe, expect, it } from 'vitest'
import { subsampledGrideCurve } from '../../../core/id/gride.js'
import { nearestNeighbours } from '../../../core/id/neighbours.js'
import { plateaus } from '../../../core/id/plateaus.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { circle } from '../../../testdata/symmetries.js'

const wasm = await loadWasm()

describe('dimension against scale', () => {
  it('a circle with 3 % radial noise: 2 below the noise, 1 above it, and the curve reaches the whole circle', () => {
    const sample = circle(wasm, { n: 4000, seed: 41, noise: 0.03 })
    const points = Float32Array.from(sample.data)
    const asked: [number, number][] = []
    const curve = subsampledGrideCurve((m, k) => (asked.push([m, k]), nearestNeighbours(wasm, points.subarray(0, 2 * m), m, 2, k)), 4000)
    // Subsamples of 4000 (k ≤ 16: 32 neighbours), then 1000 (k = 4 … 64; no 250: below 256) events.
    expect(asked).toEqual([[4000, 32], [1000, 128]])
    expect(curve.filter((p) => p.points === 1000).map((p) => p.k)).toEqual([4, 8, 16, 32, 64])
    expect(curve.at(-1)!.medianDistance).toBeGreaterThan(0.3)
    const found = plateaus(curve)
    expect(found.map((p) => p.dimension)).toEqual([2, 1])
    // The step sits a few noise widths out: between 0.03 and the radius.
    expect(found[0].to).toBeLessThan(found[1].from)
    expect(found[1].from).toBeGreaterThan(0.03)
    expect(found[1].from).toBeLessThan(0.4)
  })

  it('plateaus need two points within 0.25 of one integer; a transition is none', () => {
    const point = (dimension: number, medianDistance: number) => ({ k: 1, dimension, n: 100, medianDistance, points: 100 })
    expect(plateaus([point(2.1, 1), point(1.95, 2), point(1.5, 3), point(1.1, 4), point(0.98, 5), point(1.2, 6)]).map((p) => [p.dimension, p.points])).toEqual([[2, 2], [1, 3]])
    expect(plateaus([point(1.6, 1), point(2.3, 2)])).toEqual([])
  })
})
