// From a validated `POST /analyses` body to core's prepared analysis: the route and the job slices both call this, so
// a job re-derives exactly the input and the id of the request that created it. Parse and call core; no science.
import { inputFromCsv, inputFromEvents, prepareAnalysis, type AnalysisInput, type PreparedAnalysis } from '../../core/analysis/index.js'
import { generateEvents, readCsv, SymscopeError, type SymscopeWasm } from '../../core/index.js'
import type { VaeConfig } from '../../core/vae/index.js'
import { ApiError } from '../errors.js'
import { MAX_API_EVENTS, MAX_CSV_BYTES, MAX_CSV_ROWS } from '../limits.js'
import type { AnalysisRequest } from '../schemas/analysis.js'

/** Name of CSV data sent without one. */
export const DEFAULT_CSV_NAME = 'upload.csv'

/** CSV text of the request as its features and truth; limits of size and rows are 413s. */
function csvInput(csv: string, name: string, config: AnalysisRequest['config']): AnalysisInput {
  const bytes = new TextEncoder().encode(csv).byteLength
  if (bytes > MAX_CSV_BYTES) {
    throw new ApiError(413, 'too_large', `the CSV has ${bytes} bytes; the limit is ${MAX_CSV_BYTES}: analyse larger files locally with npx symscope analyze`)
  }
  let table
  try {
    table = readCsv(csv, { features: config.features, truth: config.truth, maxRows: MAX_CSV_ROWS })
  } catch (error) {
    // readCsv reports too many rows as invalid_csv with the limit in its details: here it is a size limit.
    if (error instanceof SymscopeError && error.details.limit === MAX_CSV_ROWS) {
      throw new ApiError(413, 'too_large', `${error.message} (analyse larger files locally with npx symscope analyze)`)
    }
    throw error
  }
  for (const angle of config.angular ?? []) {
    if (!table.truthNames.includes(angle)) {
      throw new SymscopeError('invalid_parameter', `config.angular: '${angle}' is not a truth column (truth: ${table.truthNames.join(', ') || 'none'})`, {
        parameter: 'angular',
      })
    }
  }
  return inputFromCsv(table, name, {}, config.angular ?? [])
}

/** The analysis input a request describes: events from a registry generator, or its CSV text. */
export function requestInput(wasm: SymscopeWasm, request: AnalysisRequest): AnalysisInput {
  const { dataset, config } = request
  if (dataset.generator) {
    const { name, n, seed, params } = dataset.generator
    return inputFromEvents(generateEvents(wasm, { dataset: name, n, seed, params, maxEvents: MAX_API_EVENTS }))
  }
  return csvInput(dataset.csv!, dataset.name ?? DEFAULT_CSV_NAME, config)
}

/** Validated request → core's prepared analysis (checked input, standardised features, settings, report id). */
export function prepareRequest(wasm: SymscopeWasm, request: AnalysisRequest): Promise<PreparedAnalysis> {
  const { threshold, features: _features, truth: _truth, angular: _angular, ...settings } = request.config
  return prepareAnalysis(wasm, requestInput(wasm, request), { config: settings as Partial<VaeConfig>, threshold })
}
