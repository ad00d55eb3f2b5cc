import { describe, expect, it } from 'vitest'
import { inputFromEvents, plannedSteps, prepareAnalysis, reportFromTraining, trainAnalysis } from '../../../core/analysis/index.js'
import { generateEvents } from '../../../core/index.js'
import { setupTensorflow } from '../../../core/tf/node.js'
import { deserializeTrainingState, disposeVae, serializeTrainingState } from '../../../core/vae/index.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { withoutTimings } from '../analysis/analysisCase.js'

describe('training in slices (a server job under a step budget)', () => {
  it('gives the report of one uninterrupted training, bit for bit, through serialised states', async () => {
    const wasm = await loadWasm()
    await setupTensorflow('wasm')
    const input = inputFromEvents(generateEvents(wasm, { dataset: 'circle', n: 1500, seed: 2 }))
    const options = { config: { epochs: 5, patience: 2 } }

    const once = await prepareAnalysis(wasm, input, options)
    const whole = await reportFromTraining(wasm, once, await trainAnalysis(wasm, once))

    const sliced = await prepareAnalysis(wasm, input, options)
    expect(sliced.id).toBe(once.id)
    const budget = 7 // does not divide the 4 steps per epoch × 5 epochs: slices end mid-epoch
    let trained = await trainAnalysis(wasm, sliced, { maxSteps: budget })
    let slices = 1
    while (!trained.finished) {
      expect(trained.stepsThisCall).toBeLessThanOrEqual(budget)
      const bytes = serializeTrainingState(trained.state!)
      disposeVae(trained.vae)
      trained = await trainAnalysis(wasm, sliced, { maxSteps: budget, resume: deserializeTrainingState(bytes) })
      slices++
    }
    expect(slices).toBe(Math.ceil(plannedSteps(sliced) / budget))
    const report = await reportFromTraining(wasm, sliced, trained)
    expect(withoutTimings(report)).toEqual(withoutTimings(whole))
  }, 120_000)

  it('is exact for the tfjs trainer too, over 300 steps: the state carries Adam\'s bias powers', async () => {
    const wasm = await loadWasm()
    await setupTensorflow('wasm')
    const input = inputFromEvents(generateEvents(wasm, { dataset: 'circle', n: 1500, seed: 3 }))
    const options = { config: { epochs: 75 }, trainer: 'tfjs-wasm' as const } // 4 steps per epoch: 300 steps
    const prepared = await prepareAnalysis(wasm, input, options)
    const whole = await trainAnalysis(wasm, prepared)
    const expected = whole.vae.weights()
    disposeVae(whole.vae)
    let trained = await trainAnalysis(wasm, prepared, { maxSteps: 97 })
    while (!trained.finished) {
      const bytes = serializeTrainingState(trained.state!)
      disposeVae(trained.vae)
      trained = await trainAnalysis(wasm, prepared, { maxSteps: 97, resume: deserializeTrainingState(bytes) })
    }
    expect(trained.vae.weights()).toEqual(expected)
    expect(trained.history.map((h) => h.validationLoss)).toEqual(whole.history.map((h) => h.validationLoss))
    disposeVae(trained.vae)
  }, 120_000)

  it('refuses bytes that are not a training state', () => {
    expect(() => deserializeTrainingState(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(/not a symscope training state/)
  })
})
