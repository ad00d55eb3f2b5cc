import { z } from 'zod'
import { INPUT_FORMATS } from '../io/formats.js'
import { symmetriesSchema } from '../symmetries/schema.js'

/**
 * The one schema of `report.json`: the CLI writes it, the worker stores and serves it, the client draws it, and all
 * of them validate against this. Field names are documented in docs/method.md ("The report").
 */

const finite = z.number().refine(Number.isFinite, 'must be a finite number')

export const latentSchema = z.object({
  /** Index of the latent in the network's output (0-based), before sorting. */
  index: z.number().int().nonnegative(),
  /** R_i = Var_x[μ_i(x)] over the validation events. */
  relevance: finite,
  /** ⟨½(μ² + σ² − log σ² − 1)⟩: the latent's KL to the prior, in nats. */
  kl: finite,
  /** 1 − ⟨σ_i²⟩: near 1 for a latent the decoder uses, near 0 for one that has collapsed to the prior. */
  oneMinusSigma2: finite,
  relevant: z.boolean(),
  /**
   * Bootstrap interval of R over the evaluation events at `uncertainty.level` (core/stats/relevanceBootstrap.ts) and
   * its standard error; absent in reports written before intervals existed.
   */
  relevanceInterval: z.object({ lower: finite, upper: finite, standardError: finite }).optional(),
})

export const correlationSchema = z.object({
  latent: z.number().int().nonnegative(),
  truth: z.string(),
  pearson: finite,
  distance: finite,
})

export const gridMapSchema = z.object({
  /** ⟨z_i⟩ over the input plane (the paper's Fig. 3): features on x and y, bins × bins cells, row-major (y outer). */
  x: z.string(),
  y: z.string(),
  bins: z.number().int().positive(),
  xRange: z.tuple([finite, finite]),
  yRange: z.tuple([finite, finite]),
  /** One grid per latent in sorted order; null where a cell holds no events. */
  latents: z.array(z.object({ latent: z.number().int(), means: z.array(finite.nullable()) })),
})

export const profileSchema = z.object({
  /** ⟨z_i⟩ binned against one variable (the paper's Fig. 4): a feature or a truth observable. */
  variable: z.string(),
  kind: z.enum(['feature', 'truth']),
  edges: z.array(finite),
  counts: z.array(z.number().int().nonnegative()),
  latents: z.array(z.object({ latent: z.number().int(), means: z.array(finite.nullable()) })),
})

export const dimensionCurvePointSchema = z.object({
  k: z.number().int().positive(),
  dimension: finite,
  /** Median distance to the 2k-th neighbour: the outer scale this point of the curve looks at. */
  medianDistance: finite,
  /** Interval of the dimension at `uncertainty.level`: the profile likelihood adjusted for shared neighbours (core/id/grideInterval.ts). */
  lower: finite.optional(),
  upper: finite.optional(),
})

/** The TwoNN maximum-likelihood estimate with its confidence interval (core/id/twoNNInterval.ts). */
export const twoNNIntervalSchema = z.object({
  mle: finite,
  lower: finite,
  upper: finite,
  level: finite,
  n: z.number().int().positive(),
  /** Independent ratios the interval is worth: (Σ log μ)² / Var̂(Σ log μ), with shared neighbours counted. */
  effectiveN: finite,
})

/** The linear toy model's prediction beside the measured spectrum (core/analysis/linearToyReport.ts). */
export const linearToySchema = z.object({
  /** βD/2: directions with eigenvalue λ_k at or below it collapse. */
  collapseThreshold: finite,
  ranks: z.array(
    z.object({
      rank: z.number().int().positive(),
      /** λ_k of the correlation matrix of the kept features; null past D. */
      eigenvalue: finite.nullable(),
      /** R_k = max(0, 1 − βD/(2λ_k)). */
      predicted: finite,
      /** The measured relevance at this rank of the sorted spectrum; null past the latent size. */
      measured: finite.nullable(),
      latent: z.number().int().nonnegative().nullable(),
    }),
  ),
})

export const epochSchema = z.object({
  epoch: z.number().int().positive(),
  /** Training samples seen at this record (absent before 0.4.0). */
  samples: z.number().int().nonnegative().optional(),
  loss: finite,
  validationLoss: finite,
  reconstruction: finite,
  kl: finite,
  seconds: finite,
})

/**
 * How training stopped (core/vae/convergence.ts, docs/method.md "When training stops"): converged or capped, and the
 * diagnostics the rule read at its last check, per latent in latent order.
 */
export const convergenceSchema = z.object({
  converged: z.boolean(),
  /** Training samples seen, the cap (samples), samples between checks, held-out events per check, checks per window. */
  samples: z.number().int().nonnegative(),
  capSamples: z.number().int().positive(),
  checkSamples: z.number().int().positive(),
  checkRows: z.number().int().positive(),
  window: z.number().int().positive(),
  /** Relative least-squares change of the check loss over the last window; null before a whole window. */
  lossDrift: finite.nullable(),
  latents: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      /** R = Var[μ] at the last check, its least-squares change per window over the rule's span of two windows, the tolerance, the jitter about that line. */
      relevance: finite,
      drift: finite,
      tolerance: finite,
      scatter: finite,
      /** Var[μ] + ⟨σ²⟩: the posterior's total variance, ≈ 1 at the optimum (where the KL term balances). */
      totalVariance: finite,
      /** Still falling beyond its tolerance when training stopped unconverged: critical slowing towards collapse. */
      collapsing: z.boolean(),
    }),
  ),
  /** Every check: samples, loss, relevant count and the relevances in latent order. */
  checks: z.array(z.object({ samples: z.number().int().nonnegative(), loss: finite, relevantCount: z.number().int().nonnegative(), relevance: z.array(finite) })),
})

export const reportSchema = z.object({
  /** sha256 of the dataset's feature matrix and the configuration: the same analysis has the same id. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  version: z.string(),
  dataset: z.object({
    name: z.string(),
    /** A registry generator, or a file read in `format` (0.3.0 and before said 'csv' for every file). */
    source: z.enum(['generator', 'file']),
    format: z.enum(INPUT_FORMATS).optional(),
    parameters: z.record(z.string(), z.union([finite, z.boolean(), z.string(), z.null()])),
    n: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    features: z.array(z.string()),
    truth: z.array(z.string()),
    /** Features with zero variance: dropped before training and reported as exact constraints (feature = value). */
    constantFeatures: z.array(z.object({ name: z.string(), value: finite })),
    expectedDegreesOfFreedom: z.number().int().positive().nullable(),
  }),
  config: z.object({
    latent: z.number().int().positive(),
    hidden: z.number().int().positive(),
    layers: z.number().int().nonnegative(),
    activation: z.string(),
    linear: z.boolean(),
    beta: finite,
    learningRate: finite,
    batchSize: z.number().int().positive(),
    epochs: z.number().int().positive(),
    /** The budget in training samples (absent before 0.4.0, when training ran `epochs` in full). */
    samples: z.number().int().positive().optional(),
    validationSplit: finite,
    patience: z.number().int().nonnegative(),
    seed: z.number().int().nonnegative(),
    threshold: finite,
  }),
  latents: z.array(latentSchema),
  /** Latents with R ≥ threshold at the end of training: a count only when `training.convergence.converged`. */
  relevantCount: z.number().int().nonnegative(),
  /** The largest drop between neighbours in the sorted relevance spectrum: after rank `after` (1-based). */
  largestGap: z.object({ after: z.number().int().nonnegative(), ratio: finite }),
  intrinsicDimension: z.object({
    /** TwoNN (Facco et al. 2017) on the standardised features; null when no ratio is defined (all duplicates). */
    data: finite.nullable(),
    /** TwoNN on the means of the relevant latents; null with fewer than one relevant latent. */
    latent: finite.nullable(),
    /** Gride (Denti et al. 2022) over neighbour orders k = 1, 2, 4, …: the dimension at growing scales. */
    dataCurve: z.array(dimensionCurvePointSchema),
    latentCurve: z.array(dimensionCurvePointSchema),
    /** Confidence intervals of the TwoNN dimension of the data and of the relevant latents; absent in older reports. */
    dataInterval: twoNNIntervalSchema.nullable().optional(),
    latentInterval: twoNNIntervalSchema.nullable().optional(),
  }),
  /** How the intervals were made: their coverage, and the bootstrap's resamples and seed. Absent in older reports. */
  uncertainty: z.object({ level: finite, bootstrapResamples: z.number().int().positive(), bootstrapSeed: z.number().int().nonnegative() }).optional(),
  /** Present for a linear VAE: the toy model's predicted relevance per rank beside the measured one (docs/linear-toy-model.md). */
  linearToy: linearToySchema.optional(),
  correlations: z.array(correlationSchema),
  /**
   * The relevant latents taken together against each truth observable: distance correlation, and `determination`,
   * the R² of k-nearest-neighbour regression of the truth on them (near 1: the latents determine it).
   */
  relevantSetCorrelations: z.array(z.object({ truth: z.string(), distance: finite, determination: finite })),
  latentMaps: z.object({
    plane: gridMapSchema.nullable(),
    profiles: z.array(profileSchema),
  }),
  verdict: z.string(),
  training: z.object({
    backend: z.string(),
    seconds: finite,
    steps: z.number().int().nonnegative(),
    bestEpoch: z.number().int().nonnegative(),
    stoppedEarly: z.boolean(),
    history: z.array(epochSchema),
    /** Absent before 0.4.0 (fixed epochs, no stopping rule). */
    convergence: convergenceSchema.optional(),
  }),
  software: z.object({ symscope: z.string(), tfjs: z.string() }),
  /** Constraints, symmetry algebras, invariances and VAE alignment (core/symmetries, docs/symmetries.md); absent when not computed. */
  symmetries: symmetriesSchema.optional(),
})

export type Report = z.infer<typeof reportSchema>
export type LatentRecord = z.infer<typeof latentSchema>
export type CorrelationRecord = z.infer<typeof correlationSchema>
export type DimensionCurvePoint = z.infer<typeof dimensionCurvePointSchema>
export type TwoNNIntervalRecord = z.infer<typeof twoNNIntervalSchema>
export type ConvergenceRecord = z.infer<typeof convergenceSchema>
export type LinearToyRecord = z.infer<typeof linearToySchema>
