// The paced neighbour searches and the interval's pass over the pairs (core/stats/pause.ts) run their kernels in row
// blocks with a pause between them, so that a single-threaded server answers other requests meanwhile. Their answers
// must be those of the search done at once, to the bit: on random clouds of several shapes, each split into several
// blocks (the pause is counted), the distances, neighbour indices and variances are compared exactly.
import { beforeAll, describe, expect, it } from 'vitest'
import type { SymscopeWasm } from '../../../core/index.js'
import { gride } from '../../../core/id/gride.js'
import { grideIntervals, grideIntervalsPaced } from '../../../core/id/grideInterval.js'
import { nearestTwo, nearestTwoPaced } from '../../../core/id/nearestTwo.js'
import { nearestNeighbours, nearestNeighboursPaced } from '../../../core/id/neighbours.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { normalMatrix, uniformMatrix } from '../../../testdata/random.js'

let wasm: SymscopeWasm
beforeAll(async () => {
  wasm = await loadWasm()
})

/** A pause that counts how often it was awaited. */
function countingPause() {
  const pause = Object.assign(async () => {
    pause.count++
  }, { count: 0 })
  return pause
}

describe('paced neighbour searches', () => {
  const clouds: [name: string, make: (rows: number, cols: number, seed: number) => Float32Array, rows: number, cols: number][] = [
    ['uniform', (r, c, s) => uniformMatrix(s, r, c), 4001, 10],
    ['normal', (r, c, s) => normalMatrix(s, r, c), 4001, 8],
    ['duplicated', (r, c, s) => uniformMatrix(s, r, c).map((v) => Math.round(v * 4) / 4), 4507, 6],
  ]
  for (const [name, make, rows, cols] of clouds) {
    it(`give the unpaced answer to the bit, in several blocks (${name}, ${rows} × ${cols})`, async () => {
      const data = make(rows, cols, rows + cols)
      for (const k of [2, 33]) {
        const pause = countingPause()
        const paced = await nearestNeighboursPaced(wasm, data, rows, cols, k, pause)
        expect(pause.count).toBeGreaterThan(0)
        expect(paced.distances).toEqual(nearestNeighbours(wasm, data, rows, cols, k).distances)
      }
      const pause = countingPause()
      const two = await nearestTwoPaced(wasm, data, rows, cols, pause)
      expect(pause.count).toBeGreaterThan(0)
      const once = nearestTwo(wasm, data, rows, cols)
      expect(two.indices).toEqual(once.indices)
      expect(two.distances).toEqual(once.distances)
      const neighbours = nearestNeighbours(wasm, data, rows, cols, 32)
      const intervalPause = countingPause()
      const intervals = await grideIntervalsPaced(wasm, data, rows, cols, neighbours, [2, 4, 8, 16], 0.9, intervalPause)
      expect(intervalPause.count).toBeGreaterThan(2)
      expect(intervals).toEqual(grideIntervals(wasm, data, rows, cols, neighbours, [2, 4, 8, 16], 0.9))
      // Given the curve's estimates (as the report does), the same intervals without solving Gride again.
      const estimates = [2, 4, 8, 16].map((k) => gride(neighbours, k))
      expect(await grideIntervalsPaced(wasm, data, rows, cols, neighbours, estimates, 0.9)).toEqual(intervals)
      // And TwoNN reads nearestTwo's distances as nearestNeighbours' at k = 2 (the report runs one search for both).
      expect(two.distances).toEqual(nearestNeighbours(wasm, data, rows, cols, 2).distances)
    })
  }
})
