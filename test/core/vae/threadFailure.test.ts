import { describe, expect, it } from 'vitest'
import { generateEvents } from '../../../core/index.js'
import { resolveVaeConfig } from '../../../core/vae/config.js'
import { TrainingThreadError, type TrainingThreads } from '../../../core/vae/fused/threads.js'
import { disposeVae, trainVae } from '../../../core/vae/index.js'
import { startTrainingThreads, workersForTest } from '../../../core/wasm/nodeThreads.js'
import { loadWasm } from '../../../core/wasm/node.js'

/** A short stall limit for these tests, so that a vanished thread is given up on in a second, not in 30 s. */
const STALL_MS = 800

// Each test checks the training ends, with an error naming the thread and how it failed, within a few seconds (the
// vitest limit below: a hang would fail the test), and that the threads can then be closed and new ones trained on.
describe('a dying training thread fails the training cleanly, never hangs it', () => {
  const setup = async () => {
    const wasm = await loadWasm()
    const events = generateEvents(wasm, { dataset: 'circle', n: 2000, seed: 3 })
    const cols = events.featureNames.length
    // Batch 256: four chunks, shared by the threads; 6 batches per epoch.
    const config = resolveVaeConfig({ latent: 3, hidden: 32, layers: 2, batchSize: 256, epochs: 5, seed: 2 }, cols)
    return { wasm, data: Float32Array.from(events.features), n: events.n, cols, config }
  }

  /** Threads whose thread `thread` fails at step `step` (kind 1: a trap; 2: it leaves the call without a word). */
  const faulty = (threads: TrainingThreads, thread: number, step: number, kind: 1 | 2): TrainingThreads => ({
    ...threads,
    train(args) {
      threads.wasm.exports.vaeGroupFaultForTest(args[0], thread, step, kind)
      return threads.train(args)
    },
  })

  async function expectFailure(threads: TrainingThreads, pattern: RegExp, thread: number, reason: string, withinMs: number) {
    const { wasm, data, n, cols, config } = await setup()
    const start = performance.now()
    const failure = await trainVae(wasm, data, n, cols, config, { threads }).then(() => undefined, (error: unknown) => error)
    expect(failure).toBeInstanceOf(TrainingThreadError)
    expect((failure as TrainingThreadError).message).toMatch(pattern)
    expect((failure as TrainingThreadError).thread).toBe(thread)
    expect((failure as TrainingThreadError).reason).toBe(reason)
    expect(performance.now() - start).toBeLessThan(withinMs)
  }

  it('a worker thread that traps mid-epoch (step 9 of the 2nd epoch) stops the training with an error naming it', async () => {
    const threads = await startTrainingThreads(3)
    try {
      await expectFailure(faulty(threads, 2, 9, 1), /^training thread 2 of 3 stopped with an error \(a WebAssembly trap\)/, 2, 'error', 5_000)
    } finally {
      await threads.close()
    }
  }, 20_000)

  it('thread 0 trapping releases the worker threads, which train again afterwards', async () => {
    const { wasm, data, n, cols, config } = await setup()
    const threads = await startTrainingThreads(2)
    try {
      await expect(trainVae(wasm, data, n, cols, config, { threads: faulty(threads, 0, 4, 1) })).rejects.toThrow(/unreachable/)
      // The worker left its barrier (else this training would hang or stall): the same threads train on.
      const trained = await trainVae(wasm, data, n, cols, config, { threads })
      const single = await trainVae(wasm, data, n, cols, config)
      expect(trained.vae.weights()).toEqual(single.vae.weights())
      disposeVae(trained.vae)
      disposeVae(single.vae)
    } finally {
      await threads.close()
    }
  }, 20_000)

  it('a worker thread that vanishes mid-epoch (as a terminated one) is given up on after the stall limit, named', async () => {
    const threads = await startTrainingThreads(2, { stallMilliseconds: STALL_MS })
    try {
      const pattern = /^training thread 1 of 2 did not reach the step barrier for 0.8 s \(terminated or hung\); the training was abandoned$/
      await expectFailure(faulty(threads, 1, 8, 2), pattern, 1, 'stalled', STALL_MS + 4_000)
    } finally {
      await threads.close()
    }
  }, 20_000)

  it('a worker terminated between epochs fails the next epoch at once, named', async () => {
    const base = await startTrainingThreads(3)
    let calls = 0
    const threads: TrainingThreads = {
      ...base,
      train(args) {
        calls++
        return base.train(args)
      },
    }
    const { wasm, data, n, cols, config } = await setup()
    try {
      const failure = await trainVae(wasm, data, n, cols, config, {
        threads,
        onEpoch: async (record) => {
          if (record.epoch === 2) await workersForTest.get(base)![0].terminate()
        },
      }).then(() => undefined, (error: unknown) => error)
      expect(failure).toBeInstanceOf(TrainingThreadError)
      expect((failure as Error).message).toMatch(/^training thread 1 of 3 had exited \(its worker was terminated\)/)
      expect(calls).toBe(3)
    } finally {
      await base.close()
    }
  }, 20_000)
})
