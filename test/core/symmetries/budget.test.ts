// The symmetry section's work budget (issue 18): the estimate grows with the shape, and the section is skipped with a
// note exactly where the estimate passes MAX_SYMMETRY_WORK, for any number of rows.
import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_ALGEBRA_WORK, MAX_SIMPLIFY_WORK, MAX_SYMMETRY_WORK, algebraBudgetNote, algebraWork, simplifyBudgetNote, simplifyWork, symmetryBudgetNote, symmetryWork } from '../../../core/symmetries/budget.js'
import { findSymmetries } from '../../../core/symmetries/findSymmetries.js'
import { loadWasm } from '../../../core/wasm/node.js'
import type { SymscopeWasm } from '../../../core/wasm/module.js'
import { MAX_SYMMETRY_EVENTS } from '../../../core/symmetries/tolerances.js'

describe('symmetry work budget', () => {
  it.each([50, 60, 2_000, 20_000, MAX_SYMMETRY_EVENTS, 10 * MAX_SYMMETRY_EVENTS])('with %i rows: searched up to the widest affordable table, skipped one feature past it', (rows) => {
    let widest = 1
    while (symmetryWork(rows, widest + 1) <= MAX_SYMMETRY_WORK) widest++
    expect(symmetryBudgetNote(rows, widest)).toBeNull()
    const note = symmetryBudgetNote(rows, widest + 1)
    expect(note).toMatch(new RegExp(`^symmetry search skipped: ${widest + 1} features would cost ~[\\d.e+]+ operations .* past the limit of 2\\.0e\\+8`))
    // The events read are capped at MAX_SYMMETRY_EVENTS: more rows cost no more.
    expect(symmetryWork(rows, widest)).toBe(symmetryWork(Math.min(rows, MAX_SYMMETRY_EVENTS), widest))
  })

  it('skips the widest CSV the readers accept and searches the paper\'s datasets', () => {
    expect(symmetryBudgetNote(60, 1024)).not.toBeNull()
    for (const features of [2, 3, 8, 12, 16]) expect(symmetryBudgetNote(MAX_SYMMETRY_EVENTS, features)).toBeNull()
  })
})

// The stages after the tangency system (issue 18): wide or heavy data whose fields would cost past MAX_ALGEBRA_WORK get
// the algebras marked undetermined with the budget as the reason, in well under the minutes they took before.
describe('algebra work budget', () => {
  let wasm: SymscopeWasm
  beforeAll(async () => {
    wasm = await loadWasm()
  })

  /** Uniform random events in [0, 1)^cols from a Park–Miller stream: an open region, every affine field tangent. */
  function uniform(rows: number, cols: number, seed: number) {
    let state = seed
    const data = new Float64Array(rows * cols)
    for (let i = 0; i < data.length; i++) data[i] = (state = (state * 16807) % 2147483647) / 2147483647
    return { names: Array.from({ length: cols }, (_, j) => `x${j + 1}`), data, n: rows }
  }

  it('is skipped exactly past the limit, and names the fields, the coordinates and the limit', () => {
    for (const d of [2, 4, 6, 8, 10, 12]) {
      let fields = 0
      while (algebraWork(d, fields + 1) <= MAX_ALGEBRA_WORK) fields++
      expect(algebraBudgetNote(d, fields)).toBeNull()
      expect(algebraBudgetNote(d, fields + 1)).toMatch(new RegExp(`^manifold and distribution algebras and discrete symmetries not searched: ${fields + 1} fields tangent to the constraints on ${d} coordinates .*past the limit of 1\\.0e\\+7.*undetermined, not absent`))
    }
    // The full affine algebra of up to 7 coordinates (d² + d fields: open regions of the paper's datasets) fits.
    for (const d of [1, 2, 3, 4, 5, 6, 7]) expect(algebraBudgetNote(d, d * d + d)).toBeNull()
  })

  it('simplifies approximate constraints up to MAX_SIMPLIFY_WORK and notes the rest, for any number of rows', () => {
    for (const [monomials, d] of [[65, 10], [27, 6], [69, 4]]) {
      let rows = 1
      while (simplifyWork(rows + 1, monomials, d) <= MAX_SIMPLIFY_WORK) rows++
      expect(simplifyBudgetNote(rows, monomials, d, 2)).toBeNull()
      expect(simplifyBudgetNote(rows + 1, monomials, d, 2)).toMatch(/not simplified: .* past the limit of 5\.0e\+8$/)
    }
  })

  it.each([
    [10_000, 10, 1],
    [50_000, 10, 2],
    [20_000, 9, 3],
  ])('degrades gracefully on %i uniform events of %i features (seed %i): skipped stage named, within 20 s', (rows, cols, seed) => {
    const started = performance.now()
    const section = findSymmetries(wasm, uniform(rows, cols, seed))
    const seconds = (performance.now() - started) / 1000
    const note = section.notes.find((n) => n.startsWith('manifold and distribution algebras and discrete symmetries not searched'))
    expect(note, section.notes.join(' | ')).toBeDefined()
    // Undetermined, with the budget as the reason, never an empty algebra presented as "no symmetry".
    expect(section.manifoldAlgebra?.status).toBe('undetermined')
    expect(section.manifoldAlgebra?.reason).toBe(note)
    expect(section.manifoldAlgebra?.generators).toEqual([])
    expect(section.distributionAlgebra).toBeNull()
    expect(section.discrete).toBeNull()
    // An approximate constraint too costly to simplify on this many events is written as computed, and says so.
    const unsimplified = section.notes.some((n) => /^approximate constraints of degree 2 written with their computed coefficients, not simplified: .* past the limit of 5\.0e\+8/.test(n))
    expect(unsimplified).toBe(simplifyWork(rows, 65, cols) > MAX_SIMPLIFY_WORK && section.constraints.some((c) => c.degree === 2 && !c.exact))
    // Loose: minutes before the budget (169 s for 2,000 × 10), a few seconds now on a loaded 2-core machine.
    expect(seconds).toBeLessThan(20)
  }, 60_000)

  it('leaves data within the budget searched: a circle in 2 features gets its rotation', () => {
    let state = 7
    const next = () => (state = (state * 16807) % 2147483647) / 2147483647
    const n = 5000
    const data = new Float64Array(2 * n)
    for (let i = 0; i < n; i++) {
      const phi = 2 * Math.PI * next()
      data[2 * i] = Math.cos(phi)
      data[2 * i + 1] = Math.sin(phi)
    }
    const section = findSymmetries(wasm, { names: ['x1', 'x2'], data, n })
    expect(section.notes.some((note) => note.includes('not searched'))).toBe(false)
    expect(section.manifoldAlgebra?.status).toBe('determined')
    expect(section.manifoldAlgebra?.dimension).toBe(1)
  })
})
