import { symmetricEigen } from '../linalg/symmetricEigen.js'
import { covariance } from '../stats/covariance.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { collapseThreshold, linearToyRelevance } from './linearToy.js'

/** The linear toy model's prediction beside the measurement, one row per rank of the sorted spectrum. */
export interface LinearToyComparison {
  /** βD/2: a principal direction with λ_k at or below it carries no latent. */
  collapseThreshold: number
  ranks: { rank: number; eigenvalue: number | null; predicted: number; measured: number | null; latent: number | null }[]
}

/**
 * The linear toy model in the report of a linear VAE (docs/linear-toy-model.md): the eigenvalues λ_k of the
 * covariance of the standardised features (the correlation matrix the VAE sees), the predicted relevance
 * R_k = 1 − βD/(2λ_k) of each (`linearToyRelevance`), and the measured relevance at the same rank of the sorted
 * spectrum. The linear VAE's expected loss depends on the data only through that covariance, so the prediction holds
 * for any data, not only Gaussian. Ranks beyond the latent size have no measurement (null); ranks beyond D have no
 * eigenvalue (null) and predict 0. Runs in O(rows · D² + D³).
 */
export function linearToyComparison(
  wasm: SymscopeWasm,
  standardised: Float32Array,
  rows: number,
  features: number,
  beta: number,
  sortedLatents: readonly { index: number; relevance: number }[],
): LinearToyComparison {
  const c = covariance(wasm, standardised, rows, features)
  const matrix = Array.from({ length: features }, (_, i) => Array.from({ length: features }, (_, j) => c[i * features + j]))
  const eigenvalues = symmetricEigen(matrix).values.map((v) => Math.max(v, 0))
  const predicted = linearToyRelevance(eigenvalues, beta)
  const ranks = Math.max(features, sortedLatents.length)
  return {
    collapseThreshold: collapseThreshold(features, beta),
    ranks: Array.from({ length: ranks }, (_, k) => ({
      rank: k + 1,
      eigenvalue: eigenvalues[k] ?? null,
      predicted: predicted[k] ?? 0,
      measured: sortedLatents[k]?.relevance ?? null,
      latent: sortedLatents[k]?.index ?? null,
    })),
  }
}
