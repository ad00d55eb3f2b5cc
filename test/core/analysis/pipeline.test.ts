// The pipeline runs one way: the symmetry section comes from the data before training (symmetriesOf), and the
// report only adds the trained latents' alignment with its orbits. Checked on a circle, whose so(2) has orbits.
import { beforeAll, describe, expect, it } from 'vitest'
import { inputFromEvents, prepareAnalysis, reportFromTraining, symmetriesOf, trainAnalysis, type PreparedAnalysis } from '../../../core/analysis/index.js'
import { generateEvents, type SymscopeWasm } from '../../../core/index.js'
import { loadWasm } from '../../../core/wasm/node.js'

let wasm: SymscopeWasm
let prepared: PreparedAnalysis

beforeAll(async () => {
  wasm = await loadWasm()
  prepared = await prepareAnalysis(wasm, inputFromEvents(generateEvents(wasm, { dataset: 'circle', n: 1200, seed: 8 })), { config: { epochs: 6, seed: 3 } })
})

describe('the symmetry section', () => {
  it('is found from the data alone: the report has it, plus only the alignment of the relevant latents', async () => {
    const before = symmetriesOf(wasm, prepared)
    expect(before.manifoldAlgebra?.name).toBe('so(2)')
    expect(before.alignment).toEqual([])
    const report = await reportFromTraining(wasm, prepared, await trainAnalysis(wasm, prepared), before)
    expect(report.symmetries!.alignment.length).toBeGreaterThan(0)
    expect({ ...report.symmetries, alignment: [] }).toEqual(before)
    expect(before.alignment).toEqual([]) // the section handed in is not changed
  }, 120_000)

  it('given to reportFromTraining, is the one the report aligns (not found again after training)', async () => {
    const given = { ...symmetriesOf(wasm, prepared), notes: ['computed before training'] }
    const report = await reportFromTraining(wasm, prepared, await trainAnalysis(wasm, prepared), given)
    expect(report.symmetries!.notes).toEqual(['computed before training'])
  }, 120_000)
})
