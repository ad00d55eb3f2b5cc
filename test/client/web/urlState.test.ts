import { describe, expect, it } from 'vitest'
import { datasets } from '../../../core/index.js'
import { analysisSearch, parseUrlState, RESERVED_KEYS, reportSearch, scanSearch, type AnalysisState } from '../../../client/web/src/urlState.js'

describe('the analysis URL', () => {
  it("reads the issue's example: dataset, n, epochs, seed, run", () => {
    expect(parseUrlState('?dataset=circle&n=4000&epochs=20&seed=1&run=local')).toEqual({
      kind: 'analysis',
      state: { source: { kind: 'generator', dataset: 'circle', n: '4000', params: {} }, settings: { epochs: '20', seed: '1' }, run: 'local', backend: 'auto' },
    })
  })

  it('keeps every other name as a generator parameter, as text for core to check', () => {
    const parsed = parseUrlState('?dataset=ee_mumu&sqrtS=91.19&z=true&beta=0.2&run=server')
    expect(parsed.kind === 'analysis' && parsed.state.source).toEqual({ kind: 'generator', dataset: 'ee_mumu', n: '', params: { sqrtS: '91.19', z: 'true' } })
    expect(parsed.kind === 'analysis' && parsed.state.settings).toEqual({ beta: '0.2' })
  })

  it('writes what it reads (round trip), leaving out the defaults it can', () => {
    const state: AnalysisState = {
      source: { kind: 'generator', dataset: 'drell_yan', n: '5000', params: { etaMax: '2.4', ptMin: '20' } },
      settings: { epochs: '30', seed: '7', latent: '6', lr: '0.002' },
      run: 'server',
      backend: 'wasm',
    }
    const search = analysisSearch(state)
    expect(search).toBe('?dataset=drell_yan&n=5000&etaMax=2.4&ptMin=20&epochs=30&seed=7&latent=6&lr=0.002&run=server&backend=wasm')
    expect(parseUrlState(search)).toEqual({ kind: 'analysis', state })
    expect(analysisSearch({ ...state, backend: 'auto' })).not.toContain('backend')
  })

  it('carries a scan in this browser as betas and seeds (the CLI\'s --beta and --seeds), not as generator parameters', () => {
    const parsed = parseUrlState('?dataset=circle&n=600&epochs=3&betas=0.05:1:3&seeds=2&run=local')
    expect(parsed).toEqual({
      kind: 'analysis',
      state: { source: { kind: 'generator', dataset: 'circle', n: '600', params: {} }, settings: { epochs: '3', betas: '0.05:1:3', seeds: '2' }, run: 'local', backend: 'auto' },
    })
    expect(parsed.kind === 'analysis' && analysisSearch(parsed.state)).toBe('?dataset=circle&n=600&epochs=3&betas=0.05%3A1%3A3&seeds=2&run=local')
  })

  it('opens a stored report by its id, and the bundled example by name', () => {
    const id = 'ab'.repeat(32)
    expect(parseUrlState(reportSearch(id))).toEqual({ kind: 'report', id })
    const example = parseUrlState('?example=cms&epochs=5')
    expect(example.kind === 'analysis' && example.state.source).toEqual({ kind: 'example', example: 'cms' })
  })

  it('says what is wrong with a malformed link, and nothing for a plain visit', () => {
    expect(parseUrlState('')).toEqual({ kind: 'none' })
    expect(parseUrlState('?utm_source=x')).toEqual({ kind: 'none' })
    expect(parseUrlState(scanSearch('cd'.repeat(32)))).toEqual({ kind: 'scan', id: 'cd'.repeat(32) })
    expect(parseUrlState('?scan=xyz')).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/scan: an id is 64 lowercase/) })
    expect(parseUrlState('?report=xyz')).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/64 lowercase hexadecimal/) })
    expect(parseUrlState('?dataset=circle&run=cloud')).toMatchObject({ kind: 'invalid', message: "run must be local or server; got 'cloud'" })
    expect(parseUrlState('?dataset=circle&backend=tpu')).toMatchObject({ kind: 'invalid' })
    expect(parseUrlState('?dataset=circle&example=cms')).toMatchObject({ kind: 'invalid' })
    expect(parseUrlState('?example=lhc')).toMatchObject({ kind: 'invalid' })
  })

  it('no registry parameter is named like a setting (it could not be written in a URL)', () => {
    for (const spec of Object.values(datasets)) for (const p of spec.parameters) expect(RESERVED_KEYS.has(p.name), `${spec.name}.${p.name}`).toBe(false)
  })
})
