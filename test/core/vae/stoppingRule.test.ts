// The stopping rule inside a training (core/vae/train.ts with core/vae/convergence.ts): a tiny cap is reported
// undetermined, never counted; the check kernel computes what its definition says; a training that converges in
// slices (a server job) stops at the same step with the same bytes; and the linear toy model, on random spectra away
// from a collapse, converges to its closed form.
import { describe, expect, it } from 'vitest'
import { trainingLine } from '../../../client/cli/commands/analyze.js'
import { inputFromEvents, prepareAnalysis, reportFromTraining, trainAnalysis } from '../../../core/analysis/index.js'
import { generateEvents } from '../../../core/index.js'
import { checkRecord } from '../../../core/vae/convergence.js'
import { FusedTrainer } from '../../../core/vae/fused/trainer.js'
import { deserializeTrainingState, disposeVae, resolveVaeConfig, serializeTrainingState, splitRows } from '../../../core/vae/index.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { withoutTimings } from '../analysis/analysisCase.js'

describe('the stopping rule in training', () => {
  it('reports a run capped before it converged as undetermined, in the report, the verdict and the CLI line', async () => {
    const wasm = await loadWasm()
    const input = inputFromEvents(generateEvents(wasm, { dataset: 'gaussian', n: 3000, seed: 4 }))
    const prepared = await prepareAnalysis(wasm, input, { config: { linear: true, beta: 0.05, samples: 40_000 } })
    const report = await reportFromTraining(wasm, prepared, await trainAnalysis(wasm, prepared))
    const c = report.training.convergence!
    expect(c.converged).toBe(false)
    expect(c.samples).toBeLessThanOrEqual(40_000)
    expect(c.capSamples).toBe(Math.floor(40_000 / 256) * 256)
    expect(report.verdict).toContain('relevant latents undetermined (not converged)')
    expect(report.verdict).not.toMatch(/\d+ relevant latents?[ :]/)
    expect(trainingLine(report)).toContain('NOT converged')
    expect(trainingLine(report)).toContain('relevant count undetermined')
  }, 60_000)

  it('checks with one wasm pass that gives the loss of vaeEvaluate and the moments of the encoder\'s outputs', async () => {
    const wasm = await loadWasm()
    const rows = 700
    const cols = 3
    const data = new Float32Array(rows * cols).map((_, i) => Math.sin(i * 12.9898) * 1.7)
    for (const linear of [true, false]) {
      const config = resolveVaeConfig({ linear, latent: 5, hidden: 16, batchSize: 64, seed: 3 }, cols)
      const { trainRows, validationRows } = splitRows(wasm, rows, config)
      const trainer = new FusedTrainer({ wasm, data, rows, cols, config, trainRows, validationRows })
      const count = validationRows.length
      const { loss, sums } = trainer.check(count)
      expect(loss).toBe(trainer.validate().total)
      const x = new Float32Array(count * cols)
      validationRows.forEach((r, i) => x.set(data.subarray(r * cols, r * cols + cols), i * cols))
      const { means, logVars } = trainer.vae.encode(x, count)
      const record = checkRecord(0, loss, sums, config.latent, count, 0.05)
      for (let k = 0; k < config.latent; k++) {
        let m = 0
        let s2 = 0
        for (let i = 0; i < count; i++) {
          m += means[i * config.latent + k]
          s2 += Math.exp(logVars[i * config.latent + k])
        }
        m /= count
        let v = 0
        for (let i = 0; i < count; i++) v += (means[i * config.latent + k] - m) ** 2
        expect(record.relevance[k]).toBeCloseTo(v / count, 6)
        expect(record.sigma2[k]).toBeCloseTo(s2 / count, 6)
      }
      trainer.dispose()
      disposeVae(trainer.vae)
    }
  })

  it('stops a training run in slices at the same check, with the same report, as the one that never stopped', async () => {
    const wasm = await loadWasm()
    const input = inputFromEvents(generateEvents(wasm, { dataset: 'gaussian', n: 4000, seed: 5 }))
    const options = { config: { linear: true, beta: 0.4, learningRate: 0.005 } }
    const once = await prepareAnalysis(wasm, input, options)
    const whole = await trainAnalysis(wasm, once)
    expect(whole.convergence.converged).toBe(true)
    const steps = whole.steps
    const wholeReport = await reportFromTraining(wasm, once, whole)

    const sliced = await prepareAnalysis(wasm, input, options)
    const budget = 1009 // a prime: slices end between checks and inside epochs
    let trained = await trainAnalysis(wasm, sliced, { maxSteps: budget })
    while (!trained.finished) {
      const bytes = serializeTrainingState(trained.state!)
      disposeVae(trained.vae)
      trained = await trainAnalysis(wasm, sliced, { maxSteps: budget, resume: deserializeTrainingState(bytes) })
    }
    expect(trained.steps).toBe(steps)
    const report = await reportFromTraining(wasm, sliced, trained)
    expect(withoutTimings(report)).toEqual(withoutTimings(wholeReport))
  }, 120_000)

  it('converges to the linear toy model\'s 1 − βD/(2λ_k) on random spectra, away from a collapse', async () => {
    const wasm = await loadWasm()
    let state = 12345
    const uniform = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648)
    for (let trial = 0; trial < 1; trial++) {
      const v = [0.5 + 2 * uniform(), 0.3 + uniform(), 0.05 + 0.3 * uniform()]
      const input = inputFromEvents(generateEvents(wasm, { dataset: 'gaussian', n: 20_000, seed: 10 + trial, params: { v1: v[0], v2: v[1], v3: v[2] } }))
      // A β at least 25 % away from every predicted collapse 2λ_k/D (the eigenvalues λ = 3v/Σv).
      const lambda = v.map((x) => (3 * x) / (v[0] + v[1] + v[2]))
      let beta = 0
      do beta = 0.05 + 0.6 * uniform()
      while (lambda.some((l) => Math.abs(beta - (2 * l) / 3) < 0.25 * ((2 * l) / 3)))
      const prepared = await prepareAnalysis(wasm, input, { config: { linear: true, beta, seed: trial + 1 } })
      const report = await reportFromTraining(wasm, prepared, await trainAnalysis(wasm, prepared))
      expect(report.training.convergence!.converged).toBe(true)
      for (const rank of report.linearToy!.ranks) {
        if (rank.measured !== null) expect(Math.abs(rank.measured - rank.predicted)).toBeLessThan(0.03)
      }
    }
  }, 120_000)
})
