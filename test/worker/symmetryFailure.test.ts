// A bug inside the symmetry section must fail the analysis, not hide in a note of a report that the API would then
// store and serve as immutable for a year (issue 9, item 8). The search is replaced by one that throws a TypeError.
import { env } from 'cloudflare:workers'
import { describe, expect, it, vi } from 'vitest'
import { SymscopeError } from '../../core/errors.js'
import { loadWasm } from '../../core/wasm/workerd.js'
import { prepareRequest } from '../../worker/analysis/prepare.js'
import { readReport } from '../../worker/reports.js'
import { analysisRequestSchema } from '../../worker/schemas/analysis.js'
import { client, errorOf } from './client.js'

const failure = vi.hoisted(() => ({ kind: 'bug' as 'bug' | 'invalid' }))

// The worker runs the paced search (it yields to the event loop between steps); both entries are replaced.
vi.mock('../../core/symmetries/findSymmetries.js', async (original) => {
  const search = () => {
    if (failure.kind === 'invalid') throw new SymscopeError('invalid_data', 'findSymmetries requires at least 50 events (got 3)')
    throw new TypeError("Cannot read properties of undefined (reading 'theta')")
  }
  return {
    ...(await original<typeof import('../../core/symmetries/findSymmetries.js')>()),
    findSymmetries: search,
    findSymmetriesPaced: async () => search(),
  }
})

const api = client('10.0.11.1')
const request = (seed: number) => ({ dataset: { generator: { name: 'circle', n: 600, seed: 4 } }, config: { epochs: 2, seed } })

describe('an exception inside the symmetry section', () => {
  it('fails the analysis with 500 internal and stores no report', async () => {
    failure.kind = 'bug'
    const body = request(901)
    const response = await api.post('/api/v1/analyses', body)
    expect(response.status).toBe(500)
    expect((await errorOf(response)).code).toBe('internal')
    const { id } = await prepareRequest(await loadWasm(), analysisRequestSchema.parse(body))
    expect(await readReport(env, id)).toBeNull()
    // Asked again, it is computed again (and fails again), never answered from a store.
    const again = await api.post('/api/v1/analyses', body)
    expect(again.status).toBe(500)
    expect(again.headers.get('x-symscope-cache')).not.toBe('hit')
  })

  it('invalid data for the search only leaves a note: the report is still made and stored', async () => {
    failure.kind = 'invalid'
    const body = request(902)
    const response = await api.post('/api/v1/analyses', body)
    expect(response.status).toBe(200)
    const report = (await response.json()) as { id: string; symmetries: { notes: string[]; manifoldAlgebra: unknown } }
    expect(report.symmetries.manifoldAlgebra).toBeNull()
    expect(report.symmetries.notes).toEqual(['symmetry search skipped: findSymmetries requires at least 50 events (got 3)'])
    expect(await readReport(env, report.id)).not.toBeNull()
  })
})
