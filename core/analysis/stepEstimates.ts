// The seconds the analysis's long steps are estimated to take, from the shape alone, before each starts: the CLI
// prints them for steps of a second or more and draws its progress against them (client/cli/stepProgress.ts). They
// are estimates at the development machine's measured speeds (Node 20, one core), not limits: the limits are the
// budgets (core/symmetries/budget.ts, docs/limits.md), and nothing here changes a result.
import { covarianceSeconds } from '../id/neighbourhoodCovariance.js'
import { neighbourSeconds } from '../id/neighbours.js'
import { MAX_SPAN_DIMENSION } from '../symmetries/tolerances.js'
import { symmetryBudgetNote, symmetryWork } from '../symmetries/budget.js'
import { MAX_CURVE_ROWS, MAX_DIMENSION_ROWS } from './limits.js'

/** The symmetry budget's speed (core/symmetries/budget.ts): ~10⁸ of its operations per second. */
const SYMMETRY_OPERATIONS_PER_SECOND = 1e8

/**
 * The polynomial and algebra stages on narrow data (≤ MAX_SPAN_DIMENSION features), which budget.ts caps but does not
 * model from the shape: findSymmetries on uniform random tables of 50,000 events took 0.4–3.9 s at 2 to 12 features
 * and 1.1 s at 10,000 × 10 (2026-12-07, load ~5); about 8·10⁻⁵ s per event up to 50,000 events, the upper envelope.
 */
const NARROW_SECONDS_PER_EVENT = 8e-5
const NARROW_EVENTS = 50_000

/** Orders of the Gride curve (k = 1 … 64, doubling): the interval's pass over the pairs adds one term per order. */
const CURVE_ORDERS = 7

/** The symmetry section of n events × `features` raw features (0 when its budget skips the search). */
export function symmetrySeconds(n: number, features: number): number {
  if (symmetryBudgetNote(n, features)) return 0
  const narrow = features <= MAX_SPAN_DIMENSION ? NARROW_SECONDS_PER_EVENT * Math.min(n, NARROW_EVENTS) : 0
  return symmetryWork(n, features) / SYMMETRY_OPERATIONS_PER_SECOND + narrow
}

/** `dimensionOf` on `rows` points of `cols` coordinates: TwoNN's search, the curve's neighbours and the interval's pairs. */
export function dimensionSeconds(rows: number, cols: number): number {
  if (rows < 4 || cols < 1) return 0
  const id = Math.min(rows, MAX_DIMENSION_ROWS)
  const curve = Math.min(rows, MAX_CURVE_ROWS)
  return neighbourSeconds(id, cols, 2) + neighbourSeconds(curve, cols, Math.min(128, curve - 1)) + covarianceSeconds(curve, cols, CURVE_ORDERS)
}

/**
 * The statistics after training: the intrinsic dimension of the standardised data (n events, `cols` features) and of
 * at most `latent` relevant latents on the evaluation events (a share `validationSplit` of them); the relevance
 * bootstrap and the correlations are capped at a fraction of a second by their row limits (limits.ts).
 */
export function statisticsSeconds(n: number, cols: number, latent: number, validationSplit: number): number {
  return dimensionSeconds(n, cols) + dimensionSeconds(Math.floor(n * validationSplit), latent)
}
