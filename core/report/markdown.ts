import { symmetriesMarkdown } from './symmetryMarkdown.js'
import type { InputFormat } from '../io/formats.js'
import type { Report } from './schema.js'
import { hasNegativeDetermination, NEGATIVE_DETERMINATION_NOTE } from './determination.js'

/** A file format as report.md names it. */
const FORMAT_NAMES: Record<InputFormat, string> = { csv: 'CSV', npy: 'NumPy .npy', npz: 'NumPy .npz', parquet: 'Parquet', lhe: 'LHE', hdf5: 'HDF5' }

export interface ReportMarkdownOptions {
  /** Figure files written beside report.md (`relevance.svg`, `loss.svg`, …): each is linked in its section. */
  figures?: readonly string[]
}

/**
 * A measured number for a table: three significant digits (1.00, 0.0424), exponent form below 0.001 (9.91e-4),
 * whole from 1000 on (1,235); "—" for none.
 */
export function formatReportNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  if (!Number.isFinite(value) || value === 0) return String(value)
  const size = Math.abs(value)
  if (size >= 999.5) return Math.round(value).toLocaleString('en-US')
  if (size < 1e-3) return value.toExponential(2)
  return value.toPrecision(3)
}

const num = formatReportNumber
/** A count: whole, with thousands separated (4,000). */
const count = (value: number): string => value.toLocaleString('en-US')

/**
 * Text safe in Markdown prose and table cells: characters that would start markup are escaped; an underscore
 * inside a word (truth_theta) starts none and is left as it is.
 */
const text = (value: string): string =>
  value.replace(/[\\`*[\]<>|#]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (ch) => `\\${ch}`)

const table = (head: string[], align: string[], rows: string[][]): string =>
  [`| ${head.join(' | ')} |`, `|${align.join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n')

const plainValue = (value: number | boolean | string | null): string =>
  value === null ? '—' : typeof value === 'number' ? String(value) : typeof value === 'boolean' ? String(value) : text(value)

/** Captions of the known figures; a profile's caption is built from its file name. */
const CAPTIONS: Record<string, string> = {
  'relevance.svg': 'Latent relevance',
  'loss.svg': 'Training and validation loss',
  'dimension.svg': 'Intrinsic dimension against scale',
  'latent-map.svg': 'Latent maps over the input plane',
}

/** Which section a figure file belongs to. */
const sectionOf = (file: string): string =>
  file === 'relevance.svg' ? 'relevance' : file === 'loss.svg' ? 'training' : file === 'dimension.svg' ? 'dimension' : file === 'latent-map.svg' || file.startsWith('profile-') ? 'maps' : 'other'

const caption = (file: string): string =>
  CAPTIONS[file] ?? (file.startsWith('profile-') ? `Latent profile: ${file.slice(8).replace(/\.svg$/, '')}` : file.replace(/\.svg$/, ''))

/** Markdown image link to a figure file (the path percent-encoded where it must be). */
const image = (file: string): string => `![${text(caption(file))}](${encodeURI(file).replace(/[()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)})`

/**
 * The report as readable Markdown (report.md): the verdict, the dataset and its exact constraints, the relevance
 * table, the intrinsic dimension with its Gride curve, the latent–truth correlations, training, configuration and
 * software, with the figures named in `options.figures` linked in their sections.
 *
 * @example reportMarkdown(report, { figures: ['relevance.svg'] }) // "# symscope report: circle\n\n**2 input features, …"
 */
export function reportMarkdown(report: Report, options: ReportMarkdownOptions = {}): string {
  const figures = options.figures ?? []
  const figuresIn = (section: string) => figures.filter((f) => sectionOf(f) === section).map(image)
  const { dataset, config, training, intrinsicDimension: id } = report
  const out: string[] = [`# symscope report: ${text(dataset.name)}`, `**${text(report.verdict)}**`]

  const { leftOutIdentifiers, knownTable, ...given } = dataset.parameters
  const parameters = Object.entries(given)
  out.push(
    '## Dataset',
    [
      `- Source: ${dataset.source === 'generator' ? 'generator' : `${FORMAT_NAMES[dataset.format ?? 'csv']} file`}`,
      `- Events: ${count(dataset.n)}`,
      `- Parameters: ${parameters.length ? parameters.map(([k, v]) => `${text(k)} = ${plainValue(v)}`).join(', ') : 'none'}`,
      `- Features (${dataset.features.length}): ${dataset.features.map(text).join(', ')}`,
      ...(typeof leftOutIdentifiers === 'string' ? [`- Left out as event identifiers, not measurements (name them as features to keep them): ${text(leftOutIdentifiers)}`] : []),
      ...(typeof knownTable === 'string' ? [`- Known table: ${text(knownTable)}`] : []),
      `- Truth observables: ${dataset.truth.length ? dataset.truth.map(text).join(', ') : 'none'}`,
      `- Exact constraints (constant features, dropped before training): ${
        dataset.constantFeatures.length ? dataset.constantFeatures.map((c) => `${text(c.name)} = ${Number(c.value.toPrecision(6))}`).join(', ') : 'none'
      }`,
      `- Expected degrees of freedom: ${dataset.expectedDegreesOfFreedom ?? 'unknown'}`,
      `- Feature matrix sha256: \`${dataset.sha256}\``,
    ].join('\n'),
  )

  const level = report.uncertainty ? `${Math.round(100 * report.uncertainty.level)} %` : null
  const range = (interval: { lower?: number; upper?: number } | null | undefined) =>
    interval?.lower === undefined || interval.upper === undefined ? '—' : `${num(interval.lower)} – ${num(interval.upper)}`
  const withIntervals = report.latents.some((l) => l.relevanceInterval)
  out.push(
    '## Latent relevance',
    `Relevance R = Var[μ] of each latent's posterior mean over the validation events, sorted; a latent is relevant when R ≥ ${config.threshold}.` +
      (withIntervals && report.uncertainty
        ? ` The ${level} interval is the bootstrap's over the evaluation events (${count(report.uncertainty.bootstrapResamples)} resamples): it shows how R moves with the events, not with the training seed (a scan shows that).`
        : ''),
    table(
      ['Rank', 'Latent', 'R', ...(withIntervals ? [`R, ${level} interval`] : []), 'KL (nats)', '1 − ⟨σ²⟩', 'Relevant'],
      ['---:', '---', '---:', ...(withIntervals ? ['---:'] : []), '---:', '---:', ':---:'],
      report.latents.map((l, i) => [
        String(i + 1), `z${l.index}`, num(l.relevance), ...(withIntervals ? [range(l.relevanceInterval)] : []), num(l.kl), num(l.oneMinusSigma2), l.relevant ? '✓' : '',
      ]),
    ),
    `Relevant latents: **${report.relevantCount}** of ${report.latents.length}. Largest gap in the spectrum: after rank ${report.largestGap.after} (ratio ${num(report.largestGap.ratio)}).`,
    ...figuresIn('relevance'),
  )

  const ks = [...new Set([...id.dataCurve, ...id.latentCurve].map((p) => p.k))].sort((a, b) => a - b)
  const at = (curve: typeof id.dataCurve, k: number) => curve.find((p) => p.k === k)
  const mle = (interval: typeof id.dataInterval) =>
    interval ? `; maximum likelihood ${num(interval.mle)}, ${level} interval ${range(interval)} (${count(Math.round(interval.effectiveN))} effective ratios)` : ''
  out.push(
    '## Intrinsic dimension',
    [
      `- Data (TwoNN, standardised features): ${num(id.data)}${mle(id.dataInterval)}`,
      `- Relevant-latent means (TwoNN): ${num(id.latent)}${mle(id.latentInterval)}`,
    ].join('\n'),
  )
  if (ks.length) {
    const curveIntervals = [...id.dataCurve, ...id.latentCurve].some((p) => p.lower !== undefined)
    out.push(
      'Gride estimate against neighbour order k (larger k looks at a larger scale; the median distance is to the 2k-th neighbour)' +
        (curveIntervals ? `, with its ${level} interval (profile likelihood adjusted for shared neighbours):` : ':'),
      table(
        ['k', 'd (data)', ...(curveIntervals ? ['interval (data)'] : []), 'median distance (data)', 'd (latent)', ...(curveIntervals ? ['interval (latent)'] : []), 'median distance (latent)'],
        ['---:', '---:', ...(curveIntervals ? ['---:'] : []), '---:', '---:', ...(curveIntervals ? ['---:'] : []), '---:'],
        ks.map((k) => {
          const [d, l] = [at(id.dataCurve, k), at(id.latentCurve, k)]
          return [
            String(k), num(d?.dimension), ...(curveIntervals ? [range(d)] : []), num(d?.medianDistance),
            num(l?.dimension), ...(curveIntervals ? [range(l)] : []), num(l?.medianDistance),
          ]
        }),
      ),
    )
  }
  out.push(...figuresIn('dimension'))

  if (report.linearToy) {
    out.push(
      '## Linear toy model',
      `A linear VAE keeps one latent per eigenvalue λ_k of the features' correlation matrix above βD/2 = ${num(report.linearToy.collapseThreshold)}, with relevance R_k = 1 − βD/(2λ_k), and collapses the rest (docs/linear-toy-model.md). Predicted against measured, rank by rank:`,
      table(
        ['Rank', 'λ_k', 'R predicted', 'Latent', 'R measured', 'measured − predicted'],
        ['---:', '---:', '---:', '---', '---:', '---:'],
        report.linearToy.ranks.map((r) => [
          String(r.rank), num(r.eigenvalue), num(r.predicted), r.latent === null ? '—' : `z${r.latent}`, num(r.measured),
          r.measured === null ? '—' : num(r.measured - r.predicted),
        ]),
      ),
    )
  }

  if (report.correlations.length || report.relevantSetCorrelations.length) {
    const relevant = report.latents.filter((l) => l.relevant).map((l) => `z${l.index}`)
    out.push(
      '## Correlations with the truth',
      'Pearson and distance correlation of each latent mean with each truth observable; the relevant latents together: distance correlation and determination (R² of nearest-neighbour regression of the truth on them).',
      table(
        ['Latent', 'Truth', 'Pearson', 'Distance', 'Determination'],
        ['---', '---', '---:', '---:', '---:'],
        [
          ...report.correlations.map((c) => [`z${c.latent}`, text(c.truth), num(c.pearson), num(c.distance), '—']),
          ...report.relevantSetCorrelations.map((c) => [`relevant set (${relevant.join(', ') || 'none'})`, text(c.truth), '—', num(c.distance), num(c.determination)]),
        ],
      ),
      ...(hasNegativeDetermination(report.relevantSetCorrelations) ? [NEGATIVE_DETERMINATION_NOTE] : []),
    )
  }

  if (report.symmetries) out.push(...symmetriesMarkdown(report.symmetries, { text, table, num }))

  const maps = figuresIn('maps')
  if (maps.length) out.push('## Latent maps', ...maps)

  const last = training.history[training.history.length - 1]
  const best = training.history.find((h) => h.epoch === training.bestEpoch)
  const lossRow = (name: string, h: (typeof training.history)[number]) =>
    [name, String(h.epoch), num(h.loss), num(h.validationLoss), num(h.reconstruction), num(h.kl)]
  out.push(
    '## Training',
    [
      `- Backend: ${text(training.backend)}`,
      `- Epochs: ${training.history.length} of at most ${config.epochs}${training.stoppedEarly ? ' (stopped early)' : ''}; lowest validation loss at epoch ${training.bestEpoch}`,
      `- Time: ${num(training.seconds)} s, ${count(training.steps)} steps`,
    ].join('\n'),
  )
  const c = training.convergence
  if (c) {
    out.push(
      c.converged
        ? `**Converged** after ${count(c.samples)} samples: the sorted relevances held steady over the last ${2 * c.window} check intervals, the relevant count and the loss over the last ${c.window} (a check every ${count(c.checkSamples)} samples, on ${count(c.checkRows)} held-out events; docs/method.md, "When training stops").`
        : `**Not converged**: training reached its cap of ${count(c.capSamples)} samples before the stopping rule held, so the relevant count is **undetermined**; the numbers below show what was still moving.`,
      table(
        ['Latent', 'R at the last check', `Drift per ${c.window} check intervals (over the last ${2 * c.window})`, 'Tolerance', 'Var[μ] + ⟨σ²⟩', ''],
        ['---:', '---:', '---:', '---:', '---:', '---'],
        c.latents.map((l) => [`z${l.index}`, num(l.relevance), num(l.drift), num(l.tolerance), num(l.totalVariance), l.collapsing ? 'collapsing' : '']),
      ),
    )
  }
  if (last) {
    out.push(
      table(
        ['', 'Epoch', 'Training loss', 'Validation loss', 'Reconstruction', 'KL (nats)'],
        ['---', '---:', '---:', '---:', '---:', '---:'],
        [...(best && best !== last ? [lossRow('best', best)] : []), lossRow(best === last ? 'final (best)' : 'final', last)],
      ),
    )
  }
  out.push(...figuresIn('training'))

  out.push(
    '## Configuration',
    table(['Setting', 'Value'], ['---', '---'], Object.entries(config).map(([k, v]) => [text(k), plainValue(v)])),
    '## Software',
    [`- symscope ${text(report.software.symscope)}, TensorFlow.js ${text(report.software.tfjs)}`, `- Report format ${text(report.version)}, id \`${report.id}\``].join('\n'),
  )
  const other = figuresIn('other')
  if (other.length) out.push('## Other figures', ...other)
  return `${out.join('\n\n')}\n`
}
