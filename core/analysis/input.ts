import type { EventSet } from '../datasets/generate.js'
import { getDataset } from '../datasets/registry.js'
import type { ParameterValues } from '../datasets/types.js'
import type { ColumnTable } from '../io/columnTable.js'
import type { InputFormat } from '../io/formats.js'

/** What the analysis reads: a feature matrix with named columns, truth kept apart, and where it came from. */
export interface AnalysisInput {
  name: string
  /** Where the events came from: a registry generator, or a file read in `format` (core/io). */
  source: 'generator' | 'file'
  /** The file's format (csv, npy, npz, parquet, lhe, hdf5) for a file; absent for a generator. */
  format?: InputFormat
  parameters: Record<string, number | boolean | string | null>
  featureNames: readonly string[]
  truthNames: readonly string[]
  /** Truth observables that are angles (periodic on [−π, π)). */
  angularTruth: readonly string[]
  n: number
  /** Row-major n × featureNames.length. */
  features: ArrayLike<number>
  /** Row-major n × truthNames.length. */
  truth: ArrayLike<number>
  /** Free coordinates when known (registry datasets), else null. */
  expectedDegreesOfFreedom: number | null
}

/** Analysis input from generated events; the generator's seed and parameters become the dataset's parameters. */
export function inputFromEvents(events: EventSet): AnalysisInput {
  const params: ParameterValues = { ...events.params }
  return {
    name: events.dataset,
    source: 'generator',
    parameters: { ...params, seed: events.seed },
    featureNames: events.featureNames,
    truthNames: events.truthNames,
    angularTruth: getDataset(events.dataset).angularTruth,
    n: events.n,
    features: events.features,
    truth: events.truth,
    expectedDegreesOfFreedom: getDataset(events.dataset).degreesOfFreedom,
  }
}

/**
 * Analysis input from a column table read from a file in `format` (any reader of core/io, CSV included); `name` is
 * what the report calls it (the file name without its ending, say).
 */
export function inputFromTable(
  table: ColumnTable,
  name: string,
  format: InputFormat,
  parameters: AnalysisInput['parameters'] = {},
  angularTruth: readonly string[] = [],
): AnalysisInput {
  return {
    name,
    source: 'file',
    format,
    parameters,
    featureNames: table.featureNames,
    truthNames: table.truthNames,
    angularTruth,
    n: table.n,
    features: table.features,
    truth: table.truth,
    expectedDegreesOfFreedom: null,
  }
}
