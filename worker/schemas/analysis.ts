import { z } from 'zod'
import { VAE_LIMITS } from '../../core/vae/index.js'
import { MAX_CSV_BYTES, MAX_SERVER_BATCH_SIZE, MAX_SERVER_HIDDEN, MAX_UPLOAD_BYTES } from '../limits.js'
import { eventCountSchema, parametersSchema, seedSchema } from './events.js'

type NumericSetting = keyof typeof VAE_LIMITS

/** Server caps on top of core's VAE_LIMITS: with the step budget they bound one slice's work. */
const SERVER_MAX: Partial<Record<NumericSetting, number>> = { hidden: MAX_SERVER_HIDDEN, batchSize: MAX_SERVER_BATCH_SIZE }

/** A numeric training setting with core's range (VAE_LIMITS), narrowed by the server caps. */
function setting(name: NumericSetting, description: string) {
  const range = VAE_LIMITS[name]
  const base = range.integer ? z.int() : z.number()
  const bounded = (range.exclusiveMin ? base.gt(range.min) : base.min(range.min)).max(Math.min(range.max, SERVER_MAX[name] ?? Infinity))
  return bounded.optional().meta({ description })
}

const columns = z.array(z.string().min(1)).min(1).max(1024)

/** The `config` of `POST /analyses`: core's VaeConfig settings, the relevance threshold and the CSV column roles. */
export const analysisConfigSchema = z
  .strictObject({
    latent: setting('latent', 'Latent size K; default 4 for ≤ 2 features, else 8.'),
    beta: setting('beta', 'Weight β of the KL term; default 0.1.'),
    epochs: setting('epochs', 'Most training epochs, a cap: training stops on convergence (docs/method.md); default 10000.'),
    samples: setting('samples', 'Most training samples, the default budget at any n: a cap like epochs; default 8000000.'),
    seed: setting('seed', 'Seeds initialisation, split, shuffles and noise; default 1.'),
    hidden: setting('hidden', 'Width h of each hidden layer; default 64.'),
    layers: setting('layers', 'Hidden layers of the encoder (the decoder mirrors it); default 2.'),
    activation: z.enum(['relu', 'tanh', 'elu', 'sigmoid']).optional().meta({ description: 'Hidden nonlinearity; default relu.' }),
    linear: z.boolean().optional().meta({ description: "The paper's linear VAE (no hidden layers); default false." }),
    learningRate: setting('learningRate', 'Adam learning rate; default 0.001.'),
    batchSize: setting('batchSize', 'Mini-batch size; default 256.'),
    validationSplit: setting('validationSplit', 'Fraction held out; relevance is measured on it; default 0.2.'),
    patience: setting('patience', 'Early stopping after this many epochs without improvement; 0 (default) never.'),
    threshold: z.number().gt(0).lt(1).optional().meta({ description: 'Relevance threshold: R ≥ threshold is relevant; default 0.05.' }),
    features: columns.optional().meta({ description: 'CSV only: the feature columns (default: every column not named truth_*).' }),
    truth: columns.optional().meta({ description: 'CSV only: the truth columns (default: every truth_* column).' }),
    angular: z.array(z.string().min(1)).max(1024).optional().meta({ description: 'CSV only: truth columns that are angles in [−π, π).' }),
  })
  .meta({ id: 'AnalysisConfig' })

export const generatorSourceSchema = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'A registry dataset (GET /api/v1/datasets).' }),
    params: parametersSchema.default({}),
    n: eventCountSchema.default(10_000),
    seed: seedSchema.default(1),
  })
  .meta({ id: 'GeneratorSource' })

/** Where the data comes from: exactly one of a registry generator or CSV text. */
export const datasetSourceSchema = z
  .strictObject({
    generator: generatorSourceSchema.optional(),
    csv: z
      .string()
      .min(1)
      .optional()
      .meta({ description: `CSV text with a header row, at most ${MAX_CSV_BYTES} bytes; columns named truth_* are truth.` }),
    name: z.string().min(1).max(200).optional().meta({ description: 'CSV only: what the report calls the data; default "upload".' }),
  })
  .superRefine((source, context) => {
    if ((source.generator === undefined) === (source.csv === undefined)) {
      context.addIssue({ code: 'custom', message: "give exactly one of 'generator' or 'csv'" })
    } else if (source.generator && source.name !== undefined) {
      context.addIssue({ code: 'custom', path: ['name'], message: "'name' applies to CSV data; a generator is named by generator.name" })
    }
  })
  .meta({ id: 'DatasetSource', oneOf: [{ required: ['generator'] }, { required: ['csv'] }] })

/** A generator's request may not name CSV columns (features, truth, angular): one issue per such setting. */
export function refuseCsvSettingsForGenerator(
  request: { dataset: { generator?: unknown }; config: z.infer<typeof analysisConfigSchema> },
  context: z.RefinementCtx,
): void {
  if (!request.dataset.generator) return
  for (const key of ['features', 'truth', 'angular'] as const) {
    if (request.config[key] !== undefined) {
      context.addIssue({ code: 'custom', path: ['config', key], message: `'${key}' applies to CSV data, not to a generator` })
    }
  }
}

/** `POST /analyses`. */
export const analysisRequestSchema = z
  .strictObject({
    dataset: datasetSourceSchema,
    config: analysisConfigSchema.default({}),
  })
  .superRefine(refuseCsvSettingsForGenerator)
  .meta({ id: 'AnalysisRequest' })

export type AnalysisRequest = z.infer<typeof analysisRequestSchema>

/** Formats a binary upload may have: those the worker reads (HDF5 needs a wasm module workerd cannot compile). */
export const UPLOAD_FORMATS = ['parquet', 'npy', 'npz'] as const
export type UploadFormat = (typeof UPLOAD_FORMATS)[number]

const listParameter = z
  .string()
  .min(1)
  .transform((text) => text.split(',').map((s) => s.trim()).filter(Boolean))

/**
 * The query of a binary `POST /analyses` (`Content-Type: application/octet-stream`, the file as the body, at most
 * MAX_UPLOAD_BYTES): its format, its name, the column roles and the training settings (`config`, as JSON text).
 */
export const uploadQuerySchema = z
  .strictObject({
    format: z.enum(UPLOAD_FORMATS).meta({ description: `The body's format: ${UPLOAD_FORMATS.join(', ')}; at most ${MAX_UPLOAD_BYTES} bytes.` }),
    name: z.string().min(1).max(200).optional().meta({ description: 'What the report calls the data; default "upload".' }),
    features: listParameter.optional().meta({ description: 'Comma-separated feature columns (default: every column not named truth_*).' }),
    truth: listParameter.optional().meta({ description: 'Comma-separated truth columns (default: every truth_* column).' }),
    angular: listParameter.optional().meta({ description: 'Comma-separated truth columns that are angles in [−π, π).' }),
    columns: listParameter.optional().meta({ description: '.npy only: names of the array\'s columns (default c0, c1, …).' }),
    config: z
      .string()
      .optional()
      .meta({ description: 'The training settings as JSON text: the AnalysisConfig object without features, truth and angular.' }),
  })
  .meta({ id: 'UploadQuery' })

const progressSchema = z.object({
  steps: z.int().meta({ description: 'Optimiser steps trained so far.' }),
  totalSteps: z.int().meta({ description: 'Optimiser steps of the whole training (fewer if it stops early).' }),
})

/** What `GET /analyses/{id}` answers while the report is not ready (and `POST /analyses` with 202). */
export const jobStatusSchema = z
  .object({
    id: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: progressSchema,
    slices: z.int().meta({ description: 'Slices trained so far.' }),
    largestSliceSteps: z.int().meta({ description: 'Most steps trained in one slice: never above the step budget.' }),
    stepBudget: z.int(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .meta({ id: 'AnalysisJob' })

export type JobStatus = z.infer<typeof jobStatusSchema>
