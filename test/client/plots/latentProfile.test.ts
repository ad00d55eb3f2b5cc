import { describe, expect, it } from 'vitest'
import { latentProfileSvg } from '../../../client/plots/latentProfile.js'
import { MUTED, seriesColour } from '../../../client/plots/palette.js'
import { attribute, marks, tinyReport, wellFormed } from './fixtures.js'

const [profile] = tinyReport.latentMaps.profiles
const lineOf = (svg: string, latent: number) => marks(svg, 'line').find((l) => attribute(l, 'data-latent') === String(latent))!
const pointsOf = (svg: string, latent: number) =>
  svg.match(new RegExp(`<g data-mark="points" data-latent="${latent}"[^>]*>(.*?)</g>`))?.[1].match(/<circle /g)?.length ?? 0

describe('latentProfileSvg', () => {
  it('draws one line per latent, broken where a bin is empty', () => {
    const svg = latentProfileSvg(profile)
    expect(wellFormed(svg)).toBe(true)
    expect(marks(svg, 'line')).toHaveLength(4)
    // means [-1, null, 0.2, 0.9]: a lone point, a gap, then a two-segment run
    const d = attribute(lineOf(svg, 2), 'd')!
    expect(d.match(/M/g)).toHaveLength(2)
    expect(d).toMatch(/^M[\d.]+,[\d.]+h0M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/)
    expect(pointsOf(svg, 2)).toBe(3)
  })

  it('places points at the bin centres, left to right', () => {
    const svg = latentProfileSvg(profile)
    const xs = [...attribute(lineOf(svg, 0), 'd')!.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]))
    expect(xs).toHaveLength(3)
    // latent 0 has points at the centres -0.75, 0.25 and 0.75 (the bin at -0.25 is empty): the second step is half the first
    expect((xs[2] - xs[1]) / (xs[1] - xs[0])).toBeCloseTo(0.5, 2)
  })

  it('draws relevant latents solid and coloured, the rest thin, dashed and grey, with one legend row for them', () => {
    const svg = latentProfileSvg(profile, { relevant: [2, 0] })
    expect(attribute(lineOf(svg, 2), 'stroke')).toBe(seriesColour(0))
    expect(attribute(lineOf(svg, 0), 'stroke')).toBe(seriesColour(1))
    for (const latent of [3, 1]) {
      const line = lineOf(svg, latent)
      expect(attribute(line, 'stroke')).toBe(MUTED)
      expect(attribute(line, 'stroke-dasharray')).toBeTruthy()
      expect(pointsOf(svg, latent)).toBe(0)
    }
    expect(attribute(lineOf(svg, 2), 'stroke-dasharray')).toBeUndefined()
    const legend = svg.match(/<g data-mark="legend">(.*?)<\/g>/)![1]
    expect(legend).toContain('>z2</text>')
    expect(legend).toContain('>z0</text>')
    expect(legend.match(/>not relevant</g)).toHaveLength(1)
    // grey lines are drawn first, under the coloured ones
    expect(svg.indexOf('data-latent="3"')).toBeLessThan(svg.indexOf('data-latent="2"'))
  })

  it('labels the axes with the variable and ⟨z⟩, escaped', () => {
    const svg = latentProfileSvg({ ...profile, variable: 'm<μμ> & co' })
    expect(svg).toContain('>m&lt;μμ&gt; &amp; co</text>')
    expect(svg).toContain('>⟨z⟩</text>')
    expect(wellFormed(svg)).toBe(true)
  })

  it('says so when every bin is empty', () => {
    const empty = { ...profile, latents: profile.latents.map((l) => ({ ...l, means: l.means.map(() => null) })) }
    expect(marks(latentProfileSvg(empty), 'empty')).toHaveLength(1)
  })
})
