// The symmetry section's work budget (issue 18): the estimate grows with the shape, and the section is skipped with a
// note exactly where the estimate passes MAX_SYMMETRY_WORK, for any number of rows.
import { describe, expect, it } from 'vitest'
import { MAX_SYMMETRY_WORK, symmetryBudgetNote, symmetryWork } from '../../../core/symmetries/budget.js'
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
