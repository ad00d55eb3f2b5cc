// From a validated `POST /analyses` (a JSON body, or a binary upload with its query) to core's prepared analysis: the
// route and the job slices both call this, so a job re-derives exactly the input and the id of the request that
// created it. Parse and call core's one inputFromSource; no science.
import { inputFromSource, prepareAnalysis, type AnalysisInput, type DataSource, type PreparedAnalysis } from '../../core/analysis/index.js'
import { SymscopeError, type SymscopeWasm } from '../../core/index.js'
import type { VaeConfig } from '../../core/vae/index.js'
import { ApiError } from '../errors.js'
import { API_READ_LIMITS, MAX_API_EVENTS, MAX_CSV_BYTES, MAX_CSV_ROWS, MAX_UPLOAD_BYTES } from '../limits.js'
import type { AnalysisRequest, UploadFormat } from '../schemas/analysis.js'

/** Name of data sent without one. */
export const DEFAULT_DATA_NAME = 'upload'

/** A request with its data: the JSON body's, or the bytes of a binary upload in the format its query names. */
export type AnalysisSubmission = AnalysisRequest & { upload?: { format: UploadFormat; bytes: Uint8Array; columns?: string[] } }

/** The data source a submission describes; limits of size are 413s. */
function sourceOf(submission: AnalysisSubmission): DataSource {
  const { dataset, config, upload } = submission
  if (dataset.generator) {
    const { name, n, seed, params } = dataset.generator
    return { kind: 'generator', dataset: name, n, seed, params, maxEvents: MAX_API_EVENTS }
  }
  const roles = { features: config.features, truth: config.truth, angular: config.angular, maxRows: MAX_CSV_ROWS, limits: API_READ_LIMITS }
  if (upload) {
    if (upload.bytes.byteLength > MAX_UPLOAD_BYTES) {
      throw new ApiError(413, 'too_large', `the upload has ${upload.bytes.byteLength} bytes; the limit is ${MAX_UPLOAD_BYTES}: analyse larger files locally with npx symscope analyze`)
    }
    return { kind: 'file', name: dataset.name ?? DEFAULT_DATA_NAME, data: upload.bytes, format: upload.format, columns: upload.columns, ...roles }
  }
  const bytes = new TextEncoder().encode(dataset.csv!).byteLength
  if (bytes > MAX_CSV_BYTES) {
    throw new ApiError(413, 'too_large', `the CSV has ${bytes} bytes; the limit is ${MAX_CSV_BYTES}: analyse larger files locally with npx symscope analyze`)
  }
  return { kind: 'file', name: dataset.name ?? DEFAULT_DATA_NAME, data: dataset.csv!, format: 'csv', ...roles }
}

/** The analysis input a submission describes (the scan route reads its data through this too). */
export async function requestInput(wasm: SymscopeWasm, submission: AnalysisSubmission): Promise<AnalysisInput> {
  try {
    return await inputFromSource(wasm, sourceOf(submission))
  } catch (error) {
    // The readers report too many rows with the limit in their details: here it is a size limit.
    if (error instanceof SymscopeError && error.details.limit === MAX_CSV_ROWS) {
      throw new ApiError(413, 'too_large', `${error.message} (analyse larger files locally with npx symscope analyze)`)
    }
    throw error
  }
}

/** Validated submission → core's prepared analysis (checked input, standardised features, settings, report id). */
export async function prepareRequest(wasm: SymscopeWasm, submission: AnalysisSubmission): Promise<PreparedAnalysis> {
  const { threshold, features: _features, truth: _truth, angular: _angular, ...settings } = submission.config
  return prepareAnalysis(wasm, await requestInput(wasm, submission), { config: settings as Partial<VaeConfig>, threshold })
}
