import type { Symmetries } from './schema.js'

/** The report's Markdown helpers (core/report/markdown.ts passes its own, so escaping and tables stay one copy). */
export interface MarkdownHelpers {
  text: (value: string) => string
  table: (head: string[], align: string[], rows: string[][]) => string
  num: (value: number | null | undefined) => string
}

/** A formula as a code span (no Markdown escaping needed inside). */
const code = (value: string) => `\`${value.replace(/`/g, "'")}\``

/**
 * The "Symmetries" section of report.md: the constraints table, the manifold algebra with its generators in words and
 * its commutators, the invariances of the distribution with their statistics and margin, and the alignment of the
 * relevant latents with the orbits.
 */
export function symmetriesMarkdown(section: Symmetries, { text, table, num }: MarkdownHelpers): string[] {
  const out: string[] = [
    '## Symmetries',
    `Constraints, symmetry algebras and invariances of the raw features of ${section.events.toLocaleString('en-US')} events (method: docs/symmetries.md).`,
  ]
  if (section.constraints.length) {
    out.push(
      '### Constraints',
      'Relative RMS: the residual over the spread its terms would have if uncorrelated (0 exact, 1 no relation); exact below 1e-9.',
      table(
        ['Kind', 'Formula', 'Relative RMS', 'RMS', 'Exact'],
        ['---', '---', '---:', '---:', ':---:'],
        section.constraints.map((c) => [c.kind, code(c.formula), num(c.rms), num(c.rmsAbsolute), c.exact ? '✓' : '']),
      ),
    )
  } else out.push('### Constraints', 'None: no linear or quadratic function of the features is constant on the data.')
  out.push(`Coordinates after the restricting linear constraints: ${section.coordinates.length ? section.coordinates.map(text).join(', ') : 'none'}.`)

  const manifold = section.manifoldAlgebra
  if (manifold) {
    out.push(
      '### Symmetries of the data manifold',
      `**${text(manifold.name)}**, dimension ${manifold.dimension}: the affine fields v(x) = Ax + b tangent to every constraint at every event ` +
        `(residual below ${num(manifold.tolerance)}${manifold.nearestRejected !== null ? `; the nearest rejected field: ${num(manifold.nearestRejected)}` : ''}).`,
    )
    if (manifold.generators.length) out.push(manifold.generators.map((g, i) => `${i + 1}. X${i + 1}: ${text(g.description)}`).join('\n'))
    if (manifold.commutators.length) out.push(`Commutators: ${manifold.commutators.map((c) => code(c.text)).join(', ')}; all others vanish.`)
    else if (manifold.dimension > 1) out.push('All commutators vanish (abelian).')
  }

  const distribution = section.distributionAlgebra
  if (distribution) {
    out.push(
      '### Invariances of the distribution',
      `**${text(distribution.name)}**, dimension ${distribution.dimension}: the fields of the manifold algebra whose flow leaves the means of ` +
        `${distribution.testFunctions} test functions (monomials of degree ≤ 4) unchanged within the noise of ${distribution.blocks} batch means. ` +
        `A direction is invariant when its statistic r (signal over noise, about 1 for pure noise) is below ${distribution.threshold}.`,
    )
    if (distribution.generators.length) {
      out.push(distribution.generators.map((g, i) => `${i + 1}. Y${i + 1}: ${text(g.description)} (r = ${num(g.statistic)})`).join('\n'))
    }
    if (distribution.statistics.length) {
      out.push(
        `Statistics of all ${distribution.statistics.length} directions: ${distribution.statistics.map(num).join(', ')}. ` +
          `Margin (smallest rejected over largest accepted r): ${num(distribution.margin)}.`,
      )
    }
    if (distribution.commutators.length) out.push(`Commutators: ${distribution.commutators.map((c) => code(c.text)).join(', ')}.`)
  }

  if (section.alignment.length) {
    out.push(
      '### Alignment of the relevant latents with the orbits',
      'Share of the squared norm of the decoder Jacobian ∂x̂/∂z along the tangent space of the manifold algebra at the decoded point (1: the latent moves along the orbits only).',
      table(
        ['Latent', 'Fraction along the orbits', 'Points'],
        ['---', '---:', '---:'],
        section.alignment.map((a) => [`z${a.latent}`, num(a.fraction), a.points.toLocaleString('en-US')]),
      ),
    )
  }
  if (section.notes.length) out.push(section.notes.map((n) => `- ${text(n)}`).join('\n'))
  return out
}
