// Every tolerance of the linear algebra, each tagged with where its value comes from:
//   Derived: follows from a formula or a cited method;  Calibrated (bench/…): measured by that benchmark;
//   Floating-point: set by double precision;  Cost limit: bounds the work, far from changing a result.
// test/architecture/tolerances.test.ts checks every constant here carries one of these tags.

/** Cost limit: sweeps after which the cyclic Jacobi method gives up; it converges quadratically, in 5 to 10 for D ≤ 16. */
export const MAX_SWEEPS = 60

/**
 * Floating-point: two entries a_ij and a_ji differing by more than this, relative to the largest |a|, make the matrix
 * asymmetric (rounding in a product of doubles leaves ~1e−16; an asymmetric input is off by far more).
 */
export const SYMMETRY_TOLERANCE = 1e-10

/** Floating-point: a pivot must beat the current one by this much, so that rounding-level ties keep the first. */
export const PIVOT_TIE = 1e-12

/**
 * Floating-point: the Jacobi sweeps stop when the off-diagonal sum of squares is below this times the diagonal's, so
 * small that it can no longer move a diagonal entry in double precision (ε² · 10⁻⁴, ε = 2^−52).
 */
export const OFF_DIAGONAL_CONVERGED = Number.EPSILON * Number.EPSILON * 1e-4
