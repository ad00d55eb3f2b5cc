import type { Symmetries } from '../symmetries/schema.js'
import { scaleText } from './symmetryWording.js'
import { discreteMarkdown } from './discreteMarkdown.js'
import type { MarkdownHelpers } from './markdownHelpers.js'


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
      'Spread: the gradient-normalised RMS, how far the events lie from the surface, in feature units; relative RMS: the residual over the spread its terms would have if uncorrelated (exact below 1e-9). A constraint counts when its spread is below the noise scale.',
      table(
        ['Kind', 'Formula', 'Spread', 'Relative RMS', 'RMS', 'Exact'],
        ['---', '---', '---:', '---:', '---:', ':---:'],
        section.constraints.map((c) => [c.kind, code(c.formula), num(c.distance), num(c.rms), num(c.rmsAbsolute), c.exact ? '✓' : '']),
      ),
    )
  } else out.push('### Constraints', 'None: no polynomial of degree ≤ 4 in the features is constant on the data within its noise scale.')
  out.push(`Coordinates after the restricting linear constraints: ${section.coordinates.length ? section.coordinates.map(text).join(', ') : 'none'}.`)
  const dimension = section.dimension
  if (dimension) {
    out.push(
      '### Dimension against scale',
      `${text(scaleText(section) ?? '')}. Noise scale (where the top plateau begins): ${num(dimension.noiseScale)}; constraints searched up to degree ${dimension.searchedDegree}; ` +
        // The constraints' count is the top rung's cross-check, not a second answer (issue 16, item 5).
        `${dimension.constraintRank} independent at the data, which leave ${dimension.constraintRank + dimension.freeCoordinates} − ${dimension.constraintRank} = ${dimension.freeCoordinates} ` +
        `for the top rung (${dimension.status}${dimension.reason ? `: ${text(dimension.reason)}` : ''}).`,
      table(
        ['Dimension', 'From scale', 'To scale', 'Mean estimate'],
        ['---:', '---:', '---:', '---:'],
        dimension.plateaus.map((p) => [String(p.dimension), num(p.from), num(p.to), num(p.mean)]),
      ),
    )
  }

  const manifold = section.manifoldAlgebra
  if (manifold) {
    out.push(
      '### Symmetries of the data manifold',
      `**${text(manifold.name)}**` +
        (manifold.status === 'determined'
          ? `, dimension ${manifold.dimension}: the affine fields v(x) = Ax + b tangent to every constraint at every event, each within its own tolerance` +
            `${manifold.nearestRejected !== null ? ` (nearest rejected field: ${num(manifold.nearestRejected)} in those units, tangent below 1)` : ''}` +
            `${manifold.approximate ? '. Approximate symmetries: some constraints are smeared, and these fields are tangent within their spread.' : '.'}`
          : `: ${text(manifold.reason ?? '')}.`),
    )
    if (manifold.generators.length) out.push(manifold.generators.map((g, i) => `${i + 1}. X${i + 1}: ${text(g.description)}`).join('\n'))
    if (manifold.commutators.length) out.push(`Commutators: ${manifold.commutators.map((c) => code(c.text)).join(', ')}; all others vanish.`)
    else if (manifold.dimension > 1) out.push('All commutators vanish (abelian).')
  }

  const distribution = section.distributionAlgebra
  if (distribution) {
    out.push(
      '### Invariances of the distribution',
      (distribution.status === 'undetermined' ? `**Undetermined**: ${text(distribution.reason ?? '')}. Not rejected: ` : '') +
        `**${text(distribution.name)}**, dimension ${distribution.dimension}: the generators whose invariance is not rejected at family-wise level ${distribution.level} (Holm). ` +
        `H0 for each: the distribution of the events is invariant under its flow. Candidates proposed on ${distribution.proposalEvents.toLocaleString('en-US')} events, ` +
        `tested on the other ${distribution.testEvents.toLocaleString('en-US')} (events in a random order): compact generators by comparing the sample with randomly transformed copies ` +
        '(conditional Monte Carlo), non-compact ones by the χ² test of the infinitesimal moment condition.',
      table(
        ['Generator', 'Source', 'Test', 'Statistic', 'd.o.f.', 'Events', 'p', 'Holm p', 'Decision'],
        ['---', '---', '---', '---:', '---:', '---:', '---:', '---:', '---'],
        distribution.tests.map((t) => [
          text(t.description), t.source, t.method === 'monte-carlo' ? `Monte Carlo (${t.copies} copies)` : 'χ²', num(t.statistic), num(t.degreesOfFreedom),
          t.events.toLocaleString('en-US'), num(t.pValue), num(t.adjustedPValue), t.invariant ? 'not rejected' : 'rejected',
        ]),
      ),
    )
    if (distribution.commutators.length) out.push(`Commutators: ${distribution.commutators.map((c) => code(c.text)).join(', ')}.`)
  }
  if (section.discrete) out.push(...discreteMarkdown(section.discrete, { text, table, num }))

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
