// Every tolerance of the statistics, each tagged with where its value comes from:
//   Derived: follows from a formula or a cited method;  Calibrated (bench/…): measured by that benchmark;
//   Floating-point: set by double precision;  Cost limit: bounds the work, far from changing a result.
// test/architecture/tolerances.test.ts checks every constant here carries one of these tags.

/**
 * Floating-point: the relative size of a series term, or a continued fraction's step, at which the incomplete gamma
 * function stops (Numerical Recipes, 3rd ed., §6.2: a few ulps of a double).
 */
export const SERIES_EPSILON = 1e-15

/**
 * Floating-point: the modified Lentz method's guard against division by zero (Numerical Recipes §5.2): any number far
 * below every term and far above the smallest double. The incomplete gamma and beta continued fractions share it.
 */
export const LENTZ_TINY = 1e-300

/** Cost limit: terms of the incomplete gamma series or continued fraction before it gives up (it needs O(√a)). */
export const MAX_SERIES_TERMS = 100_000

/** Cost limit: steps of the incomplete beta continued fraction before it gives up (it needs O(√max(a, b))). */
export const BETA_FRACTION_TERMS = 10_000

/** Floating-point: bisection halvings of the gamma quantile, from a bracket [0, 2^m · a] to the last bit of a double. */
export const GAMMA_QUANTILE_BISECTIONS = 200

/**
 * Floating-point: a feature whose spread is below this, relative to its magnitude, is constant (standardise drops
 * it): a few ulps of the f32 values it is trained on (2^−23 ≈ 1.2e−7).
 */
export const CONSTANT_FEATURE_TOLERANCE = 1e-6

/**
 * Cost limit: the longest a step that takes a pause (core/stats/pause.ts) computes between two pauses, as estimated
 * from its kernel's measured speed. A tenth of the 0.5 s bound on any synchronous block in a request (docs/limits.md),
 * so that a machine several times slower than the one measured still keeps every block under it.
 */
export const PAUSE_BLOCK_SECONDS = 0.05
