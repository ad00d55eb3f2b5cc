// When to stop training: on convergence of what the report states (docs/method.md, "When training stops"). Every
// CHECK_SAMPLES training samples the trainer measures, on the first CHECK_ROWS held-out events, each latent's
// relevance R_k = Var[μ_k] with its standard error, ⟨σ_k²⟩, the relevant count and the validation loss. Training
// stops at the first check where, over the last CONVERGENCE_WINDOW + 1 checks, the count has not changed and the loss
// has not moved by more than LOSS_TOLERANCE of itself, no latent is undecided, and over a span of two windows no
// sorted relevance (nor a relevant latent's ⟨σ²⟩) shows a trend beyond its tolerance, a change in the last window
// beyond its noise, or a slow relaxation left to run (`convergenceAt`).

/** Training samples between two checks (rounded up to whole batches): the unit of the stopping rule, not epochs. */
export const CHECK_SAMPLES = 65_536

/** Held-out events each check reads (the first of the validation rows, a seeded random subset): fixed, so the rule is the same at any n. */
export const CHECK_ROWS = 8_192

/**
 * Intervals in a window (≈ 2.6·10⁵ samples): the unit of drift, and the checks over which the count and the loss must
 * hold. Trends are fitted over a span of two windows, checks j − 2·CONVERGENCE_WINDOW … j (`spanTrend`).
 */
export const CONVERGENCE_WINDOW = 4

/**
 * z of the tolerance: the half-width of the report's 90 % interval (INTERVAL_LEVEL), z·SE(R_k). A drift below it is
 * invisible at the precision the report states a relevance to.
 */
export const DRIFT_Z = 1.645

/**
 * Smallest tolerance on a relevance: a collapsed latent (R ≈ 10⁻⁵, no error, no jitter) decaying smoothly would
 * otherwise never pass. At this rate a relevance would need over ten windows to move by the 0.03 the linear toy
 * model is checked to.
 */
export const DRIFT_FLOOR = 0.002

/** Largest relative change of the check's validation loss over the window. */
export const LOSS_TOLERANCE = 0.01

/**
 * A latent with R between this fraction of the threshold and the threshold is undecided: not collapsed (a collapsed
 * latent's R is ~10⁻³ of the threshold's scale or less) and not relevant. The rule waits for it to go one way.
 */
export const UNDECIDED_FRACTION = 0.2

/** Default budget of training samples: the cap when no check has converged (independent of n). */
export const DEFAULT_SAMPLE_BUDGET = 8_000_000

/** What one check measured, in latent order. */
export interface CheckRecord {
  /** Training samples seen at this check. */
  samples: number
  /** Mean loss over the check's held-out events. */
  loss: number
  /** R_k = Var[μ_k] per latent. */
  relevance: number[]
  /** Standard error of R_k: √((m₄ − R_k²)/M), the delta-method error of a variance over M events. */
  standardError: number[]
  /** ⟨σ_k²⟩ per latent: Var[μ_k] + ⟨σ_k²⟩ is the posterior's total variance, ≈ 1 at the optimum. */
  sigma2: number[]
  /** Latents with R_k ≥ the threshold. */
  relevantCount: number
}

/** The convergence verdict at one check. */
export interface ConvergenceState {
  converged: boolean
  /** Per latent: the least-squares change of R_k per window over the rule's span of two windows (`spanTrend`; 0 before a window of checks). */
  drift: number[]
  /** Per latent: its tolerance, max(DRIFT_FLOOR, DRIFT_Z · √(SE² + scatter²)). */
  tolerance: number[]
  /** Per latent: the scatter of R_k about the span's line, the training's jitter. */
  scatter: number[]
  /**
   * Latents neither counted nor dismissed: still falling towards zero beyond their tolerance, or undecided (between
   * UNDECIDED_FRACTION · threshold and the threshold). Empty when converged.
   */
  collapsing: number[]
  /** Relative change of the loss over the window. */
  lossDrift: number
}

/**
 * The check's statistics from the posterior sums of assembly/vae/check.ts (5 × K: Σμ, Σμ², Σμ³, Σμ⁴, Σσ² over
 * M rows). Central moments from raw ones in f64 (μ is O(1) for standardised data, so nothing cancels badly).
 */
export function checkRecord(samples: number, loss: number, sums: Float64Array, latent: number, rows: number, threshold: number): CheckRecord {
  const relevance: number[] = []
  const standardError: number[] = []
  const sigma2: number[] = []
  for (let k = 0; k < latent; k++) {
    const m1 = sums[k] / rows
    const r2 = sums[latent + k] / rows
    const r3 = sums[2 * latent + k] / rows
    const r4 = sums[3 * latent + k] / rows
    const variance = Math.max(0, r2 - m1 * m1)
    const m4 = Math.max(0, r4 - 4 * m1 * r3 + 6 * m1 * m1 * r2 - 3 * m1 ** 4)
    relevance.push(variance)
    standardError.push(Math.sqrt(Math.max(0, m4 - variance * variance) / rows))
    sigma2.push(sums[4 * latent + k] / rows)
  }
  return { samples, loss, relevance, standardError, sigma2, relevantCount: relevance.filter((r) => r >= threshold).length }
}

/**
 * How far a relevance still has to move if it relaxes exponentially. Over the rule's span of two windows, with d₁ and
 * d₂ the least-squares changes over its first and its last window, r = d₂/d₁ estimates e^(−w/T), and the geometric
 * series v (r + r² + …) = v r/(1 − r) is what is left of a change of v per window (Aitken's extrapolation), v the
 * span's least-squares change per window (`spanTrend`). Only a change the span shows beyond its own noise is
 * projected: |v| > z·SE(v), SE(v) from the span's scatter. A smooth creep has no scatter and is always projected;
 * white jitter fails this test on ~1 span in 20 (|v| beyond z·SE(v) on 1 in 10, and the two windows must agree in
 * sign too). Session 6 projected the last window's change whatever its noise, and white jitter failed on ~1 window in
 * 5 (simulated with the relevance's standard error at half the jitter, as on e⁺e⁻). Windows of opposite sign
 * (jitter, not a relaxation) leave nothing; r is clamped to MAX_DECAY, so a relevance that is not decelerating counts
 * as 4 more windows of its change.
 */
export function remainingDrift(trend: Pick<SpanTrend, 'change' | 'changeError' | 'first' | 'last'>): number {
  const { change, changeError, first, last } = trend
  if (last === 0 || first === 0 || Math.sign(first) !== Math.sign(last) || Math.sign(change) !== Math.sign(last)) return 0
  if (Math.abs(change) <= DRIFT_Z * changeError) return 0
  const r = Math.min(MAX_DECAY, last / first)
  return Math.abs(change) * (r / (1 - r))
}

/** Largest ratio of successive window changes in `remainingDrift`: a trend slower than this counts as e^(−w/T) = 0.8. */
const MAX_DECAY = 0.8

const sortedDescending = (values: readonly number[]) => [...values].sort((a, b) => b - a)

/**
 * Least-squares line through values at checks 0 … w: its change over the window (slope × w) and the residual scatter
 * about it, √(Σ residual² / (w − 1)).
 */
export function windowTrend(values: readonly number[]): { change: number; scatter: number } {
  const w = values.length - 1
  const tMean = w / 2
  const xMean = values.reduce((s, v) => s + v, 0) / values.length
  let sxy = 0
  let sxx = 0
  values.forEach((x, t) => {
    sxy += (t - tMean) * (x - xMean)
    sxx += (t - tMean) ** 2
  })
  const slope = sxy / sxx
  let residual = 0
  values.forEach((x, t) => {
    residual += (x - xMean - slope * (t - tMean)) ** 2
  })
  return { change: slope * w, scatter: w > 1 ? Math.sqrt(residual / (w - 1)) : 0 }
}

/** A relevance's (or ⟨σ²⟩'s) trend over the rule's span of checks, in the units the rule tests. */
export interface SpanTrend {
  /** Least-squares change per window (CONVERGENCE_WINDOW intervals) over the whole span. */
  change: number
  /** Scatter of the span's checks about that line: the training's jitter, wander within the span included. */
  scatter: number
  /** Standard error of `change` if the scatter were independent from check to check: scatter · w / √Σ(t − t̄)². */
  changeError: number
  /** Least-squares changes over the span's first and last window (for the relaxation's ratio); 0 on a shorter span. */
  first: number
  last: number
  /** Standard error of `last` if the scatter were independent from check to check: scatter · w / √Σ(t − t̄)² over one window. */
  lastError: number
}

/**
 * The trend of one series over the last checks of a span of 2·CONVERGENCE_WINDOW + 1 (fewer while training is
 * younger): the line is fitted over the whole span, so its slope averages over two windows of wander and its scatter
 * has 2w − 1 degrees of freedom instead of the w − 1 of one window (session 6's rule fitted one window and stopped
 * only on a window whose few checks happened to lie on a flat line: e⁺e⁻ at 10⁵ events, wandering by ±0.05 about a
 * steady level, stopped after 1.4·10⁶ samples on one seed and 7·10⁵ on another).
 */
export function spanTrend(values: readonly number[], window = CONVERGENCE_WINDOW): SpanTrend {
  const span = values.length - 1
  const fit = windowTrend(values)
  const sxx = (span * (span + 1) * (span + 2)) / 12 // Σ(t − t̄)² over t = 0 … span
  const perWindow = window / span
  const halves = span >= 2 * window
  return {
    change: fit.change * perWindow,
    scatter: fit.scatter,
    changeError: (fit.scatter * window) / Math.sqrt(sxx),
    first: halves ? windowTrend(values.slice(span - 2 * window, span - window + 1)).change : 0,
    last: halves ? windowTrend(values.slice(span - window)).change : 0,
    lastError: (fit.scatter * window) / Math.sqrt((window * (window + 1) * (window + 2)) / 12),
  }
}

/**
 * The stopping rule at the last of `checks`, over the last 2·CONVERGENCE_WINDOW + 1 checks (the span; the count and
 * the loss over the last CONVERGENCE_WINDOW + 1 of them):
 * - the relevant count is the same at every check of the last window;
 * - every rank j of the sorted spectrum has no trend: the least-squares change per window over the span is within
 *   τ_j = z·√(SE_j² + s_j²) (z = DRIFT_Z, SE_j the relevance's sampling error over the check events, s_j the scatter
 *   of the span's checks about the line, the training's own jitter), or within DRIFT_FLOOR; the last window's change
 *   is within z·√(SE_j² + (1.26 s_j)²), its own error; and what is left of a change beyond the span's noise, if it
 *   relaxes exponentially (`remainingDrift`), is within τ_j too, so a slow mode near a collapse (critical slowing) is
 *   not taken for a settled one. Convergence thus needs 2·window + 1 checks;
 * - each relevant latent's ⟨σ²⟩ (the report's 1 − ⟨σ²⟩) passes the same two tests at its relevance's sampling error;
 * - no latent is undecided (UNDECIDED_FRACTION);
 * - the loss's least-squares change over the last window is within LOSS_TOLERANCE of itself.
 * Sorting makes the rule blind to which latent index carries which direction. A steady trend fails it however noisy
 * the checks (for a straight line the scatter is 0); stationary jitter, or a wander about a steady level, passes it.
 */
export function convergenceAt(checks: readonly CheckRecord[], threshold: number): ConvergenceState {
  const last = checks[checks.length - 1]
  const latent = last.relevance.length
  if (checks.length <= CONVERGENCE_WINDOW) {
    const tolerance = last.standardError.map((se) => Math.max(DRIFT_FLOOR, DRIFT_Z * se))
    return { converged: false, drift: new Array(latent).fill(0), tolerance, scatter: new Array(latent).fill(0), collapsing: [], lossDrift: Infinity }
  }
  const span = checks.slice(-1 - 2 * CONVERGENCE_WINDOW)
  const window = checks.slice(-1 - CONVERGENCE_WINDOW)
  const fullSpan = span.length === 2 * CONVERGENCE_WINDOW + 1
  const trendOf = (values: number[], se: number) => {
    const trend = spanTrend(values)
    return { ...trend, tolerance: Math.max(DRIFT_FLOOR, DRIFT_Z * Math.hypot(se, trend.scatter)) }
  }
  // The last window alone, at its own noise (its change has w/√Σ(t − t̄)² = 1.26 times the checks' scatter): a
  // relevance that jumped in the last window moves the span's line little but this change much.
  const settled = (t: ReturnType<typeof trendOf>, se: number) =>
    Math.abs(t.change) <= t.tolerance &&
    Math.abs(t.last) <= Math.max(DRIFT_FLOOR, DRIFT_Z * Math.hypot(se, t.lastError)) &&
    remainingDrift(t) <= t.tolerance
  // Per latent index (what the report shows) and per rank of the sorted spectrum (what the rule reads).
  const byLatent = Array.from({ length: latent }, (_, k) => trendOf(span.map((c) => c.relevance[k]), last.standardError[k]))
  const sortedSe = last.relevance.map((r, k) => [r, last.standardError[k]] as const).sort((a, b) => b[0] - a[0]).map(([, se]) => se)
  const sorted = span.map((c) => sortedDescending(c.relevance))
  const spectrumSettled = fullSpan && Array.from({ length: latent }, (_, j) => settled(trendOf(sorted.map((r) => r[j]), sortedSe[j]), sortedSe[j])).every(Boolean)
  // 1 − ⟨σ²⟩, which the report states beside each relevant latent's relevance, by the same two tests at the same
  // tolerance as that relevance (the linear toy model's rotation within its active plane settles ⟨σ²⟩ last).
  const relevantLatents = last.relevance.flatMap((r, k) => (r >= threshold ? [k] : []))
  const varianceSettled = fullSpan && relevantLatents.every((k) => settled(trendOf(span.map((c) => c.sigma2[k]), last.standardError[k]), last.standardError[k]))
  const countSettled = window.every((c) => c.relevantCount === last.relevantCount)
  const loss = windowTrend(window.map((c) => c.loss))
  const lossDrift = Math.abs(loss.change) / Math.max(Math.abs(last.loss), 1e-12)
  // Neither collapsed nor relevant: between UNDECIDED_FRACTION · threshold and the threshold. Near a collapse the
  // collapsing direction is shared by several latents at such values for millions of samples before one takes it
  // (linear toy model at β = 0.9 β_c: R₃ spread 0.03/0.02/0.01 over three latents at 3·10⁶ samples, one latent at 0.10,
  // as predicted, from 5·10⁶), so the count is not yet a count.
  const undecided = last.relevance.flatMap((r, k) => (r >= UNDECIDED_FRACTION * threshold && r < threshold ? [k] : []))
  const converged = spectrumSettled && varianceSettled && countSettled && lossDrift <= LOSS_TOLERANCE && undecided.length === 0
  // Still falling beyond tolerance, already closer to the prior than to signal (R < ½, as Var[μ] + ⟨σ²⟩ ≈ 1), at a rate
  // that would take it below the threshold within one more default budget: a latent in critical slowing towards
  // collapse (docs/method.md), neither counted nor dismissed. (A relevance above ½ that falls is settling, e.g. from
  // an early overshoot above 1.)
  const horizon = DEFAULT_SAMPLE_BUDGET / (CONVERGENCE_WINDOW * CHECK_SAMPLES)
  const collapsing = converged
    ? []
    : byLatent.flatMap((t, k) => {
        const r = last.relevance[k]
        return undecided.includes(k) || (t.change < -t.tolerance && r < 0.5 && r + horizon * t.change < threshold) ? [k] : []
      })
  return {
    converged,
    drift: byLatent.map((t) => t.change),
    tolerance: byLatent.map((t) => t.tolerance),
    scatter: byLatent.map((t) => t.scatter),
    collapsing,
    lossDrift,
  }
}
