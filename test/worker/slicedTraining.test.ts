// A long server job, trained in slices of 1,500 steps by its Durable Object inside workerd, gives the bytes of the
// same training run in one piece (the fused trainer's resume is exact by construction: Adam's bias corrections come
// from the step count, the noise from (seed, step), the shuffles from (seed, epoch)).
import { runDurableObjectAlarm } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { reportFromTraining, trainAnalysis } from '../../core/analysis/index.js'
import type { Report } from '../../core/report/schema.js'
import { loadWasm } from '../../core/wasm/workerd.js'
import { prepareRequest } from '../../worker/analysis/prepare.js'
import { analysisRequestSchema } from '../../worker/schemas/analysis.js'
import type { JobStatus } from '../../worker/schemas/analysis.js'
import { client } from './client.js'
import { withoutTimings } from '../withoutTimings.js'

const api = client('10.0.4.7')
const stubOf = (id: string) => env.ANALYSIS_JOBS.get(env.ANALYSIS_JOBS.idFromName(id))


describe('a job of 4,000+ steps in 1,500-step slices', () => {
  it('gives the report of the uninterrupted training, byte for byte', async () => {
    // 6,000 events, 4,800 for training: 75 batches of 64 per epoch, 54 epochs = 4,050 steps, so 3 slices.
    const body = { dataset: { generator: { name: 'circle', n: 6000, seed: 12 } }, config: { epochs: 54, batchSize: 64, seed: 7 } }
    const submitted = await api.post('/api/v1/analyses', body, { STEP_BUDGET: '1500' })
    expect(submitted.status).toBe(202)
    const { id } = (await submitted.json()) as JobStatus
    let status: JobStatus | null = null
    for (let slice = 0; slice < 10 && status?.status !== 'done'; slice++) {
      expect(await runDurableObjectAlarm(stubOf(id))).toBe(true)
      status = await stubOf(id).status()
      expect(status?.status).not.toBe('failed')
    }
    expect(status).toMatchObject({ status: 'done', slices: 3, largestSliceSteps: 1500, progress: { steps: 4050 } })
    const sliced = (await (await api.get(`/api/v1/analyses/${id}`)).json()) as Report

    const wasm = await loadWasm()
    const prepared = await prepareRequest(wasm, analysisRequestSchema.parse(body))
    expect(prepared.id).toBe(id)
    const whole = await reportFromTraining(wasm, prepared, await trainAnalysis(wasm, prepared))
    expect(whole.training.backend).toBe('fused')
    expect(JSON.stringify(withoutTimings(sliced))).toBe(JSON.stringify(withoutTimings(whole)))
  }, 120_000)
})
