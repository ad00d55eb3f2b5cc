// Every tolerance of the analysis (data → report), each tagged with where its value comes from:
//   Derived: follows from a formula or a cited method;  Calibrated (bench/…): measured by that benchmark;
//   Floating-point: set by double precision;  Cost limit: bounds the work, far from changing a result.
// test/architecture/tolerances.test.ts checks every constant here carries one of these tags. The settings a user may
// change (the relevance threshold, the interval level) are in limits.ts.

/**
 * Derived: relevance ratios between neighbours of the sorted spectrum are taken against at least this, so that two
 * collapsed latents (R ≈ 1e−9, float32 noise) make no gap: 1/50 of the default threshold (DEFAULT_THRESHOLD = 0.05),
 * so a gap at the threshold is still seen in full.
 */
export const GAP_FLOOR = 1e-3
