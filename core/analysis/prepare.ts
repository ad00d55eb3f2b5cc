import { SymscopeError } from '../errors.js'
import { countOf, numberInWords } from '../rangeText.js'
import { standardise, type StandardisedMatrix } from '../stats/standardise.js'
import type { SymscopeWasm } from '../wasm/module.js'
import type { AnalysisInput } from './input.js'
import { MAX_ANALYSIS_EVENTS, MIN_ANALYSIS_EVENTS } from './limits.js'

/** The largest finite single-precision value, 3.4028234663852886e38. */
const F32_MAX = 3.4028234663852886e38

/** The VAE's input: standardised Float32 features, constant features dropped and reported. */
export interface PreparedFeatures {
  matrix: StandardisedMatrix
  /** Names of the kept features, in matrix column order. */
  names: string[]
  constantFeatures: { name: string; value: number }[]
}

/**
 * Checks the input, converts the features to Float32, standardises them (wasm) and drops columns with zero variance,
 * which the report lists as exact constraints (an energy fixed at √s/2, say).
 *
 * @throws {SymscopeError} invalid_data for too few or too many events, a non-finite value (naming row and column),
 *   or data with every feature constant (nothing to learn)
 */
export function prepareFeatures(wasm: SymscopeWasm, input: AnalysisInput): PreparedFeatures {
  const { n, featureNames, features } = input
  const cols = featureNames.length
  if (n < MIN_ANALYSIS_EVENTS) {
    throw new SymscopeError('invalid_data', `${input.name}: ${countOf(n, 'event')}; an analysis needs at least ${MIN_ANALYSIS_EVENTS}`, { n })
  }
  if (n > MAX_ANALYSIS_EVENTS) {
    throw new SymscopeError('too_large', `${input.name}: ${countOf(n, 'event')} exceed the analysis limit of ${numberInWords(MAX_ANALYSIS_EVENTS)} events`, { n })
  }
  if (features.length !== n * cols) {
    throw new SymscopeError('invalid_data', `${input.name}: ${features.length} feature values for ${n} events × ${cols} features`)
  }
  const data = new Float32Array(n * cols)
  for (let i = 0; i < data.length; i++) {
    const value = features[i]
    // The VAE trains in single precision: a finite double beyond ±3.4e38 would become ±Infinity there.
    if (!(Math.abs(value) <= F32_MAX)) {
      const row = Math.floor(i / cols)
      const why = Number.isFinite(value) ? `, beyond ±${F32_MAX.toPrecision(3)}, the single-precision range the analysis computes in` : ''
      throw new SymscopeError('invalid_data', `${input.name}: event ${row + 1}, feature '${featureNames[i % cols]}' is ${value}${why}`, { row: row + 1 })
    }
    data[i] = value
  }
  const matrix = standardise(wasm, data, n, cols)
  if (matrix.cols === 0) {
    throw new SymscopeError('invalid_data', `${input.name}: every feature is constant; there is nothing to learn`)
  }
  return {
    matrix,
    names: matrix.columns.map((c) => featureNames[c]),
    constantFeatures: matrix.dropped.map((c) => ({ name: featureNames[c], value: matrix.means[c] })),
  }
}
