// Data that does not come from a generator: an uploaded file (a CSV is checked at once by core's readCsv, whose errors
// name the line and column; the other formats are read by core in the analysis worker) and the bundled CMS Z → μμ
// example (2,000 real events, fetched from the app's own assets).
import { formatOf, readCsv, type CsvTable, type InputFormat } from '../../../core/io/index.js'

/** Where the build puts the CMS sample (client/web/vite.config.ts copies it from data/cms/). */
export const CMS_SAMPLE_URL = '/data/Zmumu_Run2011A-2000.csv'
export const CMS_SAMPLE_NAME = 'Zmumu_Run2011A.csv (CMS 2011, first 2,000 events)'

/** An uploaded file: a CSV read and checked (its text and table), or another format's bytes. */
export type Upload =
  | { format: 'csv'; name: string; text: string; table: Pick<CsvTable, 'featureNames' | 'truthNames' | 'n'> }
  | { format: Exclude<InputFormat, 'csv'>; name: string; bytes: Uint8Array }
export type CsvUpload = Extract<Upload, { format: 'csv' }>

/** Formats the server reads from an upload (worker/schemas/analysis.ts UPLOAD_FORMATS); CSV goes as JSON text. */
export const SERVER_FORMATS: readonly InputFormat[] = ['parquet', 'npy', 'npz']

/** Most bytes read from an uploaded file: a larger analysis belongs to the CLI. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024

/**
 * Reads an uploaded file, refused by its size first. A CSV is checked at once (core's SymscopeError('invalid_csv')
 * names the line and column); another format is kept as bytes, which core reads in the analysis worker.
 */
export async function readUpload(file: File): Promise<Upload> {
  if (file.size > MAX_UPLOAD_BYTES) throw new Error(`${file.name} has ${file.size} bytes; the browser app reads at most ${MAX_UPLOAD_BYTES} (use npx symscope analyze)`)
  const bytes = new Uint8Array(await file.arrayBuffer())
  const format = formatOf(file.name, bytes)
  if (format !== 'csv') return { format, name: file.name, bytes }
  const text = new TextDecoder().decode(bytes)
  const table = readCsv(text)
  return { format, name: file.name, text, table: { featureNames: table.featureNames, truthNames: table.truthNames, n: table.n } }
}

/** One line about an upload: the checked table of a CSV, or the format and size of another file. */
export const describeUpload = (upload: Upload): string =>
  upload.format === 'csv'
    ? describeTable(upload.table)
    : `${upload.format === 'hdf5' ? 'HDF5' : upload.format === 'lhe' ? 'LHE' : upload.format === 'parquet' ? 'Parquet' : `.${upload.format}`} file, ${upload.bytes.byteLength.toLocaleString('en-US')} bytes: read when the analysis starts`

/** One line about a checked table: rows, features and truth. */
export const describeTable = (table: CsvUpload['table']): string =>
  `${table.n.toLocaleString('en-US')} events; features: ${table.featureNames.join(', ')}; truth: ${table.truthNames.join(', ') || 'none'}`

/** The CMS sample's CSV text (the build always includes it; a failed fetch says what is missing). */
export async function loadCmsSample(): Promise<string> {
  const response = await fetch(CMS_SAMPLE_URL)
  if (!response.ok) throw new Error(`the CMS example is not part of this build (${CMS_SAMPLE_URL}: HTTP ${response.status})`)
  return response.text()
}

/**
 * The CMS sample as plain CSV for the server (which reads the truth_ convention, not the CMS format): core's
 * cmsDimuonInput builds the four-vectors and the truth here, with the compute module loaded in this page (cmsCsv.ts,
 * loaded only then).
 */
export async function cmsAsPlainCsv(text: string, name: string, lepton: 'e' | 'mu' = 'mu'): Promise<{ text: string; name: string; angular: string[] }> {
  const { cmsAsPlainCsv } = await import('./cmsCsv.js')
  return cmsAsPlainCsv(text, name, lepton)
}
