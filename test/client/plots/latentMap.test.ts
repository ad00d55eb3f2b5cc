import { describe, expect, it } from 'vitest'
import { latentMapSvg, latentMapsSvg } from '../../../client/plots/latentMap.js'
import { divergingColour } from '../../../client/plots/palette.js'
import { attribute, marks, numeric, tinyReport, wellFormed } from './fixtures.js'

const plane = tinyReport.latentMaps.plane!

/** The cell rects of each panel, in drawing order. */
const cellsOf = (svg: string): string[][] =>
  [...svg.matchAll(/<g data-mark="cells"[^>]*>(.*?)<\/g>/g)].map((m) => m[1].match(/<rect [^>]*>/g) ?? [])

describe('latentMapSvg', () => {
  const svg = latentMapSvg(plane, 2)

  it('draws one cell per defined grid value, none for null', () => {
    expect(wellFormed(svg)).toBe(true)
    const [cells] = cellsOf(svg)
    expect(cells).toHaveLength(8)
    expect(marks(svg, 'colour-bar')).toHaveLength(1)
  })

  it('puts the first row (y lowest) at the bottom and colours by value: blue low, white zero, red high', () => {
    const [cells] = cellsOf(svg)
    // latent 2: -1 at (x lowest, y lowest), +1 at (x highest, y highest)
    const first = cells[0]
    const last = cells[cells.length - 1]
    expect(numeric(first, 'y')).toBeGreaterThan(numeric(last, 'y'))
    expect(numeric(first, 'x')).toBeLessThan(numeric(last, 'x'))
    expect(attribute(first, 'fill')).toBe(divergingColour(0))
    expect(attribute(last, 'fill')).toBe(divergingColour(1))
    expect(attribute(cells[2], 'fill')).toBe(divergingColour(0.5))
    expect(divergingColour(0.5)).toBe('#f7f7f7')
  })

  it('names the axes after the features, escaped', () => {
    const odd = latentMapSvg({ ...plane, x: 'p<sub>T</sub>', y: 'η & φ' }, 0)
    expect(odd).toContain('>p&lt;sub&gt;T&lt;/sub&gt;</text>')
    expect(odd).toContain('>η &amp; φ</text>')
    expect(wellFormed(odd)).toBe(true)
    expect(svg).toContain('>x1</text>')
  })

  it('overlays at most maxPoints points, every n-th one, the same way each time', () => {
    const n = 5001
    const x = Float32Array.from({ length: n }, (_, i) => Math.cos(i))
    const y = Float32Array.from({ length: n }, (_, i) => Math.sin(i))
    const withPoints = latentMapSvg(plane, 2, { points: { x, y } })
    const [path] = marks(withPoints, 'points')
    const dots = attribute(path, 'd')!.match(/M/g)!.length
    expect(dots).toBeLessThanOrEqual(2000)
    expect(dots).toBeGreaterThan(1500)
    expect(latentMapSvg(plane, 2, { points: { x, y } })).toBe(withPoints)
    expect(marks(latentMapSvg(plane, 2, { points: { x, y }, maxPoints: 10 }), 'points')[0].match(/M/g)).toHaveLength(10)
  })

  it('throws for a latent the map does not hold', () => {
    expect(() => latentMapSvg(plane, 7)).toThrow(RangeError)
  })
})

describe('latentMapsSvg', () => {
  it('draws the chosen latents side by side on one colour scale', () => {
    const svg = latentMapsSvg(plane, { latents: [2, 0, 3] })
    expect(wellFormed(svg)).toBe(true)
    const panels = cellsOf(svg)
    expect(panels).toHaveLength(3)
    expect(marks(svg, 'cells').map((g) => attribute(g, 'data-latent'))).toEqual(['2', '0', '3'])
    expect(marks(svg, 'colour-bar')).toHaveLength(1)
    expect(svg.match(/data-mark="panel-title"[^>]*>z\d</g)!.map((t) => t.slice(-3, -1))).toEqual(['z2', 'z0', 'z3'])
    // side by side: the second panel starts right of the first
    expect(numeric(panels[1][0], 'x')).toBeGreaterThan(numeric(panels[0][0], 'x'))
    // shared scale: latent 3's 0.01 against latent 2's ±1 is nearly white
    expect(attribute(panels[2][panels[2].length - 1], 'fill')).toBe(divergingColour(0.505))
  })

  it('draws every latent of the map by default, wrapping rows after three', () => {
    const svg = latentMapsSvg(plane)
    const panels = cellsOf(svg)
    expect(panels).toHaveLength(4)
    expect(numeric(panels[3][0], 'y')).toBeGreaterThan(numeric(panels[0][0], 'y'))
  })
})
