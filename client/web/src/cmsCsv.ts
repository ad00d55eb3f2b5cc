// The CMS sample as plain CSV for the server, loaded by dataInput.ts only when it is needed: the compute module
// and core's CMS reading stay out of the page's first load.
import { CMS_DILEPTON_COLUMNS, cmsDileptonInput, type Lepton } from '../../../core/analysis/index.js'
import { csvHeader, csvRows, readCsv } from '../../../core/io/index.js'
import { loadWasm } from '../../../core/wasm/browser.js'
import wasmUrl from '../../../core/wasm/symscope.wasm?url'

/** `lepton` fixes the lepton mass (a dielectron file reads as electrons). */
export async function cmsAsPlainCsv(text: string, name: string, lepton: Lepton = 'mu'): Promise<{ text: string; name: string; angular: string[] }> {
  const input = cmsDileptonInput(await loadWasm(wasmUrl), readCsv(text, { features: CMS_DILEPTON_COLUMNS, truth: [] }), name, lepton, 'csv')
  const csv = csvHeader(input.featureNames, input.truthNames) + csvRows(input.features, input.truth, input.n, input.featureNames.length, input.truthNames.length)
  return { text: csv, name, angular: [...input.angularTruth] }
}
