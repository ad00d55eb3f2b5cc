import { beforeAll, describe, expect, it } from 'vitest'
import { distanceCorrelation, distanceDependence, distanceDependenceOf, distanceMeans, pearson, type SymscopeWasm } from '../../../core/index.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { distanceCorrelationReference, pearsonReference } from '../../../reference/correlation.js'
import { mulberry32, normalSampler } from '../../../testdata/random.js'

let wasm: SymscopeWasm
beforeAll(async () => {
  wasm = await loadWasm()
})

const uniformSample = (seed: number, n: number, low = -1, high = 1) => {
  const random = mulberry32(seed)
  return Float64Array.from({ length: n }, () => low + (high - low) * random())
}

describe('pearson', () => {
  it('matches the reference on seeded correlated data', () => {
    const normal = normalSampler(mulberry32(5))
    const x = Float64Array.from({ length: 5000 }, normal)
    const y = x.map((v) => 0.6 * v + 0.8 * normal() + 3)
    // f64 two-pass sums on both sides: 1e-12
    expect(pearson(wasm, x, y)).toBeCloseTo(pearsonReference(x, y), 12)
  })

  it('is 1 for 2x + 1, −1 for −x, and 0 for a constant', () => {
    const x = uniformSample(1, 1000)
    expect(pearson(wasm, x, x.map((v) => 2 * v + 1))).toBeCloseTo(1, 14)
    expect(pearson(wasm, x, x.map((v) => -v))).toBeCloseTo(-1, 14)
    expect(pearson(wasm, x, new Float64Array(1000).fill(3))).toBe(0)
    expect(pearson(wasm, [1, 2, 3], [3, 5, 7])).toBeCloseTo(1, 15)
  })

  it('throws on mismatched lengths, fewer than two values and non-finite values', () => {
    expect(() => pearson(wasm, [1, 2, 3], [1, 2])).toThrow('pearson requires x and y of the same length (got 3 and 2 values)')
    expect(() => pearson(wasm, [1], [1])).toThrow('pearson requires at least two rows')
    expect(() => pearson(wasm, [1, NaN], [1, 2])).toThrow('pearson requires finite values (x[1] is NaN)')
  })
})

describe('distanceCorrelation', () => {
  it('matches the explicit double-centred matrices (odd and even n, one or more columns)', () => {
    // f64 on both sides, different summation orders: 1e-10
    for (const n of [2, 3, 201, 300]) {
      const x = uniformSample(n, n)
      const y = x.map((v, i) => Math.sin(3 * v) + 0.3 * uniformSample(n + 1, n)[i])
      expect(distanceCorrelation(wasm, x, y)).toBeCloseTo(distanceCorrelationReference(x, y), 10)
    }
    const n = 250
    const x2 = uniformSample(7, 2 * n)
    const y1 = Float64Array.from({ length: n }, (_, i) => x2[2 * i] ** 2 + x2[2 * i + 1] ** 2)
    expect(distanceCorrelation(wasm, x2, y1, { xColumns: 2 })).toBeCloseTo(distanceCorrelationReference(x2, y1, 2, 1), 10)
    const y3 = uniformSample(8, 3 * n)
    expect(distanceCorrelation(wasm, x2, y3, { xColumns: 2, yColumns: 3 })).toBeCloseTo(
      distanceCorrelationReference(x2, y3, 2, 3),
      10,
    )
  })

  it('matches the reference for every pairing of one, two and three columns, odd and even n (the kernel\'s paired lanes and its scalar path)', () => {
    for (const n of [2, 3, 4, 199, 200]) {
      for (const p of [1, 2, 3]) {
        for (const q of [1, 2, 3]) {
          const x = uniformSample(100 * n + 10 * p + q, n * p)
          // y depends on x's first column, through an angle for two columns (cos, sin), as a truth angle is read
          const noise = uniformSample(7 * n + p + q, n * q)
          const y = Float64Array.from({ length: n * q }, (_, i) => Math.cos(2 * x[Math.floor(i / q) * p] + (i % q)) + 0.3 * noise[i])
          expect(distanceCorrelation(wasm, x, y, { xColumns: p, yColumns: q })).toBeCloseTo(distanceCorrelationReference(x, y, p, q), 10)
        }
      }
    }
  })

  it('gives the same bits from each sample\'s row means computed once, as a latent meets every truth observable', () => {
    const n = 301
    const x = uniformSample(21, n)
    const angle = uniformSample(22, n, -Math.PI, Math.PI)
    const y = Float64Array.from({ length: 2 * n }, (_, i) => (i % 2 ? Math.sin : Math.cos)(angle[i >> 1] + 0.5 * x[i >> 1]))
    const xMeans = distanceMeans(wasm, x)
    const yMeans = distanceMeans(wasm, y, 2)
    expect(distanceDependenceOf(wasm, xMeans, yMeans)).toEqual(distanceDependence(wasm, x, y, { yColumns: 2 }))
    expect(distanceDependenceOf(wasm, xMeans, distanceMeans(wasm, x))).toEqual(distanceDependence(wasm, x, x))
    expect(() => distanceDependenceOf(wasm, xMeans, distanceMeans(wasm, x.subarray(0, 300)))).toThrow(
      'distanceCorrelation requires x and y of the same number of rows (got 301 and 300)',
    )
    expect(() => distanceMeans(wasm, Float64Array.of(1, 2, 3), 2)).toThrow('distanceCorrelation requires x and y of the same number of rows')
  })

  it('gives the documented example', () => {
    // numpy/scipy: A, B double-centred from squareform(pdist(...)); sqrt((A*B).mean() / sqrt((A*A).mean() * (B*B).mean()))
    // for x = [−2, −1, 0, 1, 2], y = x² → 0.5159234568589329
    expect(distanceCorrelation(wasm, [-2, -1, 0, 1, 2], [4, 1, 0, 1, 4])).toBeCloseTo(0.5159234568589329, 13)
  })

  it('is small for independent samples, clearly positive for y = x² where pearson is ~0', () => {
    const x = uniformSample(11, 2000)
    const independent = uniformSample(12, 2000)
    expect(distanceCorrelation(wasm, x, independent)).toBeLessThan(0.1)
    const squared = x.map((v) => v * v)
    expect(Math.abs(pearson(wasm, x, squared))).toBeLessThan(0.05)
    expect(distanceCorrelation(wasm, x, squared)).toBeGreaterThan(0.4)
  })

  it('is 1 for an affine map and invariant under scaling, 0 for a constant', () => {
    const x = uniformSample(13, 500)
    expect(distanceCorrelation(wasm, x, x.map((v) => 3 * v - 2))).toBeCloseTo(1, 12)
    const y = x.map((v) => Math.cos(3 * v))
    expect(distanceCorrelation(wasm, x.map((v) => 10 * v), y)).toBeCloseTo(distanceCorrelation(wasm, x, y), 12)
    expect(distanceCorrelation(wasm, x, new Float64Array(500).fill(1))).toBe(0)
  })

  it('sees that two latents together determine what neither determines alone', () => {
    // Latents on a circle, (z₁, z₂) = (cos θ, sin θ), and the observable sin 2θ = 2 z₁ z₂: the pair fixes it, either
    // latent alone hardly (numpy with the same formula, θ uniform, n = 1500: 0.38 together, 0.10 each alone)
    const n = 1500
    const theta = uniformSample(14, n, -Math.PI, Math.PI)
    const z = Float64Array.from({ length: 2 * n }, (_, i) => (i % 2 ? Math.sin : Math.cos)(theta[i >> 1]))
    const y = theta.map((t) => Math.sin(2 * t))
    const together = distanceCorrelation(wasm, z, y, { xColumns: 2 })
    expect(together).toBeGreaterThan(0.3)
    for (const column of [0, 1]) {
      const alone = Float64Array.from({ length: n }, (_, i) => z[2 * i + column])
      expect(together).toBeGreaterThan(2.5 * distanceCorrelation(wasm, alone, y))
    }
  })

  it('throws on mismatched rows, fewer than two rows, bad column counts and more than 20,000 rows', () => {
    expect(() => distanceCorrelation(wasm, [1, 2, 3], [1, 2])).toThrow('distanceCorrelation requires x and y of the same length')
    expect(() => distanceCorrelation(wasm, [1, 2, 3], [1, 2], { xColumns: 2 })).toThrow(
      'distanceCorrelation requires x and y of the same number of rows',
    )
    expect(() => distanceCorrelation(wasm, [1], [1])).toThrow('distanceCorrelation requires at least two rows')
    expect(() => distanceCorrelation(wasm, [1, 2], [1, 2], { xColumns: 0 })).toThrow('requires a positive integer xColumns')
    const big = new Float64Array(20_001)
    expect(() => distanceCorrelation(wasm, big, big)).toThrow('distanceCorrelation accepts at most 20000 rows (got 20001)')
    try {
      distanceCorrelation(wasm, big, big)
    } catch (error) {
      expect(error).toMatchObject({ code: 'too_large' })
    }
  })
})
