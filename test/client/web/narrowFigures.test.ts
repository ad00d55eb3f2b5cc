// The web app and the element draw report figures for the width they have: on a phone the plots are drawn narrower
// (reportFigures' `width`) rather than scaled down until their text is unreadable.
import { describe, expect, it } from 'vitest'
import { reportFigures } from '../../../client/plots/reportFigures.js'
import { tinyReport, wellFormed } from '../plots/fixtures.js'

const widthOf = (svg: string) => Number(svg.match(/<svg [^>]*\swidth="(\d+)"/)?.[1])

describe('report figures for a narrow screen', () => {
  it('draws the default 640 px figures when there is room, or no width is given', () => {
    for (const options of [{}, { width: 900 }, { width: 640 }]) {
      expect(reportFigures(tinyReport, options).find((f) => f.name === 'relevance.svg')!.svg).toBe(reportFigures(tinyReport).find((f) => f.name === 'relevance.svg')!.svg)
    }
  })

  it('draws every figure at most as wide as a phone column, never under 300 px', () => {
    for (const width of [340, 500]) {
      for (const figure of reportFigures(tinyReport, { width })) {
        expect(wellFormed(figure.svg)).toBe(true)
        expect(widthOf(figure.svg), `${figure.name} at ${width}`).toBeLessThanOrEqual(width)
      }
    }
    expect(widthOf(reportFigures(tinyReport, { width: 120 })[0].svg)).toBe(300)
  })
})
