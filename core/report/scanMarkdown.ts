import { formatReportNumber as num } from './markdown.js'
import type { Scan, Spread } from './scanSchema.js'

export interface ScanMarkdownOptions {
  /** Figure files written beside scan.md: each is linked under "Figures". */
  figures?: readonly { name: string; title: string }[]
}

const table = (head: string[], align: string[], rows: string[][]): string =>
  [`| ${head.join(' | ')} |`, `|${align.join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n')

/** "mean (min – max)" across seeds, the mean alone for one seed, "—" for none. */
const spreadText = (s: Spread, seeds: number): string =>
  s === null ? '—' : seeds === 1 || s.min === s.max ? num(s.mean) : `${num(s.mean)} (${num(s.min)} – ${num(s.max)})`

/**
 * The scan as readable Markdown (scan.md): the grid and the shared settings, per latent size the relevance of each
 * rank against β across seeds (the staircase), the relevant count and latent dimension, the β where each rank
 * collapses beside the linear toy model's prediction where it applies, and every point's report id.
 */
export function scanMarkdown(scan: Scan, options: ScanMarkdownOptions = {}): string {
  const seeds = scan.grid.seeds.length
  const out: string[] = [
    `# symscope scan: ${scan.dataset.name}`,
    [
      `- Events: ${scan.dataset.n.toLocaleString('en-US')}; features: ${scan.dataset.features.join(', ')}`,
      `- β: ${scan.grid.beta.map((b) => num(b)).join(', ')}`,
      `- Training seeds: ${scan.grid.seeds.join(', ')}; latent sizes: ${scan.grid.latent.join(', ')}`,
      `- Points: ${scan.points.length}, each a full analysis with its own report (id below)`,
      `- Relevance threshold: ${scan.config.threshold}; shared settings: ${Object.entries(scan.config).filter(([k]) => k !== 'threshold').map(([k, v]) => `${k} = ${v}`).join(', ')}`,
      `- Scan format ${scan.schema}, symscope ${scan.version}, id \`${scan.id}\``,
    ].join('\n'),
    seeds > 1 ? `Each cell: the mean over the ${seeds} seeds, and in brackets the smallest and largest value.` : 'One seed per point: no spread across seeds.',
  ]
  const unconverged = scan.points.filter((p) => p.converged === false).length
  if (unconverged) {
    out.push(
      `${unconverged} of ${scan.points.length} points did not converge before their cap: their counts are undetermined, ` +
        'so they are left out of the tables below and drawn hollow in the figures (each point\'s report says why).',
    )
  }
  for (const s of scan.series) {
    out.push(
      `## Latent size ${s.latent}: relevance against β`,
      table(
        ['β', ...s.ranks.map((r) => `R, rank ${r.rank}`), 'relevant latents', 'latent dimension'],
        ['---:', ...s.ranks.map(() => '---:'), '---:', '---:'],
        scan.grid.beta.map((beta, i) => [
          num(beta), ...s.ranks.map((r) => spreadText(r.relevance[i], seeds)), spreadText(s.relevantCount[i], seeds), spreadText(s.latentDimension[i], seeds),
        ]),
      ),
    )
    const predicted = scan.linearToy?.collapse
    out.push(
      `### Where each rank collapses (latent size ${s.latent})`,
      'The smallest grid β from which on the mean relevance stays below the threshold' +
        (predicted ? '; the linear toy model predicts β_k = 2λ_k/D (docs/linear-toy-model.md).' : '.'),
      table(
        ['Rank', 'collapses at β', ...(predicted ? ['λ_k', 'predicted β_k'] : [])],
        ['---:', '---:', ...(predicted ? ['---:', '---:'] : [])],
        s.collapse.map((c) => {
          const p = predicted?.find((x) => x.rank === c.rank)
          return [
            // Below the threshold already at the first grid β: it collapses there or at a smaller β.
            String(c.rank), c.beta === null ? 'not on this grid' : c.beta === scan.grid.beta[0] ? `≤ ${num(c.beta)}` : num(c.beta),
            ...(predicted ? [num(scan.linearToy!.eigenvalues[c.rank - 1]), p ? num(p.beta) : '—'] : []),
          ]
        }),
      ),
    )
  }
  if (options.figures?.length) out.push('## Figures', ...options.figures.map((f) => `![${f.title}](${encodeURI(f.name)})`))
  out.push(
    '## Points',
    'Every point is a full analysis; its report.json, report.md and figures sit in the cache under its id.',
    table(
      ['Latent size', 'β', 'Seed', 'Relevant', 'Latent dimension', 'Report id'],
      ['---:', '---:', '---:', '---:', '---:', '---'],
      scan.points.map((p) => [
        String(p.latent), num(p.beta), String(p.seed),
        p.converged === false ? `undetermined (not converged: ${p.relevantCount} at the cap${p.collapsing ? `, ${p.collapsing} collapsing` : ''})` : String(p.relevantCount),
        num(p.latentDimension), `\`${p.id}\``,
      ]),
    ),
  )
  return `${out.join('\n\n')}\n`
}
