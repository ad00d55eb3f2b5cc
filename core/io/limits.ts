/**
 * Largest input file any reader accepts, bytes: refused by its size before a byte is read. An analysis takes at most
 * a million events (MAX_ANALYSIS_EVENTS), which in any of the formats is far below this.
 */
export const MAX_INPUT_BYTES = 1024 * 1024 * 1024

/** Most columns a file may have, whatever its format (the CSV reader's MAX_CSV_COLUMNS). */
export { MAX_CSV_COLUMNS as MAX_INPUT_COLUMNS } from '../csv/limits.js'
