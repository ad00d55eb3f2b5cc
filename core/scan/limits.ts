/** Named limits of a scan (docs/method.md "Robustness", README "Scans"): each bounds the work one request may start. */

/** Most β values in one grid. */
export const MAX_GRID_BETAS = 64

/** Most training seeds per grid point. */
export const MAX_SCAN_SEEDS = 32

/** Most latent sizes in one scan. */
export const MAX_GRID_LATENTS = 8

/** Most points (β × seeds × latent sizes) in one scan: each is a full analysis. */
export const MAX_SCAN_POINTS = 256

/** Points of the linear toy model's predicted curve, log-spaced over the grid's β range. */
export const PREDICTION_POINTS = 64
