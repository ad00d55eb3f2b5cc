// The report as a page section: verdict, summary, relevance bars, intrinsic dimension, latent map, correlations,
// symmetries,
// profiles and loss. The web app and <symscope-report> both draw reports with this, from the same figure code as the
// CLI's SVG files (client/plots: reportFigures).
import { constraintText, discreteText, hasNegativeDetermination, manifoldText, NEGATIVE_DETERMINATION_NOTE, pValueText, scaleText, type Report } from '../../core/report/index.js'
import { formatNumber } from '../plots/axis.js'
import { reportFigures, type ReportFigure } from '../plots/reportFigures.js'
import { CLASSES, FIGURES, TEST_IDS, TEXT, type FigureName } from './constants.js'
import { h, svgNode } from './dom.js'

export interface ReportViewOptions {
  /** Figures to draw, in reading order; default all (FIGURES). */
  figures?: readonly FigureName[]
  /** Width available in pixels: below 640 the figures are drawn narrower, so their text stays legible on a phone. */
  width?: number
}

/** A number as the report view shows it: three significant digits, or a dash for null. */
const shown = (value: number | null | undefined): string => (value === null || value === undefined || !Number.isFinite(value) ? '–' : formatNumber(value))

/** A figure: the SVG, its test id and a caption. */
export function figure(svg: string, testId: string, caption: string, label: string): HTMLElement {
  const node = svgNode(svg)
  node.setAttribute('role', 'img')
  node.setAttribute('aria-label', label)
  return h('figure', { class: CLASSES.figure, 'data-testid': testId }, node, h('figcaption', { class: CLASSES.caption }, caption))
}

/** One line about the data, the training and the count of relevant latents. */
function summary(report: Report): HTMLElement {
  const { dataset, training, config } = report
  const epochs = training.history.length
  const parts = [
    `${dataset.name}: ${dataset.n.toLocaleString('en-US')} events, ${dataset.features.length} features`,
    training.convergence && !training.convergence.converged
      ? `relevant latents undetermined: training did not converge (${report.relevantCount} of ${report.latents.length} above the threshold ${shown(config.threshold)} at the cap, β = ${shown(config.beta)})`
      : `${report.relevantCount} of ${report.latents.length} latents relevant (threshold ${shown(config.threshold)}, β = ${shown(config.beta)})`,
    `trained ${epochs} epoch${epochs === 1 ? '' : 's'}${training.convergence ? ` (${training.convergence.samples.toLocaleString('en-US')} samples${training.convergence.converged ? ', converged' : ''})` : ''} in ${training.seconds.toFixed(1)} s on ${training.backend}`,
  ]
  if (dataset.constantFeatures.length) parts.push(`constant features (exact constraints): ${dataset.constantFeatures.map((c) => `${c.name} = ${shown(c.value)}`).join(', ')}`)
  // What core's input preparation decided about the columns (core/analysis/identifierColumns.ts, knownTables.ts).
  const { leftOutIdentifiers, knownTable } = dataset.parameters
  if (typeof leftOutIdentifiers === 'string') parts.push(`left out as event identifiers, not measurements: ${leftOutIdentifiers}`)
  if (typeof knownTable === 'string') parts.push(`this is ${knownTable}`)
  return h('p', { class: CLASSES.summary, 'data-testid': TEST_IDS.summary }, parts.join(' · '))
}

/** The two TwoNN numbers (data and relevant latents) beside the expected degrees of freedom, and the Gride curve. */
function dimension(report: Report, figures: ReportFigure[]): HTMLElement {
  const id = report.intrinsicDimension
  const value = (which: string, v: number | null) => h('strong', { class: CLASSES.number, 'data-which': which, 'data-value': v ?? '' }, shown(v))
  const expected = report.dataset.expectedDegreesOfFreedom
  // The TwoNN confidence interval (core/id/twoNNInterval.ts), where the report carries one.
  const interval = (which: string, i: Report['intrinsicDimension']['dataInterval']) =>
    i ? h('span', { 'data-interval': which }, ` (${Math.round(100 * i.level)} % interval ${shown(i.lower)} – ${shown(i.upper)})`) : ''
  const line = h(
    'p',
    {},
    'Intrinsic dimension (TwoNN): data ',
    value('data', id.data),
    interval('data', id.dataInterval),
    ', relevant latents ',
    value('latent', id.latent),
    interval('latent', id.latentInterval),
    expected === null ? '' : ` · expected degrees of freedom ${expected}`,
  )
  const curve = figures.find((f) => f.name === 'dimension.svg')
  return h(
    'section',
    { class: CLASSES.dimension, 'data-testid': TEST_IDS.intrinsicDimension, 'aria-label': 'Intrinsic dimension' },
    line,
    curve && figure(curve.svg, TEST_IDS.dimensionCurve, TEXT.dimensionCaption, curve.title),
  )
}

/** Latents (sorted) against truth observables: distance correlation per cell, Pearson in the tooltip. */
function correlations(report: Report): HTMLElement {
  const truth = report.dataset.truth
  if (!truth.length) return h('p', { 'data-testid': TEST_IDS.correlations }, 'No truth observables in this data: nothing to correlate the latents with.')
  const cell = (latent: number, name: string) => {
    const c = report.correlations.find((x) => x.latent === latent && x.truth === name)
    return h('td', { class: CLASSES.number, title: c ? `Pearson r = ${shown(c.pearson)}` : null }, shown(c?.distance))
  }
  const rows = report.latents.map((l) =>
    h(
      'tr',
      { class: l.relevant ? CLASSES.relevant : null },
      h('th', { scope: 'row' }, `z${l.index}`),
      h('td', { class: CLASSES.number, title: l.relevanceInterval ? `bootstrap interval ${shown(l.relevanceInterval.lower)} – ${shown(l.relevanceInterval.upper)}` : null }, shown(l.relevance)),
      ...truth.map((name) => cell(l.index, name)),
    ),
  )
  const together = h(
    'tr',
    {},
    h('th', { scope: 'row', colspan: 2 }, 'relevant latents together (R²)'),
    ...truth.map((name) => h('td', { class: CLASSES.number }, shown(report.relevantSetCorrelations.find((c) => c.truth === name)?.determination))),
  )
  const table = h(
    'table',
    { class: CLASSES.table },
    h('caption', {}, TEXT.correlationsCaption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'latent'), h('th', { scope: 'col' }, 'R'), ...truth.map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, ...rows, together),
  )
  const note = hasNegativeDetermination(report.relevantSetCorrelations) ? h('p', { class: CLASSES.note }, NEGATIVE_DETERMINATION_NOTE) : null
  return h('div', { class: CLASSES.tableWrap, 'data-testid': TEST_IDS.correlations }, table, note)
}

/**
 * The symmetry section (core/symmetries, docs/symmetries.md) in words: the constraints, the symmetry algebra of the
 * data with its generators, the invariances of the distribution with their margin, and how far the relevant latents
 * lie along the orbits.
 */
function symmetries(report: Report): HTMLElement | null {
  const s = report.symmetries
  if (!s) return null
  const items: HTMLElement[] = [h('li', {}, `Constraints: ${s.constraints.map(constraintText).join('; ') || 'none'}`)]
  const scale = scaleText(s)
  if (scale) items.push(h('li', {}, `Free coordinates by scale: ${scale}`))
  const manifold = s.manifoldAlgebra
  if (manifold) {
    const generators = manifold.generators.map((g) => h('li', {}, g.description))
    items.push(h('li', {}, `Symmetry algebra of the data: ${manifoldText(manifold)}`, generators.length ? h('ul', {}, ...generators) : null))
  }
  const distribution = s.distributionAlgebra
  if (distribution) items.push(h('li', {}, `Invariances of the distribution: ${distribution.status === 'undetermined' ? `undetermined (${distribution.reason}); not rejected: ` : ''}${distribution.name}, dimension ${distribution.dimension}`, invarianceTable(distribution)))
  if (s.discrete) items.push(h('li', { 'data-testid': TEST_IDS.symmetryGroup }, `Discrete symmetries and the whole group: ${discreteText(s.discrete)}`))
  if (s.alignment.length) {
    items.push(h('li', {}, `Relevant latents along the symmetry orbits: ${s.alignment.map((a) => `z${a.latent} ${shown(a.fraction)}`).join(', ')}`))
  }
  for (const note of s.notes) items.push(h('li', { class: CLASSES.caption }, note))
  return h('section', { 'data-testid': TEST_IDS.symmetries, 'aria-label': 'Symmetries' }, h('p', { class: CLASSES.caption }, TEXT.symmetriesCaption), h('ul', {}, ...items))
}

/** One row per invariance test: the flow, the test, p and Holm's adjusted p (scientific below 0.001), the outcome. */
function invarianceTable(a: NonNullable<NonNullable<Report['symmetries']>['distributionAlgebra']>): HTMLElement | null {
  if (!a.tests.length) return null
  const cell = (text: string) => h('td', { class: CLASSES.number }, text)
  const rows = a.tests.map((t) =>
    h(
      'tr',
      { class: t.invariant ? CLASSES.relevant : null },
      h('th', { scope: 'row' }, t.description),
      h('td', {}, t.method === 'monte-carlo' ? `Monte Carlo (${t.copies} copies)` : 'χ²'),
      cell(pValueText(t.pValue)),
      cell(pValueText(t.adjustedPValue)),
      h('td', {}, t.invariant ? 'invariant (not rejected)' : 'rejected'),
    ),
  )
  const head = ['flow', 'test', 'p', 'Holm p', `at level ${a.level}`].map((name) => h('th', { scope: 'col' }, name))
  return h(
    'div',
    { class: CLASSES.tableWrap, 'data-testid': 'invariance-table' },
    h('table', { class: CLASSES.table }, h('caption', {}, 'H₀: the distribution is invariant under the flow; Holm adjusts p over all tests.'), h('thead', {}, h('tr', {}, ...head)), h('tbody', {}, ...rows)),
  )
}

/**
 * The whole report as one `<section>`: the verdict first, then the figures asked for. Every figure comes from
 * `reportFigures`, so it is the same SVG the CLI writes.
 */
export function renderReport(report: Report, options: ReportViewOptions = {}): HTMLElement {
  const wanted = new Set<FigureName>(options.figures ?? FIGURES)
  const figures = reportFigures(report, { width: options.width && options.width > 0 ? options.width : undefined })
  const named = (name: string) => figures.find((f) => f.name === name)
  const parts: (HTMLElement | null | undefined | false)[] = [
    h('p', { class: CLASSES.verdict, 'data-testid': TEST_IDS.verdict, role: 'status' }, report.verdict),
    summary(report),
  ]
  for (const name of FIGURES) {
    if (!wanted.has(name)) continue
    if (name === 'relevance') {
      const f = named('relevance.svg')!
      parts.push(figure(f.svg, TEST_IDS.relevanceChart, TEXT.relevanceCaption, f.title))
    } else if (name === 'dimension') {
      parts.push(dimension(report, figures))
    } else if (name === 'latent-map') {
      const f = named('latent-map.svg')
      if (f) parts.push(figure(f.svg, TEST_IDS.latentMap, TEXT.latentMapCaption, f.title))
    } else if (name === 'correlations') {
      parts.push(correlations(report))
    } else if (name === 'symmetries') {
      parts.push(symmetries(report))
    } else if (name === 'profiles') {
      const profiles = figures.filter((f) => f.name.startsWith('profile-'))
      if (profiles.length) {
        parts.push(
          h(
            'section',
            { 'data-testid': TEST_IDS.profiles, 'aria-label': 'Latent profiles' },
            h('p', { class: CLASSES.caption }, TEXT.profilesCaption),
            h('div', { class: CLASSES.figures }, ...profiles.map((f) => figure(f.svg, `profile-${f.name.slice(8, -4)}`, f.title, f.title))),
          ),
        )
      }
    } else if (name === 'loss') {
      const f = named('loss.svg')!
      parts.push(figure(f.svg, TEST_IDS.lossCurve, TEXT.lossCaption, f.title))
    }
  }
  return h('section', { class: CLASSES.report, 'data-report-id': report.id }, ...parts.filter((p): p is HTMLElement => !!p))
}
