import { z } from 'zod'

/**
 * `symmetries.discrete` of report.json (issue 20): the discrete maps proposed, whether each keeps the constraints,
 * its calibrated test against its image, its asymmetry, and the group they form with the continuous symmetries.
 * docs/symmetries.md § 7 explains every number.
 */

const finite = z.number().refine(Number.isFinite, 'must be a finite number')
const count = z.number().int().nonnegative()
const probability = z.number().min(0).max(1)

export const asymmetrySchema = z.object({
  /** (N₊ − N₋)/(N₊ + N₋) of the sign of the most odd function, chosen on one half and measured on the other (both ways). */
  value: finite,
  standardError: finite,
  /** 95 % interval. */
  low: finite,
  high: finite,
  /** One-sided 95 % upper limit on |A|; reported as the largest hidden asymmetry when the map is not rejected. */
  upperLimit: finite,
  events: count,
  /** The odd function's leading terms in the standardised span coordinates. */
  direction: z.string(),
})

export const discreteTestSchema = z.object({
  /** The map in the data's variables: "pz → −pz for both particles", "particle 1 ↔ particle 2", "y → −y". */
  description: z.string(),
  kind: z.enum(['reflection', 'exchange', 'swap', 'principal', 'whitened', 'point', 'composition']),
  /** The map x ↦ matrix · x + offset on all features (physical units, `features` order); offset left out when 0. */
  matrix: z.array(z.array(finite)),
  offset: z.array(finite).optional(),
  /** Other proposed maps that act alike on the events (on e⁺e⁻ → μ⁺μ⁻ the muons are back to back: exchange = parity). */
  sameOnTheData: z.array(z.string()),
  /** Mapped events' distance from each constraint over MANIFOLD_FACTOR × its spread, the worst (≤ 1: kept). */
  manifoldRatio: finite,
  /** The constraint broken worst, when one is. */
  brokenConstraint: z.string().nullable(),
  /** Null when the map leaves the manifold (no distribution test). */
  statistic: finite.nullable(),
  degreesOfFreedom: count.nullable(),
  events: count.nullable(),
  pValue: probability.nullable(),
  /** Holm over the continuous and the discrete tests together. */
  adjustedPValue: probability.nullable(),
  asymmetry: asymmetrySchema.nullable(),
  /** 'symmetric': keeps the constraints and not rejected; 'rejected': by the test; 'off the manifold': breaks a constraint. */
  decision: z.enum(['symmetric', 'rejected', 'off the manifold']),
})

export const discreteGeneratorSchema = z.object({
  description: z.string(),
  /** Index into `tests`. */
  test: count,
  /** With the continuous symmetries: commutes (× ℤ₂), normalises (⋊ ℤ₂) or neither. */
  relation: z.enum(['commutes', 'normalises', 'neither']),
})

export const discreteSchema = z.object({
  /** The whole group: "O(2) = SO(2) ⋊ ℤ₂", "O(2) × ℤ₂", "SO(2) × ℤ₂", "ℤ₂", or the continuous part alone. */
  group: z.string(),
  /** Its identity component, from the distribution algebra ("SO(2)", "trivial"). */
  continuous: z.string(),
  /** Components: the discrete maps not rejected, modulo the continuous part. */
  components: count,
  /** A minimal set of the maps not rejected that reaches every component. */
  generators: z.array(discreteGeneratorSchema),
  /** Maps proposed (base maps and their commuting compositions), distinct maps on the data, tested on the distribution. */
  tried: count,
  distinct: count,
  tested: count,
  /** Compositions left untested because one factor looked symmetric on the first half (they stand or fall with the other). */
  implied: count,
  level: z.number().gt(0).lt(1),
  proposalEvents: count,
  testEvents: count,
  testFunctions: count,
  /** Every map tested on the distribution, then the base maps that break a constraint. */
  tests: z.array(discreteTestSchema),
}).describe(
  'Discrete symmetries (issue 20; docs/symmetries.md § 7): reflections, parity and particle exchanges proposed from the ' +
    'first half of the events, each checked against the constraints (manifoldRatio ≤ 1: kept) and tested against its image ' +
    'on the second half (H0: the events and their images have the same law; sign-flip χ² of the odd parts of the test ' +
    'functions, Holm over these and the continuous invariance tests at `level`), with the asymmetry along its most odd ' +
    'direction, its 95 % interval and, when not rejected, the largest asymmetry the events could hide; `group` names the ' +
    'whole symmetry group ("O(2) = SO(2) ⋊ ℤ₂", "O(2) × ℤ₂", "SO(2)") with its discrete generators in the data\'s variables.',
)

export type Discrete = z.infer<typeof discreteSchema>
export type DiscreteTest = z.infer<typeof discreteTestSchema>
