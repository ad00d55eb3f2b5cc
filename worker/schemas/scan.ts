import { z } from 'zod'
import { MAX_GRID_BETAS, MAX_GRID_LATENTS, MAX_SCAN_SEEDS } from '../../core/scan/index.js'
import { VAE_LIMITS } from '../../core/vae/index.js'
import { analysisConfigSchema, datasetSourceSchema, refuseCsvSettingsForGenerator } from './analysis.js'

/** The grid of `POST /scans`: β values (or from:to:n text), training seeds and optional latent sizes. */
export const scanGridSchema = z
  .strictObject({
    beta: z
      .union([z.array(z.number()).min(1).max(MAX_GRID_BETAS), z.string().min(1).max(200)])
      .meta({ description: `β values (each > 0 and ≤ ${VAE_LIMITS.beta.max}), or "from:to:n" for n log-spaced values; at most ${MAX_GRID_BETAS}.` }),
    seeds: z.array(z.int().min(0)).min(1).max(MAX_SCAN_SEEDS).default([1]).meta({ description: `Training seeds; default [1]; at most ${MAX_SCAN_SEEDS}.` }),
    latent: z.array(z.int()).max(MAX_GRID_LATENTS).default([]).meta({ description: `Latent sizes; default [] (the analysis default); at most ${MAX_GRID_LATENTS}.` }),
  })
  .meta({ id: 'ScanGrid' })

/** `POST /scans`: a dataset, a grid, and the settings every point shares (an analysis's config less β, seed and latent). */
export const scanRequestSchema = z
  .strictObject({
    dataset: datasetSourceSchema,
    grid: scanGridSchema,
    config: analysisConfigSchema.default({}),
  })
  .superRefine((request, context) => {
    for (const key of ['beta', 'seed', 'latent'] as const) {
      if (request.config[key] !== undefined) {
        context.addIssue({ code: 'custom', path: ['config', key], message: `'${key}' comes from the grid in a scan, not from config` })
      }
    }
    refuseCsvSettingsForGenerator(request, context)
  })
  .meta({ id: 'ScanRequest' })

export type ScanRequestBody = z.infer<typeof scanRequestSchema>

const pointStatusSchema = z.object({
  id: z.string(),
  beta: z.number(),
  seed: z.int(),
  latent: z.int(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.object({ steps: z.int(), totalSteps: z.int() }),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
})

/** What `POST /scans` and `GET /scans/{id}` answer while points are still training. */
export const scanStatusSchema = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'failed']),
    progress: z.object({ done: z.int().meta({ description: 'Points whose report is stored.' }), points: z.int() }),
    points: z.array(pointStatusSchema),
  })
  .meta({ id: 'ScanStatus' })

export type ScanStatus = z.infer<typeof scanStatusSchema>
