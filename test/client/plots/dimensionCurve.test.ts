import { describe, expect, it } from 'vitest'
import { dimensionCurveSvg } from '../../../client/plots/dimensionCurve.js'
import { attribute, marks, numeric, tinyReport, wellFormed } from './fixtures.js'

const curves = { data: tinyReport.intrinsicDimension.dataCurve, latent: tinyReport.intrinsicDimension.latentCurve }
const pointsOf = (svg: string, curve: string) =>
  (svg.match(new RegExp(`<g data-mark="points" data-curve="${curve}"[^>]*>(.*?)</g>`))?.[1].match(/<circle [^>]*>/g) ?? [])

describe('dimensionCurveSvg', () => {
  it('draws one line with markers per curve, k on a log2 axis', () => {
    const svg = dimensionCurveSvg(curves, { expected: 1 })
    expect(wellFormed(svg)).toBe(true)
    expect(marks(svg, 'line').map((l) => attribute(l, 'data-curve'))).toEqual(['data', 'latent'])
    const points = pointsOf(svg, 'data')
    expect(points).toHaveLength(3)
    const xs = points.map((p) => numeric(p, 'cx'))
    // k = 1, 2, 4: equal steps on a log axis
    expect(xs[2] - xs[1]).toBeCloseTo(xs[1] - xs[0], 1)
    for (const k of ['1', '2', '4']) expect(svg).toContain(`>${k}</text>`)
    expect(svg).toContain('median distance 0.02')
  })

  it('draws the expected degrees of freedom as a dotted line at that height', () => {
    const svg = dimensionCurveSvg(curves, { expected: 1 })
    const [line] = marks(svg, 'expected')
    // the data curve reads exactly 1 at k = 2
    expect(numeric(line, 'y1')).toBeCloseTo(numeric(pointsOf(svg, 'data')[1], 'cy'), 1)
    expect(svg).toContain('>expected 1</text>')
    expect(marks(dimensionCurveSvg(curves), 'expected')).toHaveLength(0)
  })

  it('leaves out an empty curve and says so when both are empty', () => {
    const svg = dimensionCurveSvg({ ...curves, latent: [] })
    expect(marks(svg, 'line')).toHaveLength(1)
    expect(svg).not.toContain('relevant-latent means')
    expect(marks(dimensionCurveSvg({ data: [], latent: [] }), 'empty')).toHaveLength(1)
  })
})

describe('dimensionCurveSvg with profile-likelihood intervals', () => {
  it('draws an error bar at each point that has an interval, and none where it has not', () => {
    const data = [
      { k: 1, dimension: 1.1, medianDistance: 0.01, lower: 1.0, upper: 1.2 },
      { k: 2, dimension: 1.05, medianDistance: 0.02, lower: 0.98, upper: 1.12 },
    ]
    const latent = [{ k: 1, dimension: 1.0, medianDistance: 0.03 }]
    const svg = dimensionCurveSvg({ data, latent })
    const bars = marks(svg, 'error-bar')
    expect(bars).toHaveLength(2)
    expect(bars.every((b) => b.includes('data-curve="data"'))).toBe(true)
    expect(svg).toContain('k = 2: interval 0.98 – 1.12')
  })
})
