import { analyze, inputFromEvents, type AnalyzeOptions } from '../../../core/analysis/index.js'
import { generateEvents, type GenerateRequest } from '../../../core/index.js'
import type { Report } from '../../../core/report/schema.js'
import { setupTensorflow } from '../../../core/tf/node.js'
import { loadWasm } from '../../../core/wasm/node.js'

/** Generates a registry dataset and analyses it on the wasm backend, as `symscope analyze <dataset>` does. */
export async function analyseDataset(request: GenerateRequest, options: AnalyzeOptions = {}): Promise<Report> {
  const wasm = await loadWasm()
  await setupTensorflow('wasm')
  return analyze(wasm, inputFromEvents(generateEvents(wasm, request)), options)
}

export { withoutTimings } from '../../withoutTimings.js'

export const relevanceOf = (report: Report) => report.latents.map((l) => l.relevance)
export const topLatent = (report: Report) => report.latents[0].index
