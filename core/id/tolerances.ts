// Every tolerance of the intrinsic-dimension estimators, each tagged with where its value comes from:
//   Derived: follows from a formula or a cited method;  Calibrated (bench/…): measured by that benchmark;
//   Floating-point: set by double precision;  Cost limit: bounds the work, far from changing a result.
// test/architecture/tolerances.test.ts checks every constant here carries one of these tags.

/**
 * Calibrated (bench/intervals.ts): how far an estimate may sit from an integer and still be on that integer's
 * plateau. Gride's spread over seeds is about 0.05 at k = 64 on 5,000 points (the benchmark's scatter column);
 * curvature and density gradients bias it by ~0.1 (docs/method.md); 0.25 keeps 1.25 and 1.75 off both plateaus (a
 * transition, not a dimension). Not derivable from the data: it separates "an integer with noise" from "between two
 * integers".
 */
export const PLATEAU_TOLERANCE = 0.25

/**
 * Derived: the share of the largest ratios μ = r₂/r₁ TwoNN leaves out of its fit, as Facco et al. (Sci. Rep. 7,
 * 12140, 2017) do: the Pareto tail is where the density is least uniform.
 */
export const TWO_NN_DISCARD_FRACTION = 0.1

/** Floating-point: the lower end of the bracket of Gride's likelihood root (a dimension far below any real one). */
export const GRIDE_BRACKET_LOW = 1e-6

/** Floating-point: bisection halvings of Gride's root, from a bracket of width ≤ 2^7 to the last bit of a double. */
export const GRIDE_BISECTIONS = 60

/**
 * Floating-point: bisection halvings for each end of a Gride interval, from a bracket a few standard errors wide:
 * 2^−48 of it is far below the interval's scatter.
 */
export const GRIDE_INTERVAL_BISECTIONS = 48

/**
 * Cost limit: seconds per pair of points and column of the exact neighbour searches, 0.4 ns + 0.01 ns · k
 * (nearestNeighbours at k neighbours; nearestTwo as k = 2), measured on the development machine (Node 20, one core,
 * 10 columns: 0.43 ns at k = 2, 1.6 ns at k = 128, 0.27 ns for nearestTwo). A paced search sizes its row blocks by
 * it (core/stats/pause.ts; the block's 0.05 s is a tenth of the bound, room for a slower machine) and the CLI
 * estimates the report's statistics by it; never a result.
 */
export const NEIGHBOURS_SECONDS_PER_PAIR_COLUMN = 4e-10

/** Cost limit: the part of NEIGHBOURS_SECONDS_PER_PAIR_COLUMN that grows with k (the candidate buffer's selections). */
export const NEIGHBOURS_SECONDS_PER_PAIR_COLUMN_PER_NEIGHBOUR = 1e-11

/**
 * Cost limit: seconds per pair of points (i < j) and term (column or order) of neighbourhoodCovariance, measured on
 * the development machine (Node 20): 4–6 ns on circles and uniform clouds of 2 to 10 dimensions at seven orders,
 * up to 14 ns where most pairs overlap at every order (a lattice-like cloud in 10 dimensions). It sizes the paced
 * kernel's row blocks (a block estimated at 0.05 s then takes at most ~0.12 s, under the 0.5 s bound) and the
 * CLI's estimate only.
 */
export const COVARIANCE_SECONDS_PER_PAIR_TERM = 6e-9
