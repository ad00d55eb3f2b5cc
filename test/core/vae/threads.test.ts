import { describe, expect, it } from 'vitest'
import { generateEvents } from '../../../core/index.js'
import { resolveVaeConfig } from '../../../core/vae/config.js'
import { disposeVae, trainVae, type TrainedVae } from '../../../core/vae/index.js'
import { checkSteps } from '../../../core/vae/train.js'
import { startTrainingThreads } from '../../../core/wasm/nodeThreads.js'
import { loadWasm } from '../../../core/wasm/node.js'

/** What must not depend on the thread count: every weight, and every loss of the history. */
const outcome = (trained: TrainedVae) => ({
  weights: trained.vae.weights(),
  history: trained.history.map(({ loss, validationLoss, reconstruction, kl }) => ({ loss, validationLoss, reconstruction, kl })),
  steps: trained.steps,
})

describe('the fused trainer on threads', () => {
  it('trains the bits of one thread on two and on three threads, over a few hundred steps', async () => {
    const wasm = await loadWasm()
    // Points on a circle with added noise, so the gradient sums carry rounding in every bit; a batch of 200 is four
    // chunks of 50 (assembly/vae/parallel.ts), which 3 threads share unevenly, and the last chunk of a 250-row batch is
    // short (63, 63, 63, 61).
    const events = generateEvents(wasm, { dataset: 'circle', n: 3000, seed: 11 })
    const cols = events.featureNames.length
    const data = Float32Array.from(events.features, (v, i) => v + 0.05 * Math.sin(7 * i))
    for (const batchSize of [200, 250]) {
      const config = resolveVaeConfig({ latent: 3, hidden: 24, layers: 2, activation: 'tanh', batchSize, epochs: 30, seed: 5 }, cols)
      const single = await trainVae(wasm, data, events.n, cols, config)
      expect(single.steps).toBeGreaterThanOrEqual(250)
      const expected = outcome(single)
      disposeVae(single.vae)
      for (const count of [2, 3]) {
        const threads = await startTrainingThreads(count)
        try {
          let calls = 0 // that the batches did run on the threads
          const counted = { ...threads, train: (args: Parameters<typeof threads.train>[0]) => (calls++, threads.train(args)) }
          const trained = await trainVae(wasm, data, events.n, cols, config, { threads: counted })
          // One call per epoch, and one more where a convergence check falls inside an epoch (core/vae/train.ts).
          const perEpoch = single.steps / config.epochs
          let inside = 0
          for (let m = checkSteps(config); m < single.steps; m += checkSteps(config)) if (m % perEpoch) inside++
          expect(calls).toBe(config.epochs + inside)
          expect(outcome(trained)).toEqual(expected)
          disposeVae(trained.vae)
        } finally {
          await threads.close()
        }
      }
    }
  }, 120_000)

  it('refuses a thread count outside 1 … 16 with the limit named', async () => {
    await expect(startTrainingThreads(0)).rejects.toThrow(/threads must be an integer from 1 to 16; got 0/)
    await expect(startTrainingThreads(2.5)).rejects.toThrow(/from 1 to 16/)
  })
})
