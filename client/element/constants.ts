/**
 * Every DOM string the report view and the element use: tag name, attributes, events, CSS classes and the stable
 * `data-testid`s that tests and automation rely on. Change them here or nowhere.
 */

/** The custom element's tag. */
export const TAG = 'symscope-report'

/** Attributes the element reads (all optional; one of `report-id`, `src` or `dataset` says what to show). */
export const ATTRIBUTES = {
  reportId: 'report-id',
  scanId: 'scan-id',
  src: 'src',
  api: 'api',
  dataset: 'dataset',
  n: 'n',
  epochs: 'epochs',
  seed: 'seed',
  params: 'params',
  figures: 'figures',
} as const

/** Events the element dispatches (bubbling, composed): the report drawn, or the error shown instead. */
export const EVENTS = { load: 'symscope-load', error: 'symscope-error' } as const

/** Stable test ids (the list, plus the parts of the report view). */
export const TEST_IDS = {
  relevanceChart: 'relevance-chart',
  latentMap: 'latent-map',
  intrinsicDimension: 'intrinsic-dimension',
  verdict: 'report-verdict',
  trainingProgress: 'training-progress',
  backend: 'backend',
  lossCurve: 'loss-curve',
  dimensionCurve: 'dimension-curve',
  profiles: 'latent-profiles',
  correlations: 'correlation-table',
  symmetries: 'symmetries',
  symmetryGroup: 'symmetry-group',
  summary: 'report-summary',
  status: 'report-status',
  error: 'report-error',
  scan: 'scan-view',
  scanStaircase: 'scan-staircase',
  scanBeta: 'scan-beta',
  scanPoint: 'scan-point',
} as const

/** CSS classes of the report view (prefixed: the app and host pages share one namespace). */
export const CLASSES = {
  report: 'ss-report',
  verdict: 'ss-verdict',
  summary: 'ss-summary',
  figure: 'ss-figure',
  figures: 'ss-figures',
  caption: 'ss-caption',
  dimension: 'ss-dimension',
  table: 'ss-table',
  tableWrap: 'ss-table-wrap',
  status: 'ss-status',
  error: 'ss-error',
  relevant: 'ss-relevant',
  number: 'ss-number',
  note: 'ss-note',
} as const

/** Figures the report view can draw, in reading order; the element's `figures` attribute picks among them. */
export const FIGURES = ['relevance', 'dimension', 'latent-map', 'correlations', 'symmetries', 'profiles', 'loss'] as const
export type FigureName = (typeof FIGURES)[number]

/** Words the view and the element show. */
export const TEXT = {
  loading: 'Loading the report…',
  queued: 'Queued on the server…',
  running: (steps: number, total: number) => `Training on the server: ${steps} of ${total} steps…`,
  submitting: 'Submitting the analysis…',
  nothingToShow: `Nothing to show: give <${TAG}> a report-id, a scan-id, a src or a dataset attribute.`,
  scanRunning: (done: number, points: number) => `Scan on the server: ${done} of ${points} points done…`,
  scanCaption:
    'Relevance of each rank against β (log scale): the mean over the training seeds, their range as a band, and for a linear VAE the toy model’s 1 − βD/(2λ_k) dashed.',
  scanPoint: (beta: string, seed: number) => `The full report at β = ${beta}, seed ${seed}:`,
  relevanceCaption:
    'Relevance R = Var[μ] of each latent, sorted (the paper’s Fig. 2): coloured bars are above the threshold (dashed); diamonds are each latent’s KL to the prior.',
  dimensionCaption: 'Intrinsic dimension against the neighbour order k (Gride): small k looks at the finest scale.',
  latentMapCaption: '⟨z⟩ of the relevant latents over the input plane (the paper’s Fig. 3): blue below zero, red above.',
  profilesCaption: '⟨z⟩ against each feature and truth observable (the paper’s Fig. 4).',
  lossCaption: 'Training and validation loss per epoch.',
  symmetriesCaption:
    'Symmetries found in the data itself: functions constant on it, the vector fields tangent to those constraints (the symmetry algebra), the part of it that leaves the distribution unchanged, and how much of each relevant latent lies along the orbits.',
  correlationsCaption:
    'Distance correlation of each latent with each truth observable (0: independent, 1: determined); Pearson r in the tooltip. The last row takes the relevant latents together: R² of predicting the truth from them.',
} as const
