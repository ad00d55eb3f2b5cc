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
    const before = await symmetriesOf(wasm, prepared)
    expect(before.manifoldAlgebra?.name).toBe('so(2)')
    expect(before.alignment).toEqual([])
    const report = await reportFromTraining(wasm, prepared, await trainAnalysis(wasm, prepared), before)
    expect(report.symmetries!.alignment.length).toBeGreaterThan(0)
    expect({ ...report.symmetries, alignment: [] }).toEqual(before)
    expect(before.alignment).toEqual([]) // the section handed in is not changed
  }, 120_000)

  it('given to reportFromTraining, is the one the report aligns (not found again after training)', async () => {
    const given = { ...(await symmetriesOf(wasm, prepared)), notes: ['computed before training'] }
    const report = await reportFromTraining(wasm, prepared, await trainAnalysis(wasm, prepared), given)
    expect(report.symmetries!.notes).toEqual(['computed before training'])
  }, 120_000)
})

describe('pauses (a server shares one thread with every request: core/stats/pause.ts)', () => {
  it('leave the symmetry section and the report byte for byte as they are without them', async () => {
    const steps: string[] = []
    const pause = async () => {
      steps.push('pause')
    }
    const pacedSection = await symmetriesOf(wasm, prepared, pause)
    const sectionPauses = steps.length
    expect(sectionPauses).toBeGreaterThan(5)
    expect(JSON.stringify(pacedSection)).toBe(JSON.stringify(await symmetriesOf(wasm, prepared)))
    // The section found inside reportFromTraining (not handed in) is paced as well; the training's wall times are the
    // only fields that differ between any two runs.
    const withoutTime = (report: object) => JSON.stringify(report, (key, value) => (key === 'seconds' ? 0 : value))
    const paced = await reportFromTraining(wasm, prepared, await trainAnalysis(wasm, prepared), undefined, pause)
    expect(steps.length - sectionPauses).toBeGreaterThan(sectionPauses + 5)
    expect(withoutTime(paced)).toBe(withoutTime(await reportFromTraining(wasm, prepared, await trainAnalysis(wasm, prepared))))
  }, 120_000)
})
