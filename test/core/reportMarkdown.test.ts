import { describe, expect, it } from 'vitest'
import { formatReportNumber, reportMarkdown, reportSchema } from '../../core/report/index.js'
import { tinyReport } from '../client/plots/fixtures.js'

/** The lines of a Markdown section, from its heading to the next one. */
const section = (md: string, heading: string): string[] => {
  const lines = md.split('\n')
  const start = lines.indexOf(`## ${heading}`)
  expect(start, `section ${heading}`).toBeGreaterThan(0)
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '))
  return lines.slice(start + 1, end < 0 ? undefined : end)
}
const rows = (lines: string[]) => lines.filter((l) => l.startsWith('| ') && !l.startsWith('| Rank') && !/^\|[-:|]+\|$/.test(l))

describe('reportMarkdown', () => {
  const md = reportMarkdown(tinyReport, { figures: ['relevance.svg', 'loss.svg', 'dimension.svg', 'latent-map.svg', 'profile-x1.svg'] })

  it('opens with the dataset name and the verdict in bold, then the sections in order', () => {
    const lines = md.split('\n')
    expect(lines[0]).toBe('# symscope report: circle \\<test\\>')
    expect(lines[2]).toBe(`**${tinyReport.verdict}**`)
    const headings = lines.filter((l) => l.startsWith('## '))
    expect(headings).toEqual([
      '## Dataset', '## Latent relevance', '## Intrinsic dimension', '## Correlations with the truth', '## Latent maps',
      '## Training', '## Configuration', '## Software',
    ])
  })

  it('describes the dataset', () => {
    const lines = section(md, 'Dataset')
    expect(lines).toContain('- Events: 1,000')
    expect(lines).toContain('- Parameters: radius = 1, noise = 0.01, seed = 1')
    expect(lines).toContain('- Features (2): x1, x2')
    expect(lines).toContain('- Exact constraints (constant features, dropped before training): none')
    expect(lines).toContain('- Expected degrees of freedom: 1')
    const constrained = reportSchema.parse({
      ...tinyReport,
      dataset: { ...tinyReport.dataset, constantFeatures: [{ name: 'E1', value: 5 }, { name: 'E2', value: 45.6 }], expectedDegreesOfFreedom: null },
    })
    const other = section(reportMarkdown(constrained), 'Dataset')
    expect(other).toContain('- Exact constraints (constant features, dropped before training): E1 = 5, E2 = 45.6')
    expect(other).toContain('- Expected degrees of freedom: unknown')
  })

  it('tabulates the relevance spectrum in rank order with ticks for the relevant latents', () => {
    const lines = section(md, 'Latent relevance')
    expect(lines).toContain('| Rank | Latent | R | KL (nats) | 1 − ⟨σ²⟩ | Relevant |')
    expect(rows(lines)).toEqual([
      '| 1 | z2 | 0.900 | 1.10 | 0.850 | ✓ |',
      '| 2 | z0 | 0.600 | 0.800 | 0.700 | ✓ |',
      '| 3 | z3 | 0.00200 | 0.00300 | 0.0200 |  |',
      '| 4 | z1 | 4.00e-4 | 0.00100 | 0.0100 |  |',
    ])
    expect(lines.join('\n')).toContain('Relevant latents: **2** of 4. Largest gap in the spectrum: after rank 2 (ratio 300).')
  })

  it('gives both intrinsic dimensions and the Gride curves side by side', () => {
    const lines = section(md, 'Intrinsic dimension')
    expect(lines).toContain('- Data (TwoNN, standardised features): 1.02')
    expect(lines).toContain('- Relevant-latent means (TwoNN): 0.980')
    expect(rows(lines)).toEqual(['| k | d (data) | median distance (data) | d (latent) | median distance (latent) |', '| 1 | 1.10 | 0.0100 | 1.20 | 0.0300 |', '| 2 | 1.00 | 0.0200 | 1.05 | 0.0600 |', '| 4 | 0.900 | 0.0400 | 1.00 | 0.120 |'])
  })

  it('tabulates latent–truth correlations and the relevant set', () => {
    const body = rows(section(md, 'Correlations with the truth'))
    expect(body[0]).toBe('| Latent | Truth | Pearson | Distance | Determination |')
    expect(body[2]).toBe('| z0 | truth_theta | -0.500 | 0.800 | — |')
    expect(body[body.length - 1]).toBe('| relevant set (z2, z0) | truth_theta | — | 0.990 | 0.998 |')
    expect(body).toHaveLength(6)
  })

  it('reports training, configuration and software', () => {
    const training = section(md, 'Training')
    expect(training).toContain('- Backend: wasm')
    expect(training).toContain('- Epochs: 4 of at most 4; lowest validation loss at epoch 3')
    expect(training).toContain('- Time: 1.50 s, 16 steps')
    expect(rows(training).slice(1)).toEqual(['| best | 3 | 0.100 | 0.0800 | 0.0300 | 0.500 |', '| final | 4 | 0.0900 | 0.0850 | 0.0300 | 0.550 |'])
    const config = rows(section(md, 'Configuration'))
    expect(config).toContain('| beta | 0.1 |')
    expect(config).toHaveLength(1 + Object.keys(tinyReport.config).length)
    expect(section(md, 'Software').join('\n')).toContain('symscope 0.1.0, TensorFlow.js 4.22.0')
  })

  it('links each figure named in options in its section, and no other', () => {
    expect(section(md, 'Latent relevance')).toContain('![Latent relevance](relevance.svg)')
    expect(section(md, 'Training')).toContain('![Training and validation loss](loss.svg)')
    expect(section(md, 'Intrinsic dimension')).toContain('![Intrinsic dimension against scale](dimension.svg)')
    expect(section(md, 'Latent maps')).toEqual(['', '![Latent maps over the input plane](latent-map.svg)', '', '![Latent profile: x1](profile-x1.svg)', ''])
    expect(md).not.toContain('profile-cos')
    const bare = reportMarkdown(tinyReport)
    expect(bare).not.toContain('![')
    expect(bare).not.toContain('## Latent maps')
  })

  it('escapes names that would break the Markdown', () => {
    const odd = reportSchema.parse({
      ...tinyReport,
      correlations: [{ latent: 2, truth: 'a|b *c*', pearson: 0.5, distance: 0.5 }],
      relevantSetCorrelations: [],
    })
    expect(reportMarkdown(odd)).toContain('| z2 | a\\|b \\*c\\* | 0.500 | 0.500 | — |')
  })
})

describe('formatReportNumber', () => {
  it('gives three significant digits, whole numbers from 1000 on, tiny ones in exponent form', () => {
    expect([0.98765, 12.345, 0, 1, 4000, 1234.56, 999.7, 0.00012345, -0.5, null].map(formatReportNumber)).toEqual([
      '0.988', '12.3', '0', '1.00', '4,000', '1,235', '1,000', '1.23e-4', '-0.500', '—',
    ])
  })
})

describe('reportMarkdown: negative determination', () => {
  it('explains an R² below 0 where one appears, and says nothing otherwise', () => {
    const withNegative = {
      ...tinyReport,
      relevantSetCorrelations: tinyReport.relevantSetCorrelations.length
        ? tinyReport.relevantSetCorrelations.map((c, i) => (i === 0 ? { ...c, determination: -0.31 } : c))
        : [{ truth: 'truth_theta', distance: 0.2, determination: -0.31 }],
    }
    const note = /A determination below 0 means the relevant latents predict that observable worse than its mean alone does/
    expect(section(reportMarkdown(withNegative), 'Correlations with the truth').join('\n')).toMatch(note)
    const positive = { ...tinyReport, relevantSetCorrelations: withNegative.relevantSetCorrelations.map((c) => ({ ...c, determination: 0.9 })) }
    expect(reportMarkdown(positive)).not.toMatch(note)
  })
})
