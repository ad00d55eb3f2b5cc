import { z } from 'zod'
import { reportSchema } from './schema.js'

/**
 * The one schema of `scan.json` (docs/method.md, "Robustness"): a grid of analyses over β, training seed and latent
 * size, each point a full report kept under its own id, and their summary across seeds. The CLI writes it, the API
 * serves it, the client draws it. `schema` names the format version; a change of shape bumps it.
 */

export const SCAN_SCHEMA_VERSION = 'symscope-scan/1'

const finite = z.number().refine(Number.isFinite, 'must be a finite number')

/** Mean, smallest and largest value across the seeds of one grid point; null where no seed has a value. */
export const spreadSchema = z.object({ mean: finite, min: finite, max: finite }).nullable()

export const scanPointSchema = z.object({
  /** The point's report id: its report.json is the analysis of this (β, seed, latent size). */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  beta: finite,
  seed: z.number().int().nonnegative(),
  latent: z.number().int().positive(),
  /** Relevances in decreasing order (rank 1 first). */
  relevances: z.array(finite),
  relevantCount: z.number().int().nonnegative(),
  /** TwoNN on the relevant-latent means, with its interval; null with no relevant latent. */
  latentDimension: finite.nullable(),
  latentInterval: z.tuple([finite, finite]).nullable(),
  /**
   * Whether the point's training converged (training.convergence.converged) and how many of its latents were
   * still collapsing. An unconverged point is drawn hollow and left out of the series and the collapse table.
   * Absent in scans before 0.4.0 (read as converged: no rule ran).
   */
  converged: z.boolean().optional(),
  collapsing: z.number().int().nonnegative().optional(),
})

export const scanSeriesSchema = z.object({
  /** Latent size of this series. */
  latent: z.number().int().positive(),
  /** Across seeds, at each β of the grid (ascending): rank r's relevance. */
  ranks: z.array(z.object({ rank: z.number().int().positive(), relevance: z.array(spreadSchema) })),
  relevantCount: z.array(spreadSchema),
  latentDimension: z.array(spreadSchema),
  /**
   * The β where rank r collapses: the smallest grid β from which on the mean relevance across seeds stays below the
   * threshold; null when it never does on this grid.
   */
  collapse: z.array(z.object({ rank: z.number().int().positive(), beta: finite.nullable() })),
})

export const scanSchema = z.object({
  schema: z.literal(SCAN_SCHEMA_VERSION),
  /** sha256 of the dataset, the grid and the shared settings: the same scan has the same id. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  version: z.string(),
  dataset: reportSchema.shape.dataset,
  grid: z.object({ beta: z.array(finite), seeds: z.array(z.number().int().nonnegative()), latent: z.array(z.number().int().positive()) }),
  /** The settings every point shares (β, seed and latent size come from the grid). */
  config: reportSchema.shape.config.omit({ beta: true, seed: true, latent: true }),
  /** One per (latent size, β, seed), latent size outermost, then β, then seed. */
  points: z.array(scanPointSchema),
  series: z.array(scanSeriesSchema),
  /**
   * The linear toy model (a linear VAE): eigenvalues λ_k of the correlation matrix, each rank's predicted collapse
   * β_k = 2λ_k/D, and R_k(β) = max(0, 1 − βD/(2λ_k)) on a fine log grid over the scan's β range.
   */
  linearToy: z
    .object({
      eigenvalues: z.array(finite),
      collapse: z.array(z.object({ rank: z.number().int().positive(), beta: finite })),
      prediction: z.object({ beta: z.array(finite), ranks: z.array(z.object({ rank: z.number().int().positive(), relevance: z.array(finite) })) }),
    })
    .nullable(),
})

export type Scan = z.infer<typeof scanSchema>
export type ScanPoint = z.infer<typeof scanPointSchema>
export type ScanSeries = z.infer<typeof scanSeriesSchema>
export type Spread = z.infer<typeof spreadSchema>
