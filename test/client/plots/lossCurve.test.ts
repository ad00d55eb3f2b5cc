import { describe, expect, it } from 'vitest'
import { lossCurveSvg } from '../../../client/plots/lossCurve.js'
import { attribute, marks, tinyReport, wellFormed } from './fixtures.js'

const { history } = tinyReport.training
const ysOf = (line: string) => [...attribute(line, 'd')!.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]))

describe('lossCurveSvg', () => {
  it('draws training and validation loss and the two terms, one point per epoch', () => {
    const svg = lossCurveSvg(history, { beta: 0.1, bestEpoch: 3 })
    expect(wellFormed(svg)).toBe(true)
    const lines = marks(svg, 'line')
    expect(lines.map((l) => attribute(l, 'data-series'))).toEqual(['0', '1', '2', '3'])
    for (const line of lines) expect(attribute(line, 'd')!.match(/[ML]/g)).toHaveLength(4)
    // the terms are thinner and dashed
    expect(Number(attribute(lines[2], 'stroke-width'))).toBeLessThan(Number(attribute(lines[0], 'stroke-width')))
    expect(attribute(lines[3], 'stroke-dasharray')).toBeTruthy()
    expect(svg).toContain('β·KL (β = 0.1)')
  })

  it('falls as the loss falls (SVG y grows downwards)', () => {
    const ys = ysOf(marks(lossCurveSvg(history), 'line')[0])
    expect(ys[1]).toBeGreaterThan(ys[0])
    expect(ys[2]).toBeGreaterThan(ys[1])
  })

  it('uses a log scale when the values span more than a decade, unless told otherwise', () => {
    expect(lossCurveSvg(history)).toContain('(log scale)')
    expect(lossCurveSvg(history, { logY: false })).not.toContain('(log scale)')
    const flat = history.map((h) => ({ ...h, loss: 0.5, validationLoss: 0.45, reconstruction: 0.3, kl: 2 }))
    expect(lossCurveSvg(flat, { beta: 0.1 })).not.toContain('(log scale)')
    // training loss 1, 0.4, 0.1: on a log axis 0.4 sits log(0.4)/log(0.1) = 0.40 of the way down (linear: 0.67)
    const [y1, y2, y3] = ysOf(marks(lossCurveSvg(history, { components: false }), 'line')[0])
    expect((y2 - y1) / (y3 - y1)).toBeCloseTo(Math.log10(0.4) / Math.log10(0.1), 2)
  })

  it('leaves out the terms when asked and marks the best epoch when given', () => {
    const svg = lossCurveSvg(history, { components: false })
    expect(marks(svg, 'line')).toHaveLength(2)
    expect(marks(svg, 'best')).toHaveLength(0)
    expect(lossCurveSvg(history, { bestEpoch: 3 })).toContain('best epoch 3')
  })

  it('draws a single epoch as dots and an empty history as a note', () => {
    const one = lossCurveSvg(history.slice(0, 1))
    expect(attribute(marks(one, 'line')[0], 'd')).toMatch(/h0$/)
    expect(wellFormed(one)).toBe(true)
    expect(marks(lossCurveSvg([]), 'empty')).toHaveLength(1)
  })
})
