/** The element's and the API client's defaults, in one place. */

/** Base URL of the symscope API when the element has no `api` attribute: the page's own origin. */
export const DEFAULT_API = ''

/** Polling a queued server analysis: the first wait, the longest wait, when to give up; and retries of a 503. */
export const POLL = { firstMs: 500, maxMs: 4_000, timeoutMs: 15 * 60_000, retries: 2 } as const

/**
 * The analysis the element asks the server for when given a `dataset` without `n` / `epochs` / `seed`: 240 optimiser
 * steps, within the server's step budget, so it is answered at once.
 */
export const SMALL_ANALYSIS = { n: 4_000, epochs: 20, seed: 1 } as const

/** Figures the element draws by default (`figures="all"` draws every one). */
export const DEFAULT_FIGURES = ['relevance', 'dimension', 'latent-map', 'correlations'] as const
