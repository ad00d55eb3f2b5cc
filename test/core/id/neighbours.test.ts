import { beforeAll, describe, expect, it } from 'vitest'
import { nearestNeighbours, type SymscopeWasm } from '../../../core/index.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { expectAllClose } from '../../expectClose.js'
import { nearestNeighboursReference } from '../../../reference/neighbours.js'
import { normalMatrix, uniformMatrix } from '../../../testdata/random.js'

let wasm: SymscopeWasm
beforeAll(async () => {
  wasm = await loadWasm()
})

describe('nearestNeighbours', () => {
  // The kernel sums squared distances in Float32 (relative error ≲ cols · 6e-8 on the square, half that on the
  // distance); the reference sums in f64. 2e-6 relative covers 16 columns.
  const TOLERANCE = 2e-6

  // Row counts that leave every remainder of the eight-point step; k from 1 to the 128 that Gride needs.
  const shapes: [rows: number, cols: number, k: number][] = [
    [2, 1, 1],
    [3, 2, 2],
    [9, 3, 8],
    [130, 1, 128],
    [1001, 2, 2],
    [1003, 3, 7],
    [1005, 5, 16],
    [1207, 8, 64],
    [600, 16, 128],
  ]
  for (const [rows, cols, k] of shapes) {
    it(`matches the double-loop reference: ${rows} points × ${cols} columns, k = ${k}`, () => {
      const data = normalMatrix(rows + cols, rows, cols)
      const result = nearestNeighbours(wasm, data, rows, cols, k)
      expect(result.rows).toBe(rows)
      expect(result.k).toBe(k)
      expectAllClose(result.distances, nearestNeighboursReference(data, rows, cols, k), TOLERANCE, 1e-30)
      for (let i = 0; i < rows; i++) {
        for (let m = 1; m < k; m++) expect(result.distances[i * k + m]).toBeGreaterThanOrEqual(result.distances[i * k + m - 1])
      }
    })
  }

  it('gives the documented example', () => {
    // points 0, 1, 3 on a line: from 0 → (1, 3), from 1 → (1, 2), from 3 → (2, 3)
    expect(Array.from(nearestNeighbours(wasm, Float32Array.of(0, 1, 3), 3, 1, 2).distances)).toEqual([1, 3, 1, 2, 2, 3])
  })

  it('reports a duplicated point at distance exactly 0, never NaN, and never a point as its own neighbour', () => {
    const unique = uniformMatrix(3, 200, 2)
    const data = new Float32Array(400)
    data.set(unique)
    data.set(unique.subarray(0, 200), 200) // points 100 … 199 repeat points 0 … 99
    const { distances } = nearestNeighbours(wasm, data, 200, 2, 3)
    for (let i = 0; i < 200; i++) {
      expect(distances[i * 3]).toBe(0)
      expect(distances[i * 3 + 1]).toBeGreaterThan(0)
    }
    expect(distances.every(Number.isFinite)).toBe(true)
    // all points equal: every distance is 0
    expect(Array.from(nearestNeighbours(wasm, new Float32Array(10).fill(2), 5, 2, 4).distances)).toEqual(new Array(20).fill(0))
  })

  it('throws on k outside 1 … min(128, rows − 1), too few rows and bad data', () => {
    const data = uniformMatrix(4, 200, 2)
    expect(() => nearestNeighbours(wasm, data, 200, 2, 0)).toThrow('nearestNeighbours requires an integer k from 1 to 128')
    expect(() => nearestNeighbours(wasm, data, 200, 2, 129)).toThrow('nearestNeighbours requires an integer k from 1 to 128')
    expect(() => nearestNeighbours(wasm, data, 200, 2, 1.5)).toThrow('nearestNeighbours requires an integer k')
    expect(() => nearestNeighbours(wasm, data.subarray(0, 10), 5, 2, 5)).toThrow(
      'nearestNeighbours requires an integer k from 1 to 4, below the 5 rows (got 5)',
    )
    expect(() => nearestNeighbours(wasm, Float32Array.of(1, 2), 1, 2, 1)).toThrow('nearestNeighbours requires at least two rows')
    expect(() => nearestNeighbours(wasm, data, 100, 2, 2)).toThrow('nearestNeighbours requires data of length rows × cols')
    expect(() => nearestNeighbours(wasm, Float32Array.of(1, Infinity, 3), 3, 1, 1)).toThrow('nearestNeighbours requires finite values')
  })
})
