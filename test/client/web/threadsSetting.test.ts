import { describe, expect, it } from 'vitest'
import { threadsSetting } from '../../../client/web/src/analysisSpec.js'
import { analysisSearch, parseUrlState } from '../../../client/web/src/urlState.js'

describe("the web app's thread setting", () => {
  it('reads a count from 1 to 16, none when empty, and names the limit otherwise', () => {
    expect(threadsSetting({})).toBeUndefined()
    expect(threadsSetting({ threads: ' ' })).toBeUndefined()
    expect(threadsSetting({ threads: '2' })).toBe(2)
    expect(threadsSetting({ threads: '16' })).toBe(16)
    expect(() => threadsSetting({ threads: '17' })).toThrow('threads must be an integer from 1 to 16; got 17')
    expect(() => threadsSetting({ threads: '1.5' })).toThrow('threads must be an integer from 1 to 16; got 1.5')
    expect(() => threadsSetting({ threads: 'many' })).toThrow("threads: 'many' is not a number")
  })

  it('round-trips through the URL as threads=N, not as a generator parameter', () => {
    const state = parseUrlState('?dataset=circle&n=4000&threads=2&run=local')
    expect(state.kind).toBe('analysis')
    if (state.kind !== 'analysis') return
    expect(state.state.settings.threads).toBe('2')
    expect(state.state.source).toEqual({ kind: 'generator', dataset: 'circle', n: '4000', params: {} })
    expect(analysisSearch(state.state)).toBe('?dataset=circle&n=4000&threads=2&run=local')
  })
})
