import type { AnalysisInput } from '../analysis/input.js'
import { readCsv } from '../csv/readCsv.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { CMS_DILEPTON_COLUMNS, cmsDileptonInput } from './cmsDilepton.js'

/** Columns a CMS dimuon CSV must have: those of every CMS dilepton file. */
export const CMS_DIMUON_COLUMNS = CMS_DILEPTON_COLUMNS

/**
 * A CMS Z → μμ CSV (Zmumu_Run2011A.csv) as analysis input: cmsDileptonInput with the muon mass, on the CSV's text.
 * `takeRows` reads only the first rows.
 *
 * @throws {SymscopeError} invalid_csv for a malformed file (line and column named) or a missing column; invalid_data
 *   for a charge other than ±1 or no opposite-sign pair
 */
export function cmsDimuonInput(wasm: SymscopeWasm, text: string, name: string, options: { maxRows?: number; takeRows?: number } = {}): AnalysisInput {
  return cmsDileptonInput(wasm, readCsv(text, { features: CMS_DILEPTON_COLUMNS, truth: [], ...options }), name, 'mu', 'csv')
}
