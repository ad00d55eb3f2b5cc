// A sliced server job survives a crash of `wrangler dev` (SIGKILL to its process group after a slice): a second
// wrangler dev on the same local state folder finds the job's record, training state and alarm, trains the remaining
// slices, and the report equals that of the same analysis trained in one request on a fresh server — byte for byte but
// for the wall-clock seconds. No browser needed.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startWranglerDev, type WranglerDev } from '../../scripts/wranglerDev.js'
import type { Report } from '../../core/report/schema.js'
import type { JobStatus } from '../../worker/schemas/analysis.js'
import { withoutTimings } from '../withoutTimings.js'

/** 6,000 events, 4,800 for training: 75 batches of 64 per epoch, 20 epochs = 1,500 steps. */
const BODY = { dataset: { generator: { name: 'circle', n: 6000, seed: 12 } }, config: { epochs: 20, batchSize: 64, seed: 7 } }
/** Slices of 250 steps, a second apart: six slices, and a window between two of them to stop the server in. */
const SLICED = { STEP_BUDGET: '250', JOB_SLICE_DELAY_MS: '1000' }
const POLL_MS = 100
const DONE_TIMEOUT_MS = 120_000


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function post(server: WranglerDev): Promise<Response> {
  return fetch(`${server.origin}/api/v1/analyses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BODY) })
}

/** GET /analyses/{id} until `until` accepts the answer (a job status or, once done, the report). */
async function poll(server: WranglerDev, id: string, until: (answer: JobStatus | Report) => boolean): Promise<JobStatus | Report> {
  const deadline = Date.now() + DONE_TIMEOUT_MS
  for (;;) {
    const response = await fetch(`${server.origin}/api/v1/analyses/${id}`)
    expect(response.status, server.log().slice(-2000)).toBe(200)
    const answer = (await response.json()) as JobStatus | Report
    expect((answer as JobStatus).status, JSON.stringify(answer)).not.toBe('failed')
    if (until(answer)) return answer
    if (Date.now() > deadline) throw new Error(`job ${id} still ${JSON.stringify(answer)} after ${DONE_TIMEOUT_MS / 1000} s:\n${server.log().slice(-2000)}`)
    await sleep(POLL_MS)
  }
}

const isReport = (answer: JobStatus | Report): answer is Report => !('status' in answer && 'progress' in answer)

describe('a job when wrangler dev restarts between its slices', () => {
  const state = mkdtempSync(join(tmpdir(), 'symscope-restart-'))
  const servers: WranglerDev[] = []
  afterAll(async () => {
    for (const server of servers) await server.stop()
    rmSync(state, { recursive: true, force: true })
  })

  it('resumes on the restarted server and gives the report of the uninterrupted training', async () => {
    const first = await startWranglerDev('wrangler.toml', '/api/v1/health', { vars: SLICED, persistTo: state })
    servers.push(first)
    const submitted = await post(first)
    expect(submitted.status, first.log().slice(-2000)).toBe(202)
    const { id, progress } = (await submitted.json()) as JobStatus
    expect(progress.totalSteps).toBe(1500)
    const midway = (await poll(first, id, (answer) => !isReport(answer) && answer.progress.steps > 0)) as JobStatus
    expect(midway.progress.steps).toBeLessThan(1500)
    await first.kill() // as a crash: no clean shutdown

    const started = Date.now()
    const second = await startWranglerDev('wrangler.toml', '/api/v1/health', { vars: SLICED, persistTo: state })
    servers.push(second)
    const seen: JobStatus[] = []
    const resumed = await poll(second, id, (answer) => isReport(answer) || (seen.push(answer), false))
    // It continued from its stored state (slices counted on, progress never back to 0), not from the start.
    expect(seen.length).toBeGreaterThan(0)
    for (const status of seen) expect(status.progress.steps).toBeGreaterThanOrEqual(midway.progress.steps)
    expect(Math.max(...seen.map((status) => status.slices))).toBeGreaterThan(midway.slices)
    console.log(`job restart: stopped after ${midway.progress.steps} of 1500 steps (${midway.slices} slices); done ${((Date.now() - started) / 1000).toFixed(1)} s after the restart began`)
    await second.stop()

    const fresh = await startWranglerDev()
    servers.push(fresh)
    const whole = await post(fresh)
    expect(whole.status, fresh.log().slice(-2000)).toBe(200) // 1,500 steps fit the default budget: one request
    const uninterrupted = (await whole.json()) as Report
    expect(uninterrupted.id).toBe(id)
    expect(JSON.stringify(withoutTimings(resumed as Report))).toBe(JSON.stringify(withoutTimings(uninterrupted)))
  })
})
