import { z } from 'zod'
import { reportSchema, scanSchema } from '../../core/report/index.js'

/** Every error: a stable code and a message that names the problem. */
export const errorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .meta({ id: 'Error' })

export const healthSchema = z.object({ status: z.literal('ok'), version: z.string(), wasmMemoryBytes: z.int() }).meta({ id: 'Health' })

export const parameterSpecSchema = z
  .object({
    name: z.string(),
    type: z.enum(['number', 'integer', 'boolean']),
    default: z.union([z.number(), z.boolean(), z.null()]),
    nullable: z.boolean().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    exclusiveMinimum: z.boolean().optional(),
    unit: z.string().optional(),
    description: z.string(),
  })
  .meta({ id: 'Parameter' })

export const datasetSchema = z
  .object({
    name: z.string(),
    title: z.string(),
    description: z.string(),
    features: z.array(z.string()),
    truth: z.array(z.string()),
    angularTruth: z.array(z.string()),
    degreesOfFreedom: z.int(),
    parameters: z.array(parameterSpecSchema),
  })
  .meta({ id: 'Dataset' })

export const datasetListSchema = z.object({ datasets: z.array(datasetSchema) }).meta({ id: 'DatasetList' })

/** core's report schema, under the name the OpenAPI document gives it. */
export const reportDocumentSchema = reportSchema.meta({ id: 'Report' })

/** core's scan schema, under the name the OpenAPI document gives it. */
export const scanDocumentSchema = scanSchema.meta({ id: 'Scan' })
