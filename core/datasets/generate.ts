import { SymscopeError } from '../errors.js'
import { numberInWords, rangeInWords } from '../rangeText.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { CHUNK_EVENTS, MAX_EVENTS, MAX_SEED } from './limits.js'
import { resolveParameters } from './parameters.js'
import { getDataset } from './registry.js'
import type { DatasetSpec, ParameterValues } from './types.js'

export interface GenerateRequest {
  dataset: string
  n: number
  seed: number
  params?: Record<string, unknown>
  /** Largest n accepted; defaults to MAX_EVENTS (the API passes its own). */
  maxEvents?: number
}

/** Events of one generator run: row-major f64 features (n × features.length) and truth (n × truth.length). */
export interface EventSet {
  dataset: string
  params: ParameterValues
  seed: number
  n: number
  featureNames: readonly string[]
  truthNames: readonly string[]
  features: Float64Array
  truth: Float64Array
}

/** One chunk of events; `features` and `truth` are views into wasm memory, valid until the next chunk. */
export interface EventChunk {
  first: number
  n: number
  features: Float64Array
  truth: Float64Array
}

export interface ResolvedRequest {
  spec: DatasetSpec<ParameterValues>
  params: ParameterValues
  n: number
  seed: number
}

/** Validates a request: dataset name, parameters, n and seed, each error naming the bad field and its range. */
export function resolveRequest(request: GenerateRequest): ResolvedRequest {
  const spec = getDataset(request.dataset)
  const maxEvents = request.maxEvents ?? MAX_EVENTS
  const { n, seed } = request
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new SymscopeError('invalid_parameter', `n must be ${rangeInWords({ min: 1, max: maxEvents, integer: true })}; got ${JSON.stringify(n)}`, {
      parameter: 'n',
    })
  }
  if (n > maxEvents) {
    throw new SymscopeError('too_large', `n = ${numberInWords(n)} exceeds the limit of ${numberInWords(maxEvents)} events per request`, {
      parameter: 'n',
      limit: maxEvents,
    })
  }
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new SymscopeError('invalid_parameter', `seed must be ${rangeInWords({ min: 0, max: MAX_SEED, integer: true })}; got ${JSON.stringify(seed)}`, {
      parameter: 'seed',
    })
  }
  return { spec, params: resolveParameters(spec, request.params), n, seed }
}

/**
 * Generates events chunk by chunk (CHUNK_EVENTS at a time) into one reused wasm buffer. Event i depends only on
 * (seed, i), so the chunks are exactly the events of one run.
 */
export function* generateChunks(wasm: SymscopeWasm, request: GenerateRequest, chunkEvents = CHUNK_EVENTS): Generator<EventChunk> {
  const { spec, params, n, seed } = resolveRequest(request)
  const nf = spec.features.length
  const nt = spec.truth.length
  const size = Math.min(chunkEvents, n)
  const featuresPtr = wasm.allocF64(size * nf)
  const truthPtr = wasm.allocF64(size * nt)
  try {
    for (let first = 0; first < n; first += size) {
      const count = Math.min(size, n - first)
      spec.fill(wasm, { seed: BigInt(seed), first: BigInt(first), n: count, params, featuresPtr, truthPtr })
      yield { first, n: count, features: wasm.viewF64(featuresPtr, count * nf), truth: wasm.viewF64(truthPtr, count * nt) }
    }
  } finally {
    wasm.free(featuresPtr)
    wasm.free(truthPtr)
  }
}

/** Generates a whole event set, copied out of wasm memory. `onProgress` receives the fraction done after each chunk. */
export function generateEvents(wasm: SymscopeWasm, request: GenerateRequest, onProgress?: (done: number) => void): EventSet {
  const { spec, params, n, seed } = resolveRequest(request)
  const features = new Float64Array(n * spec.features.length)
  const truth = new Float64Array(n * spec.truth.length)
  for (const chunk of generateChunks(wasm, request)) {
    features.set(chunk.features, chunk.first * spec.features.length)
    truth.set(chunk.truth, chunk.first * spec.truth.length)
    onProgress?.((chunk.first + chunk.n) / n)
  }
  return { dataset: spec.name, params, seed, n, featureNames: spec.features, truthNames: spec.truth, features, truth }
}
