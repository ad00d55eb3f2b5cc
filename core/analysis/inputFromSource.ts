import { generateEvents } from '../datasets/generate.js'
import type { ParameterValues } from '../datasets/types.js'
import { SymscopeError } from '../errors.js'
import { datasetName } from '../io/formats.js'
import { readColumnTable, type ReadOptions } from '../io/readColumnTable.js'
import { CMS_DILEPTON_COLUMNS, cmsDileptonInput, type Lepton } from '../transforms/cmsDilepton.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { numberInWords } from '../rangeText.js'
import { inputFromEvents, inputFromTable, type AnalysisInput } from './input.js'
import { identifierColumns, identifierNote, withoutFeatures } from './identifierColumns.js'
import { leptonOfName, recogniseTable, type FromFormat } from './knownTables.js'
import { MAX_ANALYSIS_EVENTS, MIN_ANALYSIS_EVENTS } from './limits.js'

/** Where an analysis's data comes from: a registry generator, or a file's bytes (or text) and how to read it. */
export type DataSource =
  | { kind: 'generator'; dataset: string; n: number; seed: number; params?: Record<string, unknown>; maxEvents?: number }
  | ({
      kind: 'file'
      /** The file name: its ending picks the format unless `format` does; without it, it names the data. */
      name: string
      data: Uint8Array | string
      /** Truth columns that are angles (periodic on [−π, π)); each must be a truth column. */
      angular?: readonly string[]
      /** A transform of the table: `cms-dilepton` (with `lepton`, else from the file name), `cms-dimuon`, `cms-dielectron`. */
      from?: FromFormat
      lepton?: Lepton
    } & ReadOptions)

/** The lepton of a CMS dilepton file: named, fixed by the `from` alias, or read off a Zee / Zmumu file name. */
function leptonOf(source: Extract<DataSource, { kind: 'file' }>): Lepton {
  if (source.from === 'cms-dimuon') return 'mu'
  if (source.from === 'cms-dielectron') return 'e'
  if (source.lepton) return source.lepton
  const named = leptonOfName(source.name)
  if (named) return named
  throw new SymscopeError('invalid_parameter', `--from cms-dilepton: say which leptons '${source.name}' holds with --lepton e or --lepton mu`, { parameter: 'lepton' })
}

/**
 * The one path from a source to the analysis input, for every front end (CLI, API, web worker): generate the
 * registry dataset, or read the file in its format (core/io), apply the `from` transform, and check that every
 * `angular` column is a truth column. The data's name is the file name without its format's ending.
 *
 * @throws {SymscopeError} unknown_dataset / invalid_parameter for a bad generator request or option;
 *   invalid_csv / invalid_data for a file that cannot be read (one line naming the place); too_large over a limit
 */
export async function inputFromSource(wasm: SymscopeWasm, source: DataSource): Promise<AnalysisInput> {
  if (source.kind === 'generator') {
    const { dataset, n, seed, params } = source
    // The event count is a parameter: out of the analysis's range it is refused before anything is generated, with
    // the analysis's own limit (the generator's larger one would be the wrong one to cite).
    const maxEvents = Math.min(source.maxEvents ?? MAX_ANALYSIS_EVENTS, MAX_ANALYSIS_EVENTS)
    if (typeof n === 'number' && n < MIN_ANALYSIS_EVENTS) {
      throw new SymscopeError('invalid_parameter', `n = ${numberInWords(n)}: an analysis needs at least ${numberInWords(MIN_ANALYSIS_EVENTS)} events`, { parameter: 'n', limit: MIN_ANALYSIS_EVENTS })
    }
    if (typeof n === 'number' && n > maxEvents) {
      throw new SymscopeError('too_large', `n = ${numberInWords(n)} exceeds the analysis limit of ${numberInWords(maxEvents)} events`, { parameter: 'n', limit: maxEvents })
    }
    return inputFromEvents(generateEvents(wasm, { dataset, n, seed, params: (params ?? {}) as ParameterValues, maxEvents }))
  }
  const name = datasetName(source.name)
  if (source.from) {
    if (source.features || source.truth || source.angular?.length) {
      throw new SymscopeError('invalid_parameter', `--from ${source.from} builds its own features and truth: drop --features, --truth and --angular`, { parameter: 'from' })
    }
    const { table, format } = await readColumnTable(source.data, source.name, { ...source, features: CMS_DILEPTON_COLUMNS, truth: [] })
    return cmsDileptonInput(wasm, table, name, leptonOf(source), format)
  }
  const read = await readColumnTable(source.data, source.name, source)
  const format = read.format
  const notes: AnalysisInput['parameters'] = { ...read.notes }
  let table = read.table
  // Event and run numbers are not measurements: left out unless the features are named, and said so in the report.
  const identifiers = source.features ? [] : identifierColumns(table)
  if (identifiers.length && identifiers.length < table.featureNames.length) {
    table = withoutFeatures(table, identifiers.map((c) => c.name))
    notes.leftOutIdentifiers = identifierNote(identifiers)
  }
  const known = recogniseTable(read.table.featureNames, source.name)
  if (known) notes.knownTable = known.advice
  for (const angle of source.angular ?? []) {
    if (!table.truthNames.includes(angle)) {
      throw new SymscopeError('invalid_parameter', `angular column '${angle}' is not a truth column (truth: ${table.truthNames.join(', ') || 'none'})`, { parameter: 'angular' })
    }
  }
  return inputFromTable(table, name, format, notes, source.angular ?? [])
}
