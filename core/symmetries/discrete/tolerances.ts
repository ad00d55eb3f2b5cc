// Every constant of the discrete section (issue 20), each tagged with where its value comes from: derived, calibrated
// (with its benchmark), floating-point, or a cost limit.

/** Derived: A feature's centre is 0 when its mean lies within this many standard errors of 0 ("pz → −pz", not "pz → 0.002 − pz"). */
export const CENTRE_SIGMAS = 3

/** Derived: Two features are proposed as a swap when their means and spreads agree within this many standard errors (a pre-selection only: the test decides). */
export const MARGINAL_SIGMAS = 3

/** Cost limit: Events of the first half that the proposal reads (means, spreads, the covariance of the span coordinates). */
export const MAX_PROPOSAL_EVENTS = 50_000

/** Derived: Principal axes are proposed as mirrors only when their variance differs from every other's by more than this many sampling errors (λ√(2/n), Gaussian): a pre-selection, since a degenerate eigenspace's axes are noise. */
export const DEGENERATE_SIGMAS = 5

/** Cost limit: Whitened-frame exchanges of principal axes are proposed up to this many span coordinates (d(d − 1)/2 of them). */
export const MAX_WHITENED_DIMENSION = 6

/** Cost limit: Exchanges of particle blocks and swaps of features with equal marginals proposed at most, and base maps in all (D features give D flips). */
export const MAX_EXCHANGES = 16
/** Cost limit: swaps of features with equal marginals proposed at most (MAX_EXCHANGES above). */
export const MAX_SWAPS = 64
/** Cost limit: base maps proposed in all (MAX_EXCHANGES above; D features give D flips). */
export const MAX_BASE_CANDIDATES = 256

/** Cost limit: Compositions of two proposed maps tried at most (each one manifold check on MANIFOLD_EVENTS events). */
export const MAX_COMPOSED_CANDIDATES = 400

/** Cost limit: Quadratic constraints whose mirrors are proposed, at most (each gives d reflections and up to d(d − 1)/2 exchanges). */
export const MAX_QUADRICS = 2

/** Cost limit: Events of the first half on which a map's images are compared with the constraints. */
export const MANIFOLD_EVENTS = 500

/** Cost limit: The first look at a map: this many events, and a map whose ratio there exceeds MANIFOLD_GLANCE_FACTOR is off the manifold without a second (an RMS over 50 events is within a factor 2 of the one over 500 except for maps that move a few events only, which the factor 10 leaves to the full check). */
export const MANIFOLD_GLANCE = 50
/** Derived: a map whose ratio on the first MANIFOLD_GLANCE events exceeds this is off the manifold without the full check (MANIFOLD_GLANCE above: an RMS over 50 events is within a factor 2 of the one over 500). */
export const MANIFOLD_GLANCE_FACTOR = 10

/**
 * Derived: A map keeps a constraint when the mapped events lie within this many times the constraint's own spread of its
 * surface: the continuous section's tangency factor (TANGENCY_FACTOR), for the same reason (an approximate
 * constraint's spread is measured to some 10 %, and a map that breaks it moves the events by far more).
 */
export const MANIFOLD_FACTOR = 3

/** Floating-point: The floor of that comparison for exact constraints, relative to the coordinates' spread: f64 rounding of the mapped events stays far below it. */
export const MANIFOLD_EXACT_FLOOR = 1e-9

/** Cost limit: Maps tested on the distribution at most (those that keep the constraints, in the proposal's order). */
export const MAX_DISCRETE_TESTS = 16

/** Cost limit: Events per half whose signs give the asymmetry (all of them up to this). */
export const MAX_ASYMMETRY_EVENTS = 100_000

/** Cost limit: Events per half whose pair sums (the statistic's covariance) are formed: the asymmetry reads every event. */
export const PAIR_EVENTS = 10_000

/** Cost limit: The test functions: monomials of degree ≤ k in the span coordinates, the largest k ≤ 4 with at most this many (and k ≥ 2): the continuous tests' MAX_TEST_MONOMIALS. */
export const MAX_DISCRETE_TEST_FUNCTIONS = 70

/** Floating-point: Eigenvalues of the pair-sum matrix below this fraction of the largest are left out of the whitened statistic. */
export const PAIR_RANK_TOLERANCE = 1e-9

/** Derived: Two group elements are equal, or one commutes with or normalises the continuous algebra, within this relative distance (the maps are estimated from data to about 1/√n). */
export const GROUP_TOLERANCE = 0.05

/** Cost limit: Components of the group enumerated at most. */
export const MAX_COMPONENTS = 32

/** Derived: the two-sided 95 % normal quantile, for the asymmetry's interval. */
export const Z_95_TWO_SIDED = 1.959963984540054
/** Derived: the one-sided 95 % normal quantile, for the asymmetry's upper limit (Z_95_TWO_SIDED above). */
export const Z_95_ONE_SIDED = 1.6448536269514722
