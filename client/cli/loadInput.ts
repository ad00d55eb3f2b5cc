import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { inputFromCsv, inputFromEvents, type AnalysisInput } from '../../core/analysis/index.js'
import { datasets, generateEvents, readCsv, type SymscopeWasm } from '../../core/index.js'
import { cmsDimuonInput } from '../../core/transforms/cmsDimuon.js'
import { CliError, EXIT } from './exitCodes.js'

export interface InputOptions {
  n: number
  seed: number
  params: Record<string, unknown>
  features?: string[]
  truth?: string[]
  angular?: string[]
  from?: string
}

/** Input formats `--from` understands besides plain numeric CSV. */
export const FROM_FORMATS = ['cms-dimuon'] as const

const isFile = (path: string) => {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/**
 * The data an `analyze` run reads: a registry dataset generated on the spot, or a CSV file (plain, with the truth_
 * convention and optional --features/--truth lists, or --from cms-dimuon). A file that exists wins over a dataset
 * of the same name.
 */
export function loadInput(wasm: SymscopeWasm, source: string, options: InputOptions): AnalysisInput {
  if (options.from !== undefined && !(FROM_FORMATS as readonly string[]).includes(options.from)) {
    throw new CliError(`--from must be one of ${FROM_FORMATS.join(', ')}; got '${options.from}'`)
  }
  if (isFile(source)) {
    if (Object.keys(options.params).length) throw new CliError('--set applies to generated datasets, not to a CSV file')
    let text: string
    try {
      text = readFileSync(source, 'utf8')
    } catch (error) {
      throw new CliError(`cannot read '${source}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, EXIT.io)
    }
    const name = basename(source)
    if (options.from === 'cms-dimuon') return cmsDimuonInput(wasm, text, name)
    const table = readCsv(text, { features: options.features, truth: options.truth })
    for (const angle of options.angular ?? []) {
      if (!table.truthNames.includes(angle)) throw new CliError(`--angular '${angle}' is not a truth column (truth: ${table.truthNames.join(', ') || 'none'})`)
    }
    return inputFromCsv(table, name, {}, options.angular ?? [])
  }
  if (Object.hasOwn(datasets, source)) {
    if (options.from || options.features || options.truth || options.angular) {
      throw new CliError('--from, --features, --truth and --angular apply to CSV files, not to generated datasets')
    }
    return inputFromEvents(generateEvents(wasm, { dataset: source, n: options.n, seed: options.seed, params: options.params }))
  }
  throw new CliError(
    `'${source}' is neither a readable file nor a dataset (datasets: ${Object.keys(datasets).join(', ')})`,
    source.includes('.') || source.includes('/') ? EXIT.io : EXIT.usage,
  )
}
