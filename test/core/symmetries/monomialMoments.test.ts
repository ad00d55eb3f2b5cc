// The moment kernel (assembly/symmetries/monomialMoments.ts) against its plain-TypeScript twin, and the monomial
// basis it walks. Same loop and the same f64 operations on both sides, so the sums agree to the last bit or two.
import { describe, expect, it } from 'vitest'
import { SymscopeError, blockSizes, monomialBasis, wasmMoments } from '../../../core/index.js'
import { productIndex } from '../../../core/symmetries/monomials.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { typescriptMoments } from '../../../reference/monomialMoments.js'

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
