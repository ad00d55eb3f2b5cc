// The <symscope-report> element's size is stated once, measured, and quoted the same everywhere (issue 19, item 9:
// it was 15.1 kB, 14.4 kB and "about 11 kB" in three places). docs/web.md gives the measurement; the other places
// quote its gzipped figure. Held to the built bundle (npm test builds first) within 0.5 kB: a change to the
// element that moves its size past that updates the docs with it.
import { existsSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { ROOT, readDoc } from './markdown.js'

const BUNDLE = `${ROOT}dist/web/symscope-report.js`
const kB = (bytes: number) => bytes / 1000

describe("the element's size", () => {
  const web = readDoc('docs/web.md')
  const [, raw, gzipped] = /no zod: ([\d.]+) kB, \*\*([\d.]+) kB gzipped\*\*/.exec(web) ?? []

  it('is quoted as docs/web.md measures it, everywhere it is quoted', () => {
    expect(gzipped, 'docs/web.md states the measured size').toBeDefined()
    expect(web).toContain(`is ${gzipped} kB gzipped (${raw} kB raw;`)
    expect(readDoc('docs/development.md')).toContain(`stays at ${gzipped} kB gzipped`)
    expect(readDoc('client/web/public/embed-example.html')).toContain(`(${gzipped} kB gzipped;`)
  })

  it.runIf(existsSync(BUNDLE))('is what the built bundle measures, within 0.5 kB', () => {
    const bundle = readFileSync(BUNDLE)
    expect(Math.abs(kB(gzipSync(bundle).length) - Number(gzipped))).toBeLessThan(0.5)
    expect(Math.abs(kB(bundle.length) - Number(raw))).toBeLessThan(1.5)
  })
})
