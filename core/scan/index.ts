// Scans: the same analysis over a grid of β, training seeds and latent sizes, each point a full report cached by
// its id, and their summary across seeds (docs/method.md, "Robustness").
export { checkScanGrid, logSpaced, parseBetaGrid } from './grid.js'
export type { ScanGrid } from './grid.js'
export { planScan, scanIndex } from './plan.js'
export type { PlannedPoint, ScanIndex, ScanPlan, ScanRequest } from './plan.js'
export { scanFromReports } from './summary.js'
export * from './limits.js'
