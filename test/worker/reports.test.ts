import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { matchesEtag, readReport, storeReport } from '../../worker/reports.js'

describe('the report store', () => {
  it('keeps the first report stored under an id: a later one gets the first one back', async () => {
    const id = 'b'.repeat(64)
    expect(await readReport(env, id)).toBeNull()
    expect(await storeReport(env, id, '{"first":true}')).toBe('{"first":true}')
    expect(await storeReport(env, id, '{"first":false}')).toBe('{"first":true}')
    expect(await readReport(env, id)).toBe('{"first":true}')
    expect(await (await env.REPORTS.get(`reports/${id}.json`))!.text()).toBe('{"first":true}')
  })
  it('reads If-None-Match lists, weak tags and *', () => {
    const id = 'c'.repeat(64)
    expect(matchesEtag(`"${id}"`, id)).toBe(true)
    expect(matchesEtag(`"x", W/"${id}"`, id)).toBe(true)
    expect(matchesEtag('*', id)).toBe(true)
    expect(matchesEtag('"other"', id)).toBe(false)
    expect(matchesEtag(undefined, id)).toBe(false)
  })
})
