// The moment kernel (assembly/symmetries/monomialMoments.ts) against its plain-TypeScript twin, and the monomial
// basis it walks. Same loop and the same f64 operations on both sides, so the sums agree to the last bit or two.
import { describe, expect, it } from 'vitest'
import { SymscopeError, blockSizes, monomialBasis, wasmMoments } from '../../../core/index.js'
import { productIndex } from '../../../core/symmetries/constraints/monomials.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { typescriptMoments } from '../../../reference/monomialMoments.js'
import { typescriptOrbitMoments } from '../../../reference/orbitMoments.js'
import { typescriptRowOrder } from '../../../reference/rowOrder.js'
import { wasmOrbitMoments } from '../../../core/symmetries/invariance/orbitMoments.js'
import { wasmRowOrder } from '../../../core/symmetries/kernels/eventOrder.js'
import { flowGrid } from '../../../core/symmetries/tangentFields/flow.js'
import { derivative } from '../../../core/symmetries/constraints/polynomial.js'

describe('monomialBasis', () => {
  it('lists C(d + k, k) monomials in graded lexicographic order, each its parent times one variable', () => {
    const basis = monomialBasis(3, 2)
    // 1, z1, z2, z3, z1², z1z2, z1z3, z2², z2z3, z3²: C(5, 2) = 10
    expect(basis.exponents.map((e) => [...e].join(''))).toEqual(['000', '100', '010', '001', '200', '110', '101', '020', '011', '002'])
    expect(monomialBasis(8, 4).count).toBe(495) // C(12, 4)
    for (let m = 1; m < basis.count; m++) {
      const child = basis.exponents[basis.parents[m]].slice()
      child[basis.factors[m]]++
      expect([...child]).toEqual([...basis.exponents[m]])
    }
    expect(basis.indexOf([1, 0, 1])).toBe(6)
    expect(basis.indexOf([3, 0, 0])).toBe(-1)
    expect(productIndex(basis, 1, 8, monomialBasis(3, 3))).toBe(monomialBasis(3, 3).indexOf([1, 1, 1]))
  })
})

describe('monomial moments', () => {
  it('wasm block sums equal the TypeScript reference (degree 4, 3 of 5 columns, uneven blocks)', async () => {
    const wasm = await loadWasm()
    const rows = 1003
    const cols = 5
    const data = Float64Array.from({ length: rows * cols }, (_, i) => Math.sin(0.37 * i) * 3 + (i % cols))
    const request = { columns: Int32Array.of(4, 0, 2), shift: Float64Array.of(4, 0.1, 2), scale: Float64Array.of(0.5, 1, 2) }
    const basis = monomialBasis(3, 4)
    const fromWasm = wasmMoments(wasm, data, rows, cols)
    const reference = typescriptMoments(wasm, data, rows, cols)
    const a = fromWasm.sums(request, basis, 7)
    const b = reference.sums(request, basis, 7)
    fromWasm.dispose()
    expect(a.length).toBe(7 * basis.count)
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b[i])))
    // Block b holds rows ⌊b·n/B⌋ … : the constant monomial counts them.
    expect(Array.from({ length: 7 }, (_, blk) => a[blk * basis.count])).toEqual(blockSizes(rows, 7))
  })

  it('checks its request before the kernel runs', async () => {
    const wasm = await loadWasm()
    const moments = wasmMoments(wasm, new Float64Array(20), 10, 2)
    const one = { shift: Float64Array.of(0), scale: Float64Array.of(1) }
    expect(() => moments.sums({ columns: Int32Array.of(2), ...one }, monomialBasis(1, 2), 1)).toThrow(/column 2 is outside 0 … 1/)
    expect(() => moments.sums({ columns: Int32Array.of(0), ...one }, monomialBasis(1, 2), 11)).toThrow(SymscopeError)
    expect(() => moments.sums({ columns: Int32Array.of(0, 1), ...one }, monomialBasis(2, 2), 1)).toThrow(/one shift and scale per column/)
    moments.dispose()
  })
})

describe('the other per-event kernels against their TypeScript twins', () => {
  it('polynomial sums: g = x1² + x3² − 4 on a circle of radius 2 reads 0 on every event, its gradient |∇g|² = 4 · 4', async () => {
    const wasm = await loadWasm()
    const rows = 501
    const cols = 3
    // x1 = 2 cos t, x2 = t (ignored), x3 = 2 sin t: g vanishes up to rounding; |∇g|² = 4 (x1² + x3²) = 16.
    const data = Float64Array.from({ length: rows * cols }, (_, i) => {
      const t = 0.013 * Math.floor(i / cols)
      return [2 * Math.cos(t), t, 2 * Math.sin(t)][i % cols]
    })
    const basis = monomialBasis(2, 2)
    const coefficients = new Float64Array(basis.count)
    coefficients[0] = -4
    coefficients[basis.indexOf([2, 0])] = 1
    coefficients[basis.indexOf([0, 2])] = 1
    const request = { columns: Int32Array.of(0, 2), basis, coefficients, gradients: [0, 1].map((a) => derivative(coefficients, a, basis)), sigma: Float64Array.of(1, 0.5) }
    const fromWasm = wasmMoments(wasm, data, rows, cols)
    const a = fromWasm.polynomial(request)
    const b = typescriptMoments(wasm, data, rows, cols).polynomial(request)
    fromWasm.dispose()
    expect(a).toEqual(b) // the same f64 operations in the same order
    // The constant term is skipped (the caller takes the mean as the constant): Σ (x1² + x3²) = 4 rows, no spread about it.
    expect(a.sum).toBeCloseTo(4 * rows, 9)
    expect(a.squares).toBeLessThan(1e-24 * rows)
    expect(a.gradientSquares / rows).toBeCloseTo(16, 10)
    // σ = (1, 0.5): Σ (2 x1)² + (x3)² = 4 · 4 cos² t + 4 sin² t per event.
    const expected = Array.from({ length: rows }, (_, i) => 16 * Math.cos(0.013 * i) ** 2 + 4 * Math.sin(0.013 * i) ** 2).reduce((s, v) => s + v, 0)
    expect(a.gradientSquaresZ).toBeCloseTo(expected, 6)
    expect(a.termSum[basis.indexOf([2, 0])]).toBeCloseTo(Array.from({ length: rows }, (_, i) => 4 * Math.cos(0.013 * i) ** 2).reduce((s, v) => s + v, 0), 8)
  })

  it('orbit moments: a rotation by random quarter turns keeps x² + y² on every event and averages x, y to zero', async () => {
    const wasm = await loadWasm()
    const rows = 200
    const z = Float64Array.from({ length: rows * 2 }, (_, i) => (i % 2 ? 0.2 : 1) + 0.001 * i)
    const basis = monomialBasis(2, 4)
    const theta = Float64Array.of(0, -1, 1, 0, 0, 0) // A = [[0, −1], [1, 0]], b = 0: the rotation, period 2π
    const request = { z, rows, d: 2, grid: flowGrid(theta, 2, 2 * Math.PI, 4), gridCount: 4, basis, copies: 7, seed: 5, firstStream: 11 }
    const a = wasmOrbitMoments(wasm, request)
    const b = typescriptOrbitMoments(wasm, request)
    expect(Array.from(a)).toEqual(Array.from(b))
    // An odd number of events: the kernel's last event goes alone, after its two lanes.
    const odd = { ...request, rows: rows - 1, z: z.subarray(0, 2 * (rows - 1)) }
    expect(Array.from(wasmOrbitMoments(wasm, odd))).toEqual(Array.from(typescriptOrbitMoments(wasm, odd)))
    expect(wasmOrbitMoments(wasm, odd)[0]).toBe(rows - 1)
    const radius = Array.from({ length: rows }, (_, i) => z[2 * i] ** 2 + z[2 * i + 1] ** 2).reduce((s, v) => s + v, 0)
    for (let c = 0; c < 7; c++) {
      const sums = a.subarray(c * basis.count, (c + 1) * basis.count)
      expect(sums[0]).toBe(rows)
      expect(sums[basis.indexOf([2, 0])] + sums[basis.indexOf([0, 2])]).toBeCloseTo(radius, 9)
      // Quarter turns at random: the mean of x over the copy is a sum of ±x, ±y of magnitude ≪ Σ |x|.
      expect(Math.abs(sums[1])).toBeLessThan(0.3 * z.reduce((s, v) => s + Math.abs(v), 0))
    }
    expect(a.subarray(1, 3)).not.toEqual(a.subarray(basis.count + 1, basis.count + 3)) // each copy its own stream
  })

  it('row order: rows sorted feature by feature, ties by index, the same permutation on both sides', async () => {
    const wasm = await loadWasm()
    const data = Float64Array.of(3, 1, 2, 5, 2, 0, 3, 0, 2, 5, -0, 9)
    // rows (3,1) (2,5) (2,0) (3,0) (2,5) (−0,9): −0 sorts with 0 as an equal; (2,5) twice keeps index order.
    expect(Array.from(wasmRowOrder(wasm, data, 6, 2))).toEqual([5, 2, 1, 4, 3, 0])
    const many = Float64Array.from({ length: 3001 * 3 }, (_, i) => Math.round(Math.sin(1.7 * i) * 3))
    expect(Array.from(wasmRowOrder(wasm, many, 3001, 3))).toEqual(Array.from(typescriptRowOrder(wasm, many, 3001, 3)))
    // A constant first column (as E1 = 5 for e⁺e⁻) cannot decide: the sort starts at the next one; all constant: index order.
    const constantFirst = many.map((v, i) => (i % 3 === 0 ? 5 : v))
    expect(Array.from(wasmRowOrder(wasm, constantFirst, 3001, 3))).toEqual(Array.from(typescriptRowOrder(wasm, constantFirst, 3001, 3)))
    expect(Array.from(wasmRowOrder(wasm, new Float64Array(8).fill(2), 4, 2))).toEqual([0, 1, 2, 3])
  })
})
