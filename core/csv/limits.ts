/** Most columns a CSV may have: far above any physics dataset, low enough to reject a binary file read as CSV. */
export const MAX_CSV_COLUMNS = 1024

/** Prefix that marks a truth observable: kept apart from the features, never fed to the VAE. */
export const TRUTH_PREFIX = 'truth_'
