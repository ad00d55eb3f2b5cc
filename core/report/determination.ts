// What a negative determination means, in one sentence shared by report.md, the web app and the element.

/**
 * The determination R² = 1 − Σ(t − t̂)² / Σ(t − t̄)² of a truth observable t from the relevant latents (t̂ its
 * nearest-neighbour prediction, core/stats/neighbourDetermination.ts) has no lower bound: below 0 the prediction does
 * worse than the mean alone.
 */
export const NEGATIVE_DETERMINATION_NOTE =
  'A determination below 0 means the relevant latents predict that observable worse than its mean alone does ' +
  '(R² = 1 − residual variance / variance has no lower bound): they carry no usable information on it.'

/** Whether any determination in the report is below 0, so that the note is shown. */
export const hasNegativeDetermination = (correlations: readonly { determination: number }[]): boolean =>
  correlations.some((c) => c.determination < 0)
