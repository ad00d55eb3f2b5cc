import { beforeAll, describe, expect, it } from 'vitest'
import { generateEvents, intrinsicDimension, nearestNeighbours, twoNN, type SymscopeWasm } from '../../../core/index.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { mulberry32, normalMatrix, normalSampler, uniformMatrix } from '../../../testdata/random.js'

let wasm: SymscopeWasm
beforeAll(async () => {
  wasm = await loadWasm()
})

const N = 4000

const datasetPoints = (dataset: string, n = N) => Float32Array.from(generateEvents(wasm, { dataset, n, seed: 7 }).features)

/** n uniform points of the unit square embedded in 5-D by a random orthonormal 5 × 2 map (Gram–Schmidt) plus an offset. */
function planeIn5d(n: number, seed: number): Float32Array {
  const normal = normalSampler(mulberry32(seed))
  const u = Array.from({ length: 5 }, normal)
  const v = Array.from({ length: 5 }, normal)
  const norm = (w: number[]) => Math.hypot(...w)
  const e1 = u.map((x) => x / norm(u))
  const dot = v.reduce((s, x, i) => s + x * e1[i], 0)
  const w = v.map((x, i) => x - dot * e1[i])
  const e2 = w.map((x) => x / norm(w))
  const square = uniformMatrix(seed + 1, n, 2)
  const out = new Float32Array(n * 5)
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 5; c++) out[i * 5 + c] = 3 + square[2 * i] * e1[c] + square[2 * i + 1] * e2[c]
  }
  return out
}

describe('twoNN', () => {
  it('reads about 1 on a circle', () => {
    expect(Math.abs(intrinsicDimension(wasm, datasetPoints('circle'), N, 2).dimension - 1)).toBeLessThan(0.2)
  })

  it('reads about 2 on a disk and on a plane embedded in 5-D', () => {
    expect(Math.abs(intrinsicDimension(wasm, datasetPoints('disk'), N, 2).dimension - 2)).toBeLessThan(0.2)
    expect(Math.abs(intrinsicDimension(wasm, planeIn5d(N, 5), N, 5).dimension - 2)).toBeLessThan(0.2)
  })

  it('reads about 3 on a 3-D Gaussian', () => {
    // The density is not constant at the neighbour scale in the tails: TwoNN reads a little under 3 there.
    expect(Math.abs(intrinsicDimension(wasm, normalMatrix(3, N, 3), N, 3).dimension - 3)).toBeLessThan(0.3)
  })

  it('matches a NumPy/SciPy computation of the same fit on the same points', () => {
    // Python port of testdata/random.ts mulberry32(2017), 1000 × 3 values cast to float32, then
    //   r, _ = scipy.spatial.cKDTree(x).query(x, k=3); mu = np.sort(r[:, 2] / r[:, 1]); n = len(mu)
    //   kept = int(n * 0.9); lx = np.log(mu[:kept]); ly = -np.log(1 - np.arange(1, kept + 1) / n)
    //   np.sum(lx * ly) / np.sum(lx * lx)  →  2.9057538685176523
    // (f32 distance sums in the kernel: agreement to ~1e-6)
    const result = intrinsicDimension(wasm, uniformMatrix(2017, 1000, 3), 1000, 3)
    expect(result.dimension).toBeCloseTo(2.9057538685176523, 4)
    expect(result.n).toBe(1000)
    expect(result.kept).toBe(900)
    expect(result.duplicates).toBe(0)
  })

  it('keeps the fitted points: ascending log μ, −log(1 − i/n), the largest 10 % discarded', () => {
    const result = twoNN(nearestNeighbours(wasm, datasetPoints('disk', 1000), 1000, 2, 2))
    expect(result.kept).toBe(900)
    expect(result.fit.logMu.length).toBe(900)
    expect(result.fit.logSurvival[0]).toBeCloseTo(-Math.log(1 - 1 / 1000), 15)
    expect(result.fit.logSurvival[899]).toBeCloseTo(-Math.log(1 - 900 / 1000), 15)
    for (let i = 1; i < 900; i++) expect(result.fit.logMu[i]).toBeGreaterThanOrEqual(result.fit.logMu[i - 1])
    // the slope through the origin, recomputed from the kept points
    const xy = result.fit.logMu.reduce((s, x, i) => s + x * result.fit.logSurvival[i], 0)
    const xx = result.fit.logMu.reduce((s, x) => s + x * x, 0)
    expect(result.dimension).toBeCloseTo(xy / xx, 12)
    const all = twoNN(nearestNeighbours(wasm, datasetPoints('disk', 1000), 1000, 2, 2), { discardFraction: 0 })
    expect(all.kept).toBe(999) // i/n = 1 at the largest ratio has no finite −log(1 − F)
  })

  it('gives the same result for the same input, as plain JSON', () => {
    const data = datasetPoints('circle', 2000)
    const first = intrinsicDimension(wasm, data, 2000, 2)
    const second = intrinsicDimension(wasm, Float32Array.from(data), 2000, 2)
    expect(second).toEqual(first)
    expect(JSON.parse(JSON.stringify(first))).toEqual(first)
  })

  it('skips and counts duplicated points instead of dividing by r₁ = 0', () => {
    const unique = datasetPoints('disk', 2000)
    const data = new Float32Array(2200 * 2)
    data.set(unique)
    data.set(unique.subarray(0, 400), 4000) // points 2000 … 2199 repeat points 0 … 199
    const result = intrinsicDimension(wasm, data, 2200, 2)
    expect(result.duplicates).toBe(400)
    expect(result.n).toBe(1800)
    expect(Number.isFinite(result.dimension)).toBe(true)
    expect(Math.abs(result.dimension - 2)).toBeLessThan(0.3)
    expect(result.fit.logMu.every(Number.isFinite)).toBe(true)
  })

  it('throws on k < 2, a bad discard fraction, too few distinct points and a regular grid', () => {
    const data = uniformMatrix(9, 100, 2)
    expect(() => twoNN(nearestNeighbours(wasm, data, 100, 2, 1))).toThrow('twoNN requires at least two neighbours per point (got k = 1)')
    const neighbours = nearestNeighbours(wasm, data, 100, 2, 2)
    expect(() => twoNN(neighbours, { discardFraction: 1 })).toThrow('twoNN requires 0 ≤ discardFraction < 1')
    expect(() => twoNN(neighbours, { discardFraction: -0.1 })).toThrow('twoNN requires 0 ≤ discardFraction < 1')
    expect(() => intrinsicDimension(wasm, new Float32Array(8).fill(1), 4, 2)).toThrow(
      'twoNN requires at least three points with distinct neighbours (got 0)',
    )
    const grid = Float32Array.from({ length: 2 * 400 }, (_, i) => (i % 2 ? Math.floor(i / 40) : (i >> 1) % 20))
    expect(() => intrinsicDimension(wasm, grid, 400, 2)).toThrow('twoNN requires neighbour distance ratios above 1')
    expect(() => intrinsicDimension(wasm, Float32Array.of(0, 1), 2, 1)).toThrow('nearestNeighbours requires an integer k from 1 to 1')
  })
})
