import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { FROM_FORMATS, inputFromSource, type AnalysisInput, type FromFormat } from '../../core/analysis/index.js'
import { datasets } from '../../core/datasets/index.js'
import { INPUT_FORMATS, MAX_INPUT_BYTES, type InputFormat } from '../../core/io/index.js'
import type { SymscopeWasm } from '../../core/index.js'
import { CliError, EXIT } from './exitCodes.js'
import { fileErrorText } from './fileErrors.js'

export interface InputOptions {
  n: number
  seed: number
  params: Record<string, unknown>
  features?: string[]
  truth?: string[]
  angular?: string[]
  from?: string
  lepton?: string
  format?: string
  columns?: string[]
  dataset?: string
  particles?: string[]
  mass?: boolean
  weights?: string
}

export { FROM_FORMATS }

const fileSize = (path: string) => {
  try {
    const stat = statSync(path)
    return stat.isFile() ? stat.size : undefined
  } catch {
    return undefined
  }
}

/** Options that describe how to read a file, by their CLI names. */
const FILE_OPTIONS = ['from', 'lepton', 'features', 'truth', 'angular', 'format', 'columns', 'dataset', 'particles', 'mass', 'weights'] as const

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value !== undefined && !(allowed as readonly string[]).includes(value)) throw new CliError(`--${option} must be one of ${allowed.join(', ')}; got '${value}'`)
  return value as T | undefined
}

/**
 * The data an `analyze` run reads: a registry dataset generated on the spot, or a file in any format core reads
 * (CSV, .npy, .npz, Parquet, LHE, HDF5; by --format, its ending or its first bytes), through core's one
 * inputFromSource. A file that exists wins over a dataset of the same name; a file above MAX_INPUT_BYTES is
 * refused by its size before it is read.
 */
export async function loadInput(wasm: SymscopeWasm, source: string, options: InputOptions): Promise<AnalysisInput> {
  const from = oneOf<FromFormat>('from', options.from, FROM_FORMATS)
  const format = oneOf<InputFormat>('format', options.format, INPUT_FORMATS)
  const lepton = oneOf('lepton', options.lepton, ['e', 'mu'] as const)
  const weights = oneOf('weights', options.weights, ['uniform', 'ignore'] as const)
  const size = fileSize(source)
  if (size !== undefined) {
    if (Object.keys(options.params).length) throw new CliError('--set applies to generated datasets, not to a file')
    if (size > MAX_INPUT_BYTES) throw new CliError(`'${source}' has ${size} bytes; the limit is ${MAX_INPUT_BYTES}`, EXIT.data)
    let data: Uint8Array
    try {
      data = readFileSync(source)
    } catch (error) {
      throw new CliError(`cannot read '${source}': ${fileErrorText(error)}`, EXIT.io)
    }
    const { features, truth, angular, columns, dataset, particles, mass } = options
    return inputFromSource(wasm, { kind: 'file', name: basename(source), data, format, from, lepton, weights, features, truth, angular, columns, dataset, particles, mass })
  }
  if (Object.hasOwn(datasets, source)) {
    const given = FILE_OPTIONS.filter((option) => options[option] !== undefined && options[option] !== false)
    if (given.length) throw new CliError(`${given.map((o) => `--${o}`).join(', ')} apply to files, not to generated datasets`)
    return inputFromSource(wasm, { kind: 'generator', dataset: source, n: options.n, seed: options.seed, params: options.params })
  }
  throw new CliError(
    `'${source}' is neither a readable file nor a dataset (datasets: ${Object.keys(datasets).join(', ')})`,
    source.includes('.') || source.includes('/') ? EXIT.io : EXIT.usage,
  )
}
