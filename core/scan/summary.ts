import { linearToyRelevance } from '../analysis/linearToy.js'
import { SymscopeError } from '../errors.js'
import type { Report } from '../report/schema.js'
import { SCAN_SCHEMA_VERSION, scanSchema, type Scan, type ScanPoint, type ScanSeries, type Spread } from '../report/scanSchema.js'
import { VERSION } from '../version.js'
import { logSpaced } from './grid.js'
import { PREDICTION_POINTS } from './limits.js'
import type { ScanIndex } from './plan.js'

/** Mean, min and max of the values present; null when none is. */
function spread(values: (number | null)[]): Spread {
  const present = values.filter((v): v is number => v !== null)
  if (!present.length) return null
  let sum = 0
  for (const v of present) sum += v
  return { mean: sum / present.length, min: Math.min(...present), max: Math.max(...present) }
}

/** A scan point from its report: the spectrum, the relevant count and the latent dimension with its interval. */
function pointOf(report: Report, beta: number, seed: number): ScanPoint {
  const interval = report.intrinsicDimension.latentInterval
  return {
    id: report.id,
    beta,
    seed,
    latent: report.config.latent,
    relevances: report.latents.map((l) => l.relevance),
    relevantCount: report.relevantCount,
    latentDimension: report.intrinsicDimension.latent,
    latentInterval: interval ? [interval.lower, interval.upper] : null,
    converged: report.training.convergence?.converged ?? true,
    collapsing: report.training.convergence?.latents.filter((l) => l.collapsing).length ?? 0,
  }
}

/** A point whose count the report states: its training converged (scans before 0.4.0 had no rule: all count). */
export const isConverged = (point: ScanPoint): boolean => point.converged !== false

/**
 * One latent size's series across the grid, from its converged points only: at each β, rank r's relevance, the relevant count and the latent
 * dimension as mean, min and max over the seeds (the bands of the scan's figures), and each rank's collapse β: the
 * smallest grid β from which on the mean relevance stays below the threshold.
 */
export function seriesOf(points: ScanPoint[], betas: number[], latent: number, threshold: number): ScanSeries {
  const at = betas.map((beta) => points.filter((p) => p.beta === beta && isConverged(p)))
  const ranks = Array.from({ length: latent }, (_, r) => ({ rank: r + 1, relevance: at.map((group) => spread(group.map((p) => p.relevances[r] ?? null))) }))
  const collapse = ranks.map(({ rank, relevance }) => {
    let from: number | null = null
    for (let i = betas.length - 1; i >= 0; i--) {
      const mean = relevance[i]?.mean
      if (mean === undefined || mean >= threshold) break
      from = betas[i]
    }
    return { rank, beta: from }
  })
  return {
    latent,
    ranks,
    relevantCount: at.map((group) => spread(group.map((p) => p.relevantCount))),
    latentDimension: at.map((group) => spread(group.map((p) => p.latentDimension))),
    collapse,
  }
}

/**
 * The scan (scan.json) from its index (`scanIndex(plan)`) and the reports of its points, in the index's order. Holds no timings and
 * nothing about which points came from a cache, so the same scan gives the same bytes however it was run. For a
 * linear VAE it adds the toy model's prediction (docs/linear-toy-model.md) from the eigenvalues the points' reports
 * carry.
 *
 * @throws {SymscopeError} invalid_data when a report does not belong to its point (another id)
 */
export function scanFromReports(plan: ScanIndex, reports: readonly Report[]): Scan {
  if (reports.length !== plan.points.length) {
    throw new SymscopeError('invalid_data', `a scan of ${plan.points.length} points needs as many reports (got ${reports.length})`)
  }
  const points = plan.points.map((p, i) => {
    if (reports[i].id !== p.id) throw new SymscopeError('invalid_data', `report ${reports[i].id} is not the one of scan point ${i + 1} (${p.id})`)
    return pointOf(reports[i], p.beta, p.seed)
  })
  const latents = [...new Set(points.map((p) => p.latent))]
  const series = latents.map((latent) => seriesOf(points.filter((p) => p.latent === latent), plan.grid.beta, latent, plan.threshold))
  const first = reports[0]
  const toy = first.linearToy
  let linearToy: Scan['linearToy'] = null
  if (plan.config.linear && toy) {
    const eigenvalues = toy.ranks.map((r) => r.eigenvalue).filter((v): v is number => v !== null)
    const features = eigenvalues.length
    const beta = logSpaced(plan.grid.beta[0], plan.grid.beta[plan.grid.beta.length - 1], plan.grid.beta.length > 1 ? PREDICTION_POINTS : 1)
    const curves = beta.map((b) => linearToyRelevance(eigenvalues, b))
    linearToy = {
      eigenvalues,
      // R_k = 1 − βD/(2λ_k) reaches 0 at β_k = 2λ_k/D (collapseThreshold(D, β) = βD/2).
      collapse: eigenvalues.map((lambda, k) => ({ rank: k + 1, beta: (2 * lambda) / features })),
      prediction: { beta, ranks: eigenvalues.map((_, k) => ({ rank: k + 1, relevance: curves.map((c) => c[k]) })) },
    }
  }
  const scan: Scan = {
    schema: SCAN_SCHEMA_VERSION,
    id: plan.id,
    version: VERSION,
    dataset: first.dataset,
    grid: { beta: plan.grid.beta, seeds: plan.grid.seeds, latent: latents },
    config: { ...plan.config, threshold: plan.threshold },
    points,
    series,
    linearToy,
  }
  return scanSchema.parse(scan)
}
