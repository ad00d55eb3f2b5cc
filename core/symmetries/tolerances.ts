/**
 * Every tolerance and size of the symmetry search in one place (docs/symmetries.md explains each). "Relative RMS"
 * is the RMS of a constraint's residual over the events divided by the spread its terms would give if they were
 * uncorrelated: √(Σ_t (c_t σ_t)²), with σ_t the standard deviation of term t's standardised monomial. It is 1 for a
 * combination of independent features and 0 for a function that is constant on the data. Each constant's comment opens
 * with where its value comes from: derived, calibrated (with the benchmark that measures it), floating-point, or a cost
 * limit (test/architecture/tolerances.test.ts).
 */

/** Floating-point: Relative RMS below which a constraint is exact. f64 data rounds at ~1e-16 relative; 1e-9 leaves room for sums. */
export const EXACT_TOLERANCE = 1e-9

/**
 * Calibrated (bench/symmetryTruth.ts): Relative RMS below which a linear constraint restricts the coordinates of the later steps, and below which a
 * quadratic constraint is listed. Tighter than LOOSE_LINEAR_TOLERANCE because a looser linear relation ℓ ≈ c, left in
 * the coordinates, makes every product ℓ·x look like a quadratic constraint of the same RMS.
 */
export const SPAN_TOLERANCE = 0.05

/**
 * Calibrated (bench/symmetryTruth.ts): Relative RMS below which a linear relation is a candidate (a pre-selection: it counts as an approximate constraint
 * only when its events lie within the data's noise scale τ of its plane, constraintSearch.ts). Why it stays, and why
 * it cannot be derived: τ is where the dimension curve's top plateau begins, which is the noise only when the curve
 * resolves it; when the curve starts on its top plateau, τ is the nearest-neighbour scale, a resolution limit (29 GeV
 * for 4,000 Drell–Yan events, against transverse momenta of tens of GeV). Any direction of the correlation matrix is then
 * "thinner than τ", and only its relative RMS tells a relation from a feature's own spread: √λ = 1 for independent
 * features, and the sampling spread of √λ is O(√(D/n)) — so no quantile marks "a relation worth naming"; 0.6 asks for
 * a 40 % reduction. Above it a direction is neither tested nor listed in the note of correlated relations.
 */
export const LOOSE_LINEAR_TOLERANCE = 0.6

/**
 * Cost limit: Polynomial constraints (polynomialConstraints.ts) have no tolerance of their own: a candidate is a constraint when
 * its gradient-normalised RMS is below the data's noise scale (noiseScale.ts). What remains are sizes and numerical
 * ranks. MAX_CONSTRAINT_MONOMIALS: the degree searched is the largest k ≤ 4 whose monomials of degree 1 … k number at
 * most this (d ≤ 4: 4; d = 5: 3; d ≥ 6: 2): the generalised eigenproblem is N × N and needs moments of degree 2k.
 */
export const MAX_CONSTRAINT_MONOMIALS = 70
/** Floating-point: Singular values below this fraction of the largest span nothing when the ideal's products are collected (they are exact products). */
export const IDEAL_RANK_TOLERANCE = 1e-9
/**
 * Calibrated (bench/symmetryTruth.ts): Spreads of the span coordinates within this factor of each other are taken to share units, and distances are taken
 * in them (noiseScale.ts, distanceFrame); beyond it the coordinates are standardised first. Physics features in GeV
 * differ by ≲ 30 (Drell–Yan's longitudinal against transverse momenta); random unit scales by decades.
 */
export const UNIT_RATIO = 100
/** Cost limit: Events used for the dimension-versus-scale curve (brute-force neighbours: O(m²)). */
export const NOISE_SCALE_EVENTS = 4000
/** Cost limit: Events at which the constraints' Jacobian rank is taken, and its numerical rank cut (normalised rows). */
export const JACOBIAN_POINTS = 200
/** Floating-point: the numerical rank cut of the constraints' Jacobian at JACOBIAN_POINTS events (rows normalised): exact constraints give rank deficits at ~1e-15, approximate ones far above 1e-6. */
export const JACOBIAN_RANK_TOLERANCE = 1e-6

/**
 * Floating-point: A polynomial candidate whose distance (the generalised eigenvalue's root) is below this fraction of the coordinates'
 * common unit sits at the floating-point floor, not at the noise (floating point: the moments of degree ≤ 8 carry a
 * relative error ~1e-13, their root ~1e-7 at worst): searched past what the dimension needs, and kept only when
 * measured exact on the events (polynomialConstraints.ts).
 */
export const EXACT_CANDIDATE = 1e-6

/** Floating-point: An eigenvalue-based relative RMS below this is zero in floating point: such directions are reduced together. */
export const NUMERICAL_NULL = 1e-6

/**
 * Floating-point: A field is tangent to a constraint g when the data-weighted RMS of ∇ĝ·v (unit field in standardised coordinates,
 * ∇ĝ normalised to unit mean square) is below max(TANGENCY_TOLERANCE, TANGENCY_FACTOR × g's normalised RMS in
 * standardised units) — its own thickness, times 3 so that a field which leaves it by less than its spread over the
 * data's extent is kept (an approximate symmetry). Exactly tangent fields read ~1e-16. Nearly massless particles make near-symmetries that must
 * stay out: the dilatation of both muons misses the mass shells by m²/E², which reads 1e-7 on the CMS events
 * (E ≈ 45 GeV) and 2e-9 on 13 TeV Drell–Yan events (E of hundreds of GeV); 1e-11 leaves a factor 100 on each side.
 */
export const TANGENCY_TOLERANCE = 1e-11
/** Derived: a field may leave an approximate constraint by up to this many times its own spread over the data's extent and stay an approximate symmetry (TANGENCY_TOLERANCE above): three standard deviations. */
export const TANGENCY_FACTOR = 3
/**
 * Floating-point: the tangency system's floor is ε √cond of the monomials' covariance (tangency.ts), times this
 * factor for the sums over the monomials and the constraints' own substitution into standardised coordinates.
 */
export const TANGENCY_FLOOR_FACTOR = 100
/**
 * Calibrated (bench/symmetryTruth.ts): Where that floor decides, the accepted and the rejected singular values must differ by this factor (three decades;
 * on the truth suite's seed 16 true null spaces stand 1e4–1e5 apart and a fitted curve's spurious field ~40).
 */
export const TANGENCY_GAP = 1e3

/**
 * Floating-point: A generator is simplified by setting entries below a fraction of its largest to zero and rounding the others,
 * trying these fractions from the coarsest down: the first simplified field that is still tangent (and, in the
 * distribution algebra, still invariant) replaces the computed one; else the computed one stays.
 */
export const SIMPLIFY_LEVELS = [0.3, 0.2, 0.1, 0.05, 0.02, 0.01, 1e-3, 1e-6]

/** Floating-point: Relative tolerances when rounding coefficients to simple fractions (denominators up to MAX_DENOMINATOR). */
export const SNAP_EXACT = 1e-6
/** Derived: the relative tolerance when rounding an approximate relation's coefficients: within 5 %, inside the spread its coefficients are measured with (the rounded relation is kept only when it still holds, SNAP_GROWTH). */
export const SNAP_APPROXIMATE = 0.05
/** Cost limit: denominators tried when rounding coefficients to simple fractions (up to 12: halves, thirds, quarters, sixths, twelfths). */
export const MAX_DENOMINATOR = 12

/**
 * Derived: A rounded formula replaces the computed one when its relative RMS (linear relations) or its events' distance from
 * the surface (polynomial constraints) grows by at most this factor: a readability choice, not a statistic.
 */
export const SNAP_GROWTH = 1.1

/**
 * Cost limit: An approximate polynomial constraint's terms are also tried dropped in pairs when at most this many are left
 * (n(n − 1)/2 passes over the events): a cost bound, since pairs that cancel only together are rare.
 */
export const MAX_PAIR_TERMS = 12

/**
 * Cost limit: the pivot sets tried when writing a group of linear relations in its sparsest basis
 * (constraints/sparseRelations.ts); past it the echelon form's own pivots are kept. C(8, 2) = 28 for two relations
 * among a dimuon's 8 momenta; C(20, 3) = 1140 is past it.
 */
export const MAX_PIVOT_SETS = 500

/** Floating-point: Threshold pivoting when reducing a basis to echelon form: a pivot may be any entry within this factor of the largest. */
export const PIVOT_THRESHOLD = 0.5

/**
 * Calibrated (bench/invarianceCalibration.ts): The proposal of invariant combinations (invarianceProposal.ts, on the first half of the events): the ratio r of the
 * squared infinitesimal change of the test-function means to its noise (estimated from INVARIANCE_BLOCKS batch means)
 * is about 1 for an invariance; a combination is proposed when r < INVARIANCE_THRESHOLD. A pre-selection only: it
 * decides which combinations get a calibrated test on the other half (distributionAlgebra.ts), so it can cost power
 * (an invariance not proposed is not tested as such) or tests (each one divides Holm's α), never the level. Why it
 * cannot be derived: r's null law depends on the whitening of the 8-batch noise estimate and on the data's moments,
 * and no level is being controlled here. 5 sits above the largest r seen under invariance over 300 seeds each
 * (≤ 4.4 circle at 1,000 events, ≤ 4.1 e⁺e⁻ at 2,000, ≤ 2.3 Drell–Yan at 2,000; median 1), so a true invariance is
 * almost always proposed; broken symmetries read ~10 at 2,000 events and ~100 at 20,000, and are then rejected by
 * their tests if proposed.
 */
export const INVARIANCE_THRESHOLD = 5
/** Derived: batches whose means estimate the proposal's noise (INVARIANCE_THRESHOLD above): 16 batch means give the noise covariance of the test-function means with 15 degrees of freedom per entry, at a cost linear in the events. */
export const INVARIANCE_BLOCKS = 16
/**
 * Calibrated (bench/invarianceCalibration.ts): Below INVARIANCE_THRESHOLD the proposal stops at the first ratio of this size between consecutive r (issue 16): r of
 * a true invariance spreads over about a decade (0.3 … 4.4 over the 300-seed runs above), so a gap of 20 separates
 * exact invariances (r ≪ 1) from a broken direction that falls under the threshold beside them. Costs power only.
 */
export const PROPOSAL_GAP = 20
/**
 * Derived: A proposal of the moments within this (relative) of the span of the whitened-frame rotations is the same invariance
 * estimated less exactly (distributionAlgebra.ts): the whitening's own sampling error is O(√(d/n)), a few per cent.
 */
export const WHITENED_OVERLAP = 0.1
/**
 * Derived: Test functions: monomials of degree 1 … TEST_DEGREE in the standardised coordinates. 4 uses every moment the kernel
 * computes anyway; degree 3 cannot tell a square (symmetric under quarter turns) from a disk.
 */
export const TEST_DEGREE = 4

/**
 * Derived: the orders of the orbit-phase harmonics tested beside the monomials (invariance/orbitHarmonics.ts): every
 * order j ≤ J(N) = min(MAX_HARMONIC_ORDER, max(TEST_DEGREE, ⌊√N⌋)) for N test events. An empirical harmonic has
 * variance ~1/N per component at every order, and with the level shared as w_j ∝ j⁻² (weighted Bonferroni) the
 * detectable amplitude at order j is √(−ln(α w_j) mean q² / N): it grows only as √ln j, so the test's cost does not
 * limit the orders; what the events resolve does. An order-j harmonic is estimated from N/j events per period, and
 * J = √N keeps at least √N of them (44 at N = 2,000) in every period of the highest order tested. A harmonic above J
 * is not tested, and the power statement (HARMONIC_POWER) names orders 1 … J only.
 */
export const HARMONIC_ORDERS = (events: number) => Math.min(MAX_HARMONIC_ORDER, Math.max(TEST_DEGREE, Math.floor(Math.sqrt(events))))
/** Cost limit: the highest harmonic order tested (HARMONIC_ORDERS above): N · 64 complex products per flow. */
export const MAX_HARMONIC_ORDER = 64
/**
 * Derived: an invariance is claimed only where its test had power (issue 16): a compact one when its harmonic test
 * (invariance/orbitHarmonics.ts) detects a phase harmonic of amplitude |E e^(ijψ)| below this at its share of the
 * level. ½ is the largest amplitude of a one-harmonic modulation 1 + a cos jψ (a ≤ 1, the density ≥ 0): above it, even
 * a density that vanishes somewhere on every orbit would go unseen.
 */
export const HARMONIC_POWER = 0.5

/**
 * Derived: The calibrated invariance tests (distributionAlgebra.ts, invarianceTests.ts). INVARIANCE_LEVEL: the family-wise
 * error rate over the tested generators (Holm), a setting (`level`), not fitted to any dataset. MONTE_CARLO_COPIES:
 * randomly transformed copies B per compact generator; the exact p-value has resolution 1/(B + 1) and is used when at
 * least MONTE_CARLO_EXACT_COUNT copies exceed the observed statistic, i.e. down to 6/300 = 0.02, so that decisions at
 * α ≥ 0.02 are exact; below, the Beta tail of the whitened statistic (exact for Gaussian moment means; needed for
 * Holm's α/m, and checked on the copies in bench/invarianceCalibration.ts). INVARIANCE_TEST_EVENTS: events of the test half the copies move (the
 * cost is B × events × (d² + monomials)); the χ² test of non-compact generators uses the whole half.
 */
export const INVARIANCE_LEVEL = 0.01
/** Derived: the Monte Carlo copies B per compact generator (INVARIANCE_LEVEL above): with B + 1 = 300 the exact p-value's resolution is 1/300, and p is exact wherever MONTE_CARLO_EXACT_COUNT copies exceed the statistic. */
export const MONTE_CARLO_COPIES = 299
/** Derived: the copies above the observed statistic from which the Monte Carlo p-value is used as it is (INVARIANCE_LEVEL above): 6/300 = 0.02 and up, so decisions at α ≥ 0.02 are exact; below it the Beta tail (checked in bench/invarianceCalibration.ts). */
export const MONTE_CARLO_EXACT_COUNT = 5
/** Cost limit: events of the test half the Monte Carlo copies move (INVARIANCE_LEVEL above); the χ² test of non-compact generators uses the whole half. */
export const INVARIANCE_TEST_EVENTS = 5_000
/**
 * Cost limit: Work of one Monte Carlo test, (B + 2) × events × (d² + monomials) multiply-adds, is kept below this by moving fewer
 * events (at least 200): 5,000 events for the circle, about 2,300 for e⁺e⁻ (d = 3), 900 for the CMS muons (d = 8).
 */
export const MONTE_CARLO_BUDGET = 30_000_000
/** Derived: Group elements of a compact generator's flow: FLOW_GRID equally spaced times over its period (a cyclic subgroup). */
export const FLOW_GRID = 720
/**
 * Floating-point: A flow is periodic when A's eigenvalues have real parts below PERIOD_TOLERANCE of |A| and exp(T Ã) returns to the
 * identity within 1e3 × that: both are floating-point equalities, not statistics.
 */
export const PERIOD_TOLERANCE = 1e-7
/** Floating-point: Eigenvalues of the χ² test's covariance below this fraction of the largest are identities (h ≡ 0), not noise. */
export const CHI_SQUARE_RANK = 1e-9
/**
 * Floating-point: The Monte Carlo test's covariance Ŝ is estimated from B + 1 samples: its eigenvalues below this fraction of the
 * largest are the flow's (near-)invariant combinations, whose estimated variance is rounding or a few copies' luck.
 */
export const WHITENING_RANK = 1e-6
/** Cost limit: Most monomials used as test functions by the Monte Carlo test (sets its degree: monomials.ts, testDegree). */
export const MAX_TEST_MONOMIALS = 70
/** Derived: the seed of the search's own event order: any fixed value serves; fixed, so the section is deterministic. */
export const EVENT_ORDER_SEED = 20_250_405
/** Derived: the seed of the Monte Carlo copies: any fixed value serves; fixed, so the section is deterministic. */
export const MONTE_CARLO_SEED = 20_250_406

/** Cost limit: Events read (the first ones): beyond this the statistics gain nothing visible and memory grows. */
export const MAX_SYMMETRY_EVENTS = 200_000
/** Derived: Fewest events the search accepts (the invariance test needs several per block and test function). */
export const MIN_SYMMETRY_EVENTS = 50
/** Cost limit: Largest number of coordinates (after the linear constraints) for the quadratic and algebra steps. */
export const MAX_SPAN_DIMENSION = 12

/**
 * Floating-point: Naming an algebra (algebraName.ts) takes ranks of matrices built from its generators: a singular value below
 * NAME_RANK_TOLERANCE × the largest is zero. The generators are exact to the tangency residual (≤ 1e-11 for exact
 * constraints, simplified fields are exact fractions); 1e-6 keeps a factor 1e5 from both. Not derivable: it decides
 * when two numbers are equal in floating point.
 */
export const NAME_RANK_TOLERANCE = 1e-6
/**
 * Floating-point: Eigenvalues of the generic commutant operator that splits a semisimple algebra into simple ideals: its weights on
 * the commutant differ by O(1) (golden-ratio steps), so distinct ideals sit O(1) apart; within 1e-3 is one ideal.
 */
export const CLUSTER_TOLERANCE = 1e-3

/** Floating-point: Finite-difference step in latent units for the decoder Jacobian, and points averaged, in the VAE alignment. */
export const ALIGNMENT_STEP = 1e-2
/** Cost limit: decoder points averaged in the VAE alignment (ALIGNMENT_STEP above). */
export const ALIGNMENT_POINTS = 500

/**
 * Calibrated (bench/symmetryTruth.ts): The data's tangent-space check (tangentFields/dataTangents.ts, issue 16): local PCA at DATA_TANGENT_BASES events
 * among the first DATA_TANGENT_EVENTS, over the events within DATA_TANGENT_RADIUS noise scales (at least
 * DATA_TANGENT_NEIGHBOURS(q) of them, so that each half of a neighbourhood still has 3 (q + 1) events for its own
 * q-dimensional fit; at most a quarter of the events). A field is tangent when its χ² over the B (d − q) normal
 * components is below DATA_TANGENT_ACCEPT × dof, and the algebra is named only when the next field reads at least
 * DATA_TANGENT_GAP times that (a gap, reported). Why not the χ² quantile: on noise-free data the local PCA's error is
 * the curvature's, deterministic, which the half-split noise estimate sees only in part; on the truth suite
 * (bench/symmetryTruth.ts) true fields read χ²/dof from ~1 (smeared) to ~25 (exact curves), false ones ≥ ~150 and
 * mostly 10³–10⁷. Chosen there, not on any named dataset.
 */
export const DATA_TANGENT_BASES = 200
/** Cost limit: events among which the tangent-space check's neighbourhoods are found (DATA_TANGENT_BASES above). */
export const DATA_TANGENT_EVENTS = 2000
/** Derived: at least 6 (q + 1) neighbours, so that each half of a neighbourhood keeps 3 (q + 1) events for its own q-dimensional fit (DATA_TANGENT_BASES above). */
export const DATA_TANGENT_NEIGHBOURS = (q: number) => 6 * (q + 1)
/** Calibrated (bench/symmetryTruth.ts): neighbourhoods reach this many noise scales (DATA_TANGENT_BASES above). */
export const DATA_TANGENT_RADIUS = 2
/** Calibrated (bench/symmetryTruth.ts): a field is tangent to the events when its χ² is below this many times its degrees of freedom (DATA_TANGENT_BASES above: true fields read ~1–25, false ones ≥ ~150). */
export const DATA_TANGENT_ACCEPT = 40
/** Calibrated (bench/symmetryTruth.ts): the next field must read at least this many times the acceptance before the algebra is named (DATA_TANGENT_BASES above). */
export const DATA_TANGENT_GAP = 3
/**
 * Derived: An algebra is named only when its brackets stay inside it: the largest relative part of a bracket of two basis
 * fields outside their span (lieAlgebra.ts) must be below this. Exact algebras read ≤ 1e-10; approximate ones
 * (tangent within a constraint's spread) close to about that spread relative to the data's extent, a few per cent.
 */
export const CLOSURE_TOLERANCE = 0.05
/**
 * Derived: The refinement of a compact proposal in the Monte Carlo test's metric (invariance/refineOrbit.ts): REFINE_GRID
 * equally spaced group elements average each event's orbit (exact for a single-frequency flow's harmonics up to
 * REFINE_GRID − 1, far past the test functions' degree ≤ 4), at most REFINE_ITERATIONS Gauss–Newton steps, and at
 * most REFINE_BUDGET multiply-adds in all (past it the moments' estimate is tested as it is).
 */
export const REFINE_GRID = 12
/** Cost limit: Gauss–Newton steps of the refinement at most (REFINE_GRID above). */
export const REFINE_ITERATIONS = 8
/** Cost limit: multiply-adds of the refinement at most (REFINE_GRID above); past it the moments' estimate is tested as it is. */
export const REFINE_BUDGET = 200_000_000
/**
 * Cost limit: multiply-adds of one affine-pushforward refinement of an estimated field (invariance/refineOrbit.ts,
 * refineConjugate): it reads as many events as this allows, up to REFINE_EVENTS (2,000 for a circle and a sphere,
 * d ≤ 3; about 700 at d = 4), and none below CONJUGATE_EVENTS. At 3·10⁷ (560 events for a sphere) the refined fields
 * of four smeared two-body samples of seed 16 were rejected that 2,000 events refine to p 0.07–0.45.
 */
export const CONJUGATE_BUDGET = 60_000_000
/** Cost limit: Gauss–Newton steps of the affine-pushforward refinement (CONJUGATE_BUDGET above). */
export const CONJUGATE_ITERATIONS = 4
/** Cost limit: fewest events an affine-pushforward refinement reads (CONJUGATE_BUDGET above). */
export const CONJUGATE_EVENTS = 300
/** Cost limit: Events of the proposal half the refinement reads. */
export const REFINE_EVENTS = 2000
/**
 * Calibrated (bench/symmetryTruth.ts): A refined proposal (chosen to minimise the test's statistic) is claimed invariant only when its adjusted p-value
 * exceeds this many times the level; between the level and that the distribution algebra is undetermined. A true
 * invariance's p is about uniform, so ~9 % of them are withheld at level 0.01; on seed 16 two broken second harmonics
 * of a sphere read p 0.010–0.02 (adjusted) on a refined direction, true ones 0.2–0.5.
 */
export const REFINED_MARGIN = 10

/**
 * Floating-point: a polynomial whose RMS over the events (the design matrix's singular value, exactNullSpace.ts) is
 * below this many times the floating-point floor of the QR holds to rounding: an exact constraint. The floor is an
 * upper estimate of the rounding itself, so the factor only needs to cover its looseness.
 */
export const EXACT_GAP = 100

/** Cost limit: events in the design matrix that decides the exact constraints (exactNullSpace.ts): O(events · N²), N ≤ 70. */
export const EXACT_SYSTEM_EVENTS = 4096

/**
 * Floating-point: a polynomial from the moments' eigenproblem within this angle (radians) of the events' exact null
 * space is an exact one computed to the moments' precision (their floor is ~√ε ≈ 1e-8 of the scale, so an exact
 * polynomial lands within ~1e-6 of the null space), and is refined onto it (exactNullSpace.ts); an approximate one
 * lies at the angle of its own thickness over the next polynomial's, far above this for a relation thicker than 1e-6.
 */
export const REFINE_ANGLE = 1e-4
