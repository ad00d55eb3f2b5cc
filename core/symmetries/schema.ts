import { z } from 'zod'
import { discreteSchema } from './discrete/schema.js'

/**
 * The `symmetries` section of report.json (issue 6): constraints, the symmetry algebra of the data manifold, the
 * invariances of the distribution and the alignment of the VAE's relevant latents with the symmetry orbits.
 * core/report/schema.ts includes it; docs/symmetries.md explains every number.
 */

const finite = z.number().refine(Number.isFinite, 'must be a finite number')
const count = z.number().int().nonnegative()

/** Version of the section's shape: 2 adds degrees 3–4, distances, the dimension record, statuses and p-values (issue 9); 3 the discrete symmetries (issue 20). */
export const SYMMETRIES_VERSION = 3

export const constraintSchema = z.object({
  kind: z.enum(['linear', 'quadratic', 'cubic', 'quartic']),
  degree: z.number().int().min(1).max(4),
  /** "px1 + px2 = 0", "E1² − px1² − py1² − pz1² = 0.0111637": feature names, the constant on the right. */
  formula: z.string(),
  constant: finite,
  /** RMS of the residual relative to the spread of its terms (0 exact … 1 no relation). */
  rms: finite,
  /** RMS of the residual in the formula's units (GeV, GeV², …). */
  rmsAbsolute: finite,
  /** Gradient-normalised RMS, RMS(g)/√E|∇g|²: how far the events lie from the surface, in feature units. */
  distance: finite,
  /** Relative RMS below 1e-9: holds to rounding. */
  exact: z.boolean(),
  /** Whether it took a coordinate away from the later steps (exact or tight linear constraints). */
  restrictsCoordinates: z.boolean(),
})

export const generatorSchema = z.object({
  /** The field v(x) = matrix · x + offset on all features (rows and columns in `features` order, physical units). */
  matrix: z.array(z.array(finite)),
  /** Left out when zero. */
  offset: z.array(finite).optional(),
  description: z.string(),
  /** How far from tangent to the constraints (relative; below the algebra's tolerance). */
  tangency: finite,
  /** Distribution algebra only: the proposal's statistic r on the first half (about 1 for an invariance). */
  statistic: finite.optional(),
  /** Distribution algebra only: the p-value of its invariance test on the second half, and Holm's adjusted one. */
  pValue: z.number().min(0).max(1).optional(),
  adjustedPValue: z.number().min(0).max(1).optional(),
})

export const invarianceTestSchema = z.object({
  description: z.string(),
  /** 'manifold': a generator of the manifold algebra's basis; 'proposed': a combination the first half singled out. */
  source: z.enum(['manifold', 'proposed']),
  /** 'monte-carlo' for compact (periodic) generators, 'chi-square' (infinitesimal moment condition) otherwise. */
  method: z.enum(['monte-carlo', 'chi-square']),
  statistic: finite,
  /** χ²: its degrees of freedom; Monte Carlo: the dimension p of the whitened statistic, whose Beta tail is used below 5 exceedances. */
  degreesOfFreedom: finite,
  copies: count.nullable(),
  events: count,
  testFunctions: count,
  pValue: z.number().min(0).max(1),
  /** Holm's step-down adjustment over all tests of the section. */
  adjustedPValue: z.number().min(0).max(1),
  /** adjustedPValue > level: not rejected. */
  invariant: z.boolean(),
})

export const commutatorSchema = z.object({
  /** [X_i, X_j] with 1-based generator numbers, and its coefficients on X_1 … X_m. */
  pair: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  coefficients: z.array(finite),
  text: z.string(),
})

const algebra = {
  dimension: count,
  /** so(2), so(3), so(1,1), translations, direct sums of these, aff(d), or "k-dimensional". */
  name: z.string(),
  generators: z.array(generatorSchema),
  /** The nonzero brackets of the basis (the structure constants). */
  commutators: z.array(commutatorSchema),
  /** Largest relative part of a bracket outside the algebra: 0 for a closed algebra. */
  closure: finite,
}

/** The events' own tangent spaces against the algebra's fields (issue 16; core/symmetries/tangentFields/dataTangents.ts). */
export const dataTangentSchema = z.object({
  /** Base events where the tangent space was estimated by local PCA, and the normal components in all: the χ²'s dof. */
  points: count,
  degreesOfFreedom: count,
  /** A field is tangent to the events when its χ² (in units of the measured normal noise) is below this. */
  threshold: finite,
  /** The largest χ² over the span of the algebra's fields (below the threshold for a named algebra). */
  worst: finite,
  /** How many independent affine fields the events alone accept, and the χ² of the next one (the gap). */
  accepted: count,
  nextRejected: finite.nullable(),
})

export const manifoldAlgebraSchema = z.object({
  ...algebra,
  /**
   * 'determined': the constraints explain the intrinsic dimension and the algebra is theirs; 'undetermined' (name
   * "undetermined", no generators) or 'open' (no constraint in an open region, name "none (open region)"): see reason.
   */
  status: z.enum(['determined', 'undetermined', 'open']),
  reason: z.string().nullable(),
  /** Some constraint is approximate: the generators are approximate symmetries (tangent within its spread). */
  approximate: z.boolean(),
  /** A field is tangent when its relative residual is below this. */
  tolerance: finite,
  /** The smallest residual of a rejected field (the next singular value): its ratio to `tolerance` is the margin. */
  nearestRejected: finite.nullable(),
  /** The events' tangent spaces against the algebra (absent when not posed: no algebra, an open region). */
  dataTangents: dataTangentSchema.optional(),
})

export const distributionAlgebraSchema = z.object({
  ...algebra,
  /**
   * 'undetermined' (issue 16) when the halves disagree: both see a near-invariant direction but the test rejects its
   * estimate; the generators are then those not rejected, a lower bound, and `reason` says why.
   */
  status: z.enum(['determined', 'undetermined']),
  reason: z.string().nullable(),
  /** Family-wise error rate of the tests (Holm). */
  level: z.number().gt(0).lt(1),
  /** One calibrated test per candidate generator, H0: the distribution is invariant under its flow. */
  tests: z.array(invarianceTestSchema),
  /** Events of the first half (proposal) and of the second (tests). */
  proposalEvents: count,
  testEvents: count,
  /** The proposal (first half): smallest rejected r over the largest accepted one (or over / under the threshold). */
  margin: finite.nullable(),
  threshold: finite,
  /** The statistic r of every direction of the manifold algebra, ascending. */
  statistics: z.array(finite),
  testFunctions: count,
  blocks: count,
})

export const alignmentSchema = z.object({
  /** Latent index (as in `latents`). */
  latent: count,
  /** Share of the squared norm of ∂x̂/∂z_latent along the symmetry orbits (tangent space of the generators), 0 … 1. */
  fraction: finite,
  points: count,
})

export const dimensionRecordSchema = z.object({
  /** The dimension of the plateau at the largest scales (null: no plateau). */
  intrinsic: count.nullable(),
  /** Where that plateau begins, in feature units: constraints thinner than this count. */
  noiseScale: finite,
  plateaus: z.array(z.object({ dimension: count, from: finite, to: finite, mean: finite })),
  /** Gride on subsamples (`points` events) at neighbour order k; `scale` the median distance to the 2k-th neighbour. */
  curve: z.array(z.object({ k: count, points: count, dimension: finite, scale: finite })),
  searchedDegree: count,
  constraintRank: count,
  freeCoordinates: count,
  status: z.enum(['determined', 'undetermined', 'open']),
  reason: z.string().nullable(),
})

export const symmetriesSchema = z.object({
  version: z.literal(SYMMETRIES_VERSION),
  events: count,
  features: z.array(z.string()),
  /** The features used as coordinates after the restricting linear constraints. */
  coordinates: z.array(z.string()),
  constraints: z.array(constraintSchema),
  /** The dimension against scale on the coordinates and the consistency of the constraints with it. */
  dimension: dimensionRecordSchema.nullable(),
  /** Null when a step could not run (see notes). */
  manifoldAlgebra: manifoldAlgebraSchema.nullable(),
  distributionAlgebra: distributionAlgebraSchema.nullable(),
  /** Reflections, parity, exchanges and the whole group (issue 20); null when the algebras could not run. */
  discrete: discreteSchema.nullable(),
  alignment: z.array(alignmentSchema),
  notes: z.array(z.string()),
})

export type Symmetries = z.infer<typeof symmetriesSchema>
export type ConstraintRecord = z.infer<typeof constraintSchema>
export type GeneratorRecord = z.infer<typeof generatorSchema>
export type DataTangentRecord = z.infer<typeof dataTangentSchema>
export type AlignmentRecord = z.infer<typeof alignmentSchema>
