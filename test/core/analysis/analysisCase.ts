import { inject } from 'vitest'
import { analyze, inputFromEvents, type AnalyzeOptions } from '../../../core/analysis/index.js'
import { generateEvents, type GenerateRequest } from '../../../core/index.js'
import type { Report } from '../../../core/report/schema.js'
import { setupTensorflow } from '../../../core/tf/node.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { runCached } from '../../sharedAnalyses/runCache.js'

/** Generates a registry dataset and analyses it on the wasm backend, as `symscope analyze <dataset>` does. */
export async function analyseDataset(request: GenerateRequest, options: AnalyzeOptions = {}): Promise<Report> {
  const wasm = await loadWasm()
  await setupTensorflow('wasm')
  return analyze(wasm, inputFromEvents(generateEvents(wasm, request)), options)
}

const shared = new Map<string, Promise<Report>>()

/**
 * The same analysis as analyseDataset, trained once per test run and shared by every test, in every file, that reads
 * it (a report is data: the tests must not change it). Under `npm test` the node project's global setup gives the run
 * a folder (test/sharedAnalyses/), where the first file to ask writes the report and the others read its bytes;
 * elsewhere (the unit tier's config) it is shared within the process only. The report is the product's output of that
 * run, as JSON, which keeps every field a report has (determinism.test.ts checks that it survives JSON). Only for plain
 * settings: callbacks or a signal would make the runs differ, so those always call analyseDataset.
 */
export function sharedAnalysis(request: GenerateRequest, options: Pick<AnalyzeOptions, 'config' | 'trainer'> = {}): Promise<Report> {
  const key = JSON.stringify([request, options])
  let report = shared.get(key)
  if (report === undefined) {
    const dir = inject('sharedAnalyses')
    report = dir === undefined ? analyseDataset(request, options) : runCached(dir, key, () => analyseDataset(request, options))
    shared.set(key, report)
  }
  return report
}

/**
 * The paper's datasets at the sizes the suite trains them to convergence with default settings: read by
 * paperDatasets.test.ts and alignment.test.ts through sharedAnalysis, so each is trained once per run.
 */
export const PAPER_ANALYSES = {
  circle: { dataset: 'circle', n: 4000, seed: 1 },
  disk: { dataset: 'disk', n: 4000, seed: 1 },
  eeMumu: { dataset: 'ee_mumu', n: 6000, seed: 1 },
} as const satisfies Record<string, GenerateRequest>

export { withoutTimings } from '../../withoutTimings.js'

export const relevanceOf = (report: Report) => report.latents.map((l) => l.relevance)
export const topLatent = (report: Report) => report.latents[0].index
