import { beforeAll, describe, expect, it } from 'vitest'
import { columnMeans, columnVariances, covariance, standardise, type SymscopeWasm } from '../../../core/index.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { expectAllClose } from '../../expectClose.js'
import { columnMeansReference, columnVariancesReference, covarianceReference, standardiseReference } from '../../../reference/moments.js'
import { normalMatrix, uniformMatrix } from '../../../testdata/random.js'

let wasm: SymscopeWasm
beforeAll(async () => {
  wasm = await loadWasm()
})

// Float32 inputs, f64 sums on both sides: the kernels agree with the plain double loops to ~1e-12; 1e-9 leaves room.
const TOLERANCE = 1e-9

describe('column moments against the double-loop reference', () => {
  // Column counts around the SIMD widths (4 for means, 2 for variances) and their remainders.
  for (const cols of [1, 2, 3, 4, 5, 7, 8, 13]) {
    it(`matches on seeded normal data with an offset, 1,001 rows × ${cols} columns`, () => {
      const rows = 1001
      const data = normalMatrix(cols, rows, cols).map((v, i) => 100 * (i % cols) + (1 + (i % cols)) * v)
      expectAllClose(columnMeans(wasm, data, rows, cols), columnMeansReference(data, rows, cols), TOLERANCE)
      expectAllClose(columnVariances(wasm, data, rows, cols), columnVariancesReference(data, rows, cols), TOLERANCE)
      expectAllClose(covariance(wasm, data, rows, cols), covarianceReference(data, rows, cols).flat(), TOLERANCE)
    })
  }

  it('divides by n (population variance)', () => {
    // numpy: np.var([1, 2, 3, 4]) = 1.25 (ddof=0); the sample variance would be 1.6667
    expect(columnVariances(wasm, Float32Array.of(1, 2, 3, 4), 4, 1)[0]).toBe(1.25)
    // numpy: np.cov([[1, 2, 3, 4], [2, 4, 6, 9]], bias=True) = [[1.25, 2.875], [2.875, 6.6875]]
    expectAllClose(covariance(wasm, Float32Array.of(1, 2, 2, 4, 3, 6, 4, 9), 4, 2), [1.25, 2.875, 2.875, 6.6875], 1e-15)
  })

  it('keeps its precision under a large offset (two passes)', () => {
    // 1e4 ± 1: E[x²] − E[x]² would lose half the digits; the variance of (1e4 − 1, 1e4 + 1) is exactly 1
    expect(columnVariances(wasm, Float32Array.of(9999, 10001), 2, 1)[0]).toBe(1)
  })

  it('gives a constant column variance 0 and a symmetric covariance', () => {
    const data = uniformMatrix(3, 500, 3).map((v, i) => (i % 3 === 1 ? 4.5 : v))
    expect(columnVariances(wasm, data, 500, 3)[1]).toBe(0)
    const c = covariance(wasm, data, 500, 3)
    for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) expect(c[j * 3 + k]).toBe(c[k * 3 + j])
  })
})

describe('standardise', () => {
  it('matches the reference and gives each kept column mean 0 and variance 1', () => {
    const rows = 2000
    const cols = 5
    const data = normalMatrix(11, rows, cols).map((v, i) => 3 * v - 7 * (i % cols))
    const result = standardise(wasm, data, rows, cols)
    const reference = standardiseReference(data, rows, cols)
    expect(result.dropped).toEqual([])
    expect(result.columns).toEqual([0, 1, 2, 3, 4])
    expect(result.cols).toBe(cols)
    // f32 output: relative 1e-6 (one Float32 rounding of values of order 1), scale 1 near zero
    expectAllClose(result.data, reference.data, 1e-6)
    expectAllClose(columnMeans(wasm, result.data, rows, cols), new Array(cols).fill(0), 1e-6)
    expectAllClose(columnVariances(wasm, result.data, rows, cols), new Array(cols).fill(1), 1e-6)
  })

  it('drops a constant column and reports it with its value', () => {
    const rows = 300
    const data = uniformMatrix(5, rows, 3).map((v, i) => (i % 3 === 2 ? 45.5 : v))
    const result = standardise(wasm, data, rows, 3)
    expect(result.dropped).toEqual([2])
    expect(result.columns).toEqual([0, 1])
    expect(result.cols).toBe(2)
    expect(result.data.length).toBe(rows * 2)
    expect(result.means[2]).toBe(45.5)
    expect(result.scales[2]).toBe(0)
    expectAllClose(result.data, standardiseReference(data, rows, 3).data, 1e-6)
  })

  it('drops a column constant to Float32 precision under the default tolerance, not with tolerance 0', () => {
    // 91.1876 and its Float32 neighbour: spread 4e-6, 5e-8 of the value (an f64 constraint rounded to f32)
    const next = new Float32Array([91.1876])
    const bits = new Uint32Array(next.buffer)
    bits[0] += 1
    const data = Float32Array.of(1, 91.1876, 2, next[0], 3, 91.1876)
    expect(standardise(wasm, data, 3, 2).dropped).toEqual([1])
    expect(standardise(wasm, data, 3, 2, { tolerance: 0 }).dropped).toEqual([])
  })

  it('gives the documented example', () => {
    const result = standardise(wasm, Float32Array.of(1, 7, 3, 7), 2, 2)
    expect(Array.from(result.data)).toEqual([-1, 1])
    expect(result.dropped).toEqual([1])
    expect(Array.from(result.means)).toEqual([2, 7])
    expect(Array.from(result.scales)).toEqual([1, 0])
  })
})

describe('throws on bad input', () => {
  it('rejects fewer than two rows, mismatched lengths and non-finite values', () => {
    expect(() => columnVariances(wasm, Float32Array.of(1, 2), 1, 2)).toThrow('columnVariances requires at least two rows')
    expect(() => covariance(wasm, Float32Array.of(1, 2), 1, 2)).toThrow('covariance requires at least two rows')
    expect(() => standardise(wasm, Float32Array.of(1), 1, 1)).toThrow('standardise requires at least two rows')
    expect(() => columnMeans(wasm, new Float32Array(0), 0, 1)).toThrow('columnMeans requires at least one row')
    expect(() => columnMeans(wasm, Float32Array.of(1, 2, 3), 2, 2)).toThrow('requires data of length rows × cols = 4 (got 3)')
    expect(() => columnMeans(wasm, Float32Array.of(1, NaN), 2, 1)).toThrow('columnMeans requires finite values (row 2, column 1 is NaN)')
    expect(() => columnMeans(wasm, Float32Array.of(1, 2), 2, 0)).toThrow('columnMeans requires at least one column')
    expect(() => standardise(wasm, Float32Array.of(1, 2), 2, 1, { tolerance: -1 })).toThrow('standardise requires tolerance ≥ 0')
  })

  it('throws SymscopeErrors with code invalid_data', () => {
    try {
      columnVariances(wasm, Float32Array.of(1), 1, 1)
      expect.unreachable()
    } catch (error) {
      expect(error).toMatchObject({ name: 'SymscopeError', code: 'invalid_data' })
    }
  })
})
