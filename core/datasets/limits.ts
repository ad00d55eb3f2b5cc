/** Most events one `generate` call makes (CLI and library). The HTTP API has its own, smaller limit. */
export const MAX_EVENTS = 10_000_000

/** Seeds are integers 0 … 2^53 − 1, so that every JavaScript number seed is exact. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER

/** Events per wasm call when generating in chunks: bounds wasm memory and paces progress reports. */
export const CHUNK_EVENTS = 65_536
