// Labels never collide with what is drawn near them (issue 19, item 7): on random relevance spectra (2–16 latents,
// random relevances, KL values and bootstrap intervals, random thresholds), each value label's box is clear of every
// KL diamond, every error bar and every other label. Boxes are reckoned from the SVG as drawn, text at 0.62 em per
// character (wider than system-ui digits).
import { describe, expect, it } from 'vitest'
import { labelWidth, relevanceBarsSvg } from '../../../client/plots/relevanceBars.js'
import type { LatentRecord } from '../../../core/report/schema.js'
import { mulberry32 } from '../../../testdata/random.js'

interface Rect {
  left: number
  right: number
  top: number
  bottom: number
  what: string
}

const overlap = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

/** The boxes of value labels, KL diamonds and error bars in a relevance chart. */
function boxes(svg: string): { labels: Rect[]; marks: Rect[] } {
  const labels: Rect[] = []
  for (const m of svg.matchAll(/<g data-mark="value"><text ([^>]*)>([^<]*)<\/text>/g)) {
    const attributes = m[1]
    const size = Number(/font-size="([^"]+)"/.exec(attributes)![1])
    const width = labelWidth(m[2], size)
    const rotated = /translate\(([-\d.]+) ([-\d.]+)\) rotate\(-90\)/.exec(attributes)
    if (rotated) {
      const [x, y] = [Number(rotated[1]), Number(rotated[2])]
      labels.push({ left: x - size, right: x, top: y - width, bottom: y, what: `label ${m[2]}` })
    } else {
      const x = Number(/ x="([^"]+)"/.exec(` ${attributes}`)![1])
      const y = Number(/ y="([^"]+)"/.exec(` ${attributes}`)![1])
      labels.push({ left: x - width / 2, right: x + width / 2, top: y - size, bottom: y + 0.25 * size, what: `label ${m[2]}` })
    }
  }
  const marks: Rect[] = []
  for (const m of svg.matchAll(/<path data-mark="kl"[^>]*d="M([-\d.]+),([-\d.]+)l5,5/g)) {
    const [x, top] = [Number(m[1]), Number(m[2])]
    marks.push({ left: x - 5.75, right: x + 5.75, top: top - 0.75, bottom: top + 10.75, what: 'KL diamond' })
  }
  for (const m of svg.matchAll(/data-mark="error-bar"[^>]*>(?:<title>[^<]*<\/title>)<line x1="([-\d.]+)" x2="[^"]+" y1="([-\d.]+)" y2="([-\d.]+)"/g)) {
    const [x, top, bottom] = m.slice(1).map(Number)
    marks.push({ left: x - 4.75, right: x + 4.75, top: top - 0.75, bottom: bottom + 0.75, what: 'error bar' })
  }
  return { labels, marks }
}

function randomSpectrum(random: () => number): { latents: LatentRecord[]; threshold: number } {
  const count = 2 + Math.floor(random() * 15)
  const threshold = [0.01, 0.05, 0.1, 0.3][Math.floor(random() * 4)]
  const values = Array.from({ length: count }, () => (random() < 0.5 ? random() : random() ** 4 * 0.2)).sort((a, b) => b - a)
  const latents = values.map((relevance, index) => {
    const spread = relevance * (0.02 + 0.4 * random())
    const kl = random() < 0.5 ? relevance * (0.8 + 0.6 * random()) : random() * 1.5
    return {
      index,
      relevance,
      kl,
      oneMinusSigma2: relevance,
      relevant: relevance > threshold,
      ...(random() < 0.7 ? { relevanceInterval: { lower: Math.max(0, relevance - spread), upper: relevance + spread, standardError: spread / 2 } } : {}),
    }
  })
  return { latents, threshold }
}

describe('relevance chart labels', () => {
  it('stay clear of the KL diamonds, the error bars and each other on 300 random spectra', () => {
    const random = mulberry32(19)
    for (let trial = 0; trial < 300; trial++) {
      const { latents, threshold } = randomSpectrum(random)
      const width = [360, 640, 900][trial % 3]
      const svg = relevanceBarsSvg(latents, { threshold, width })
      const { labels, marks } = boxes(svg)
      expect(labels).toHaveLength(latents.length)
      for (const label of labels) {
        for (const mark of marks) expect(overlap(label, mark), `trial ${trial}: ${label.what} over a ${mark.what} (${JSON.stringify([label, mark])})`).toBe(false)
        for (const other of labels) if (other !== label) expect(overlap(label, other), `trial ${trial}: ${label.what} over ${other.what}`).toBe(false)
      }
    }
  })

  it("the issue's case: KL diamonds just above bars labelled 0.738 and 0.856 with intervals", () => {
    const latents = [0.856, 0.738].map((relevance, index) => ({
      index, relevance, kl: relevance + 0.02, oneMinusSigma2: relevance, relevant: true,
      relevanceInterval: { lower: relevance - 0.03, upper: relevance + 0.03, standardError: 0.015 },
    }))
    const svg = relevanceBarsSvg(latents, { threshold: 0.05 })
    const { labels, marks } = boxes(svg)
    expect(labels.map((l) => l.what)).toEqual(['label 0.856', 'label 0.738'])
    for (const label of labels) for (const mark of marks) expect(overlap(label, mark)).toBe(false)
  })
})

describe('chart titles', () => {
  it('fit their chart, shrinking, then shortening with the full title kept as a tooltip', async () => {
    const { titleText, titleWidth } = await import('../../../client/plots/frame.js')
    const random = mulberry32(5)
    for (let trial = 0; trial < 200; trial++) {
      const width = 240 + Math.floor(random() * 800)
      const title = `Intrinsic dimension against scale: ${'Zmumu_Run2011A.csv (CMS 2011, first 2,000 events) '.slice(0, Math.floor(random() * 52))}`.trim()
      const svg = titleText(title, width)
      expect(titleWidth(svg), `${width} px: ${title}`).toBeLessThanOrEqual(width - 16)
      expect(Number(/font-size="([^"]+)"/.exec(svg)![1])).toBeGreaterThanOrEqual(11)
      if (svg.includes('…')) expect(svg).toContain(`<title>${title.replaceAll('&', '&amp;')}</title>`)
      else expect(svg).toContain(`>${title.replaceAll('&', '&amp;')}</text>`)
    }
  })
})
