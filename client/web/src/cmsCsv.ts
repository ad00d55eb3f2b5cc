// The CMS sample as plain CSV for the server, loaded by dataInput.ts only when it is needed: the compute module
// and core's CMS reading stay out of the page's first load.
import { cmsDimuonInput } from '../../../core/analysis/index.js'
import { csvHeader, csvRows } from '../../../core/io/index.js'
import { loadWasm } from '../../../core/wasm/browser.js'
import wasmUrl from '../../../core/wasm/symscope.wasm?url'

export async function cmsAsPlainCsv(text: string, name: string): Promise<{ text: string; name: string; angular: string[] }> {
  const input = cmsDimuonInput(await loadWasm(wasmUrl), text, name)
  const csv = csvHeader(input.featureNames, input.truthNames) + csvRows(input.features, input.truth, input.n, input.featureNames.length, input.truthNames.length)
  return { text: csv, name, angular: [...input.angularTruth] }
}
