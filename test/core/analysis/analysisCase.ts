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

const shared = new Map<string, Promise<Report>>()

/**
 * The same analysis as analyseDataset, trained once per test process and shared by every test that reads it (a
 * report is data: the tests must not change it). Only for plain settings: callbacks or a signal would make the runs
 * differ, so those always call analyseDataset.
 */
export function sharedAnalysis(request: GenerateRequest, options: Pick<AnalyzeOptions, 'config' | 'trainer'> = {}): Promise<Report> {
  const key = JSON.stringify([request, options])
  let report = shared.get(key)
  if (report === undefined) {
    report = analyseDataset(request, options)
    shared.set(key, report)
  }
  return report
}

export { withoutTimings } from '../../withoutTimings.js'

export const relevanceOf = (report: Report) => report.latents.map((l) => l.relevance)
export const topLatent = (report: Report) => report.latents[0].index
