// CSV in and out, with the `truth_` prefix convention: truth observables ride along but never reach the VAE.
export { readCsv } from './readCsv.js'
export type { CsvTable, ReadCsvOptions } from './readCsv.js'
export { csvHeader, csvRows } from './writeCsv.js'
export { MAX_CSV_COLUMNS, TRUTH_PREFIX } from './limits.js'
