import { beforeAll, describe, expect, it } from 'vitest'
import { histogram, type SymscopeWasm } from '../../../core/index.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { histogramReference } from '../../../reference/histogram.js'
import { mulberry32, normalMatrix } from '../../../testdata/random.js'

let wasm: SymscopeWasm
beforeAll(async () => {
  wasm = await loadWasm()
})

describe('histogram', () => {
  it('matches the reference exactly on seeded f64 data, with under- and overflow', () => {
    const random = mulberry32(7)
    const values = Float64Array.from({ length: 10_000 }, () => 3 * random() - 1)
    const result = histogram(wasm, values, { bins: 37, min: 0, max: 1.5 })
    const reference = histogramReference(values, { bins: 37, min: 0, max: 1.5 })
    expect(Array.from(result.counts)).toEqual(reference.counts)
    expect(result.underflow).toBe(reference.underflow)
    expect(result.overflow).toBe(reference.overflow)
    expect(result.underflow + result.overflow + result.counts.reduce((s, c) => s + c, 0)).toBe(values.length)
  })

  it('bins one column of a row-major matrix in place (stride and offset), f32 and f64 alike', () => {
    const data = normalMatrix(3, 4000, 3)
    for (const offset of [0, 1, 2]) {
      const options = { bins: 20, min: -2, max: 2, stride: 3, offset }
      const reference = histogramReference(data, options)
      const f32 = histogram(wasm, data, options)
      const f64 = histogram(wasm, Float64Array.from(data), options)
      expect(Array.from(f32.counts)).toEqual(reference.counts)
      expect(Array.from(f64.counts)).toEqual(reference.counts)
      expect([f32.underflow, f32.overflow]).toEqual([reference.underflow, reference.overflow])
    }
  })

  it('puts x = max in the last bin, counts NaN apart, and gives the edges', () => {
    const result = histogram(wasm, [0.1, 0.2, 0.7, 1, 3, -0.5, NaN], { bins: 2, min: 0, max: 1 })
    expect(Array.from(result.counts)).toEqual([2, 2])
    expect(Array.from(result.edges)).toEqual([0, 0.5, 1])
    expect([result.underflow, result.overflow, result.nan]).toEqual([1, 1, 1])
  })

  it('handles an empty input and an offset at the end', () => {
    expect(Array.from(histogram(wasm, [], { bins: 3, min: 0, max: 1 }).counts)).toEqual([0, 0, 0])
    expect(Array.from(histogram(wasm, [0.5, 0.5], { bins: 1, min: 0, max: 1, offset: 2 }).counts)).toEqual([0])
  })

  it('throws on bad options', () => {
    expect(() => histogram(wasm, [1], { bins: 0, min: 0, max: 1 })).toThrow('histogram requires an integer number of bins')
    expect(() => histogram(wasm, [1], { bins: 2.5, min: 0, max: 1 })).toThrow('histogram requires an integer number of bins')
    expect(() => histogram(wasm, [1], { bins: 2, min: 1, max: 1 })).toThrow('histogram requires finite min < max')
    expect(() => histogram(wasm, [1], { bins: 2, min: 0, max: Infinity })).toThrow('histogram requires finite min < max')
    expect(() => histogram(wasm, [1], { bins: 2, min: 0, max: 1, stride: 0 })).toThrow('histogram requires a positive integer stride')
    expect(() => histogram(wasm, [1], { bins: 2, min: 0, max: 1, offset: 2 })).toThrow('histogram requires an integer offset')
  })
})
