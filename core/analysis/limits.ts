/** Named limits of the analysis: each bounds a quadratic or memory-hungry step and is documented in the README. */

/** Most events one analysis trains on (memory: the standardised Float32 matrix and its tensors). */
export const MAX_ANALYSIS_EVENTS = 1_000_000

/** Fewest events an analysis accepts: below this no statistic in the report means anything. */
export const MIN_ANALYSIS_EVENTS = 50

/** Events used by TwoNN on the data and on the latent means (exact neighbour search is O(n²)). */
export const MAX_DIMENSION_ROWS = 10_000

/** Events used for the Gride curve (neighbours up to order 128). */
export const MAX_CURVE_ROWS = 4_000

/** Events used for distance correlations (O(n²) per latent–truth pair). */
export const MAX_CORRELATION_ROWS = 4_000

/** Bins of the latent profiles (⟨z⟩ against one variable) and cells per side of the plane map. */
export const PROFILE_BINS = 24
export const PLANE_BINS = 32

/** Default relevance threshold (docs/method.md): a latent with R ≥ 0.05 is relevant. */
export const DEFAULT_THRESHOLD = 0.05

/** Neighbours averaged by the k-nearest-neighbour regression behind `determination`. */
export const DETERMINATION_NEIGHBOURS = 10

/** Coverage of every confidence interval in the report (TwoNN, Gride, relevance bootstrap): 90 %. */
export const INTERVAL_LEVEL = 0.9

/** Bootstrap resamples of the evaluation events behind each relevance interval. */
export const BOOTSTRAP_RESAMPLES = 200
