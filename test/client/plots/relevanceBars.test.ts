import { describe, expect, it } from 'vitest'
import { IRRELEVANT_COLOUR, RELEVANT_COLOUR, relevanceBarsSvg } from '../../../client/plots/relevanceBars.js'
import { attribute, marks, numeric, tinyReport, wellFormed } from './fixtures.js'

describe('relevanceBarsSvg', () => {
  const svg = relevanceBarsSvg(tinyReport.latents, { threshold: 0.05, title: 'R of <circle> & co' })
  const bars = marks(svg, 'bar')

  it('draws one bar per latent, in the order given, labelled z<index>', () => {
    expect(wellFormed(svg)).toBe(true)
    expect(bars.map((b) => attribute(b, 'data-latent'))).toEqual(['2', '0', '3', '1'])
    const xs = bars.map((b) => numeric(b, 'x'))
    expect([...xs].sort((a, b) => a - b)).toEqual(xs)
    for (const name of ['z2', 'z0', 'z3', 'z1']) expect(svg).toContain(`>${name}</text>`)
    expect(svg).toContain('R of &lt;circle&gt; &amp; co')
  })

  it('makes taller bars for larger relevance and shows each value', () => {
    // SVG y grows downwards: a taller bar has a smaller y and a larger height
    const heights = bars.map((b) => numeric(b, 'height'))
    expect(heights[0]).toBeGreaterThan(heights[1])
    expect(heights[1]).toBeGreaterThan(heights[2])
    expect(marks(svg, 'value')).toHaveLength(4)
    for (const value of ['0.9', '0.6', '0.002', '4e-4']) expect(svg).toContain(`>${value}</text>`)
  })

  it('colours relevant bars and greys out the rest', () => {
    expect(bars.map((b) => attribute(b, 'fill'))).toEqual([RELEVANT_COLOUR, RELEVANT_COLOUR, IRRELEVANT_COLOUR, IRRELEVANT_COLOUR])
    expect(bars.map((b) => attribute(b, 'data-relevant'))).toEqual(['true', 'true', 'false', 'false'])
  })

  it('puts the dashed threshold line below the relevant bars and above the others', () => {
    const [line] = marks(svg, 'threshold')
    const y = numeric(line, 'y1')
    expect(attribute(line, 'stroke-dasharray')).toBeTruthy()
    expect(numeric(bars[1], 'y')).toBeLessThan(y)
    expect(numeric(bars[2], 'y')).toBeGreaterThan(y)
    expect(svg).toContain('>threshold 0.05</text>')
  })

  it('runs the axis to at least 1, further when a value exceeds it', () => {
    const small = relevanceBarsSvg([{ index: 0, relevance: 0.2, kl: 0.1, oneMinusSigma2: 0.2, relevant: true }], { threshold: 0.05 })
    expect(small).toContain('>1</text>')
    const big = relevanceBarsSvg([{ index: 0, relevance: 2.4, kl: 0.1, oneMinusSigma2: 0.9, relevant: true }], { threshold: 0.05 })
    const [bar] = marks(big, 'bar')
    expect(numeric(bar, 'y')).toBeGreaterThan(0)
    expect(big).toContain('>2.5</text>')
  })

  it('marks the KL of each latent unless asked not to', () => {
    expect(marks(svg, 'kl')).toHaveLength(4)
    expect(marks(relevanceBarsSvg(tinyReport.latents, { threshold: 0.05, kl: false }), 'kl')).toHaveLength(0)
  })

  it('turns value labels vertical when bars are narrow', () => {
    const many = Array.from({ length: 24 }, (_, i) => ({ index: i, relevance: 1 / (i + 1), kl: 0, oneMinusSigma2: 0, relevant: i < 3 }))
    const narrow = relevanceBarsSvg(many, { threshold: 0.05 })
    expect(marks(narrow, 'bar')).toHaveLength(24)
    expect(narrow).toContain('rotate(-90)')
    expect(wellFormed(narrow)).toBe(true)
  })
})

describe('relevanceBarsSvg with bootstrap intervals', () => {
  const latents = tinyReport.latents.map((l) => ({ ...l, relevanceInterval: { lower: l.relevance * 0.9, upper: l.relevance * 1.1, standardError: l.relevance * 0.06 } }))
  const svg = relevanceBarsSvg(latents, { threshold: 0.05 })

  it('draws one error bar per latent, spanning its interval around the top of its bar', () => {
    expect(wellFormed(svg)).toBe(true)
    const bars = marks(svg, 'bar')
    const errorBars = marks(svg, 'error-bar')
    expect(errorBars.map((b) => attribute(b, 'data-latent'))).toEqual(['2', '0', '3', '1'])
    // The first <line> of each bar is the vertical one: its ends bracket the bar's top (y of the rect).
    const ends = [...svg.matchAll(/data-mark="error-bar"[^>]*>(?:<title>[^<]*<\/title>)<line x1="[^"]+" x2="[^"]+" y1="([^"]+)" y2="([^"]+)"/g)].map((m) => [Number(m[1]), Number(m[2])])
    expect(ends).toHaveLength(4)
    ends.forEach(([top, bottom], i) => {
      const y = numeric(bars[i], 'y')
      expect(top).toBeLessThanOrEqual(y)
      expect(bottom).toBeGreaterThanOrEqual(y)
    })
    expect(svg).toContain('z2: interval 0.81 – 0.99')
  })

  it('draws none for a report without intervals', () => {
    expect(marks(relevanceBarsSvg(tinyReport.latents, { threshold: 0.05 }), 'error-bar')).toHaveLength(0)
  })
})
