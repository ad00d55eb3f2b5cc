import { describe, expect, it } from 'vitest'
import { niceTicks } from '../../../client/plots/axis.js'
import { histogramSvg } from '../../../client/plots/histogram.js'

describe('histogramSvg', () => {
  const data = { edges: [0, 1, 2, 3], counts: [4, 9, 1] }

  it('draws one step per bin, one error bar per bin and no curve unless given', () => {
    const svg = histogramSvg(data, { title: 'a <b> & c', xLabel: 'x' })
    const bars = svg.match(/data-mark="bars" d="([^"]+)"/)![1]
    expect(bars.match(/H/g)).toHaveLength(3)
    const errors = svg.match(/data-mark="errors" d="([^"]+)"/)![1]
    expect(errors.match(/M/g)).toHaveLength(3)
    expect(svg).not.toContain('data-mark="expected"')
    expect(svg).toContain('a &lt;b&gt; &amp; c')
  })

  it('puts the tallest bar highest and draws the expected curve', () => {
    const svg = histogramSvg({ ...data, expected: () => 5 }, { title: 't', xLabel: 'x' })
    const heights = [...svg.match(/data-mark="bars" d="([^"]+)"/)![1].matchAll(/V([\d.]+)H/g)].map((m) => Number(m[1]))
    // SVG y grows downwards: the 9-count bin has the smallest y
    expect(heights.indexOf(Math.min(...heights))).toBe(1)
    expect(svg).toContain('data-mark="expected"')
  })
})

describe('niceTicks', () => {
  it('gives round steps covering the range', () => {
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10])
    expect(niceTicks(-1, 1, 4)).toEqual([-1, -0.5, 0, 0.5, 1])
  })
})
