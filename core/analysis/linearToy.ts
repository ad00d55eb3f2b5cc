import { SymscopeError } from '../errors.js'

function checkBeta(beta: number): void {
  if (!(typeof beta === 'number' && Number.isFinite(beta) && beta >= 0)) {
    throw new SymscopeError('invalid_parameter', `linearToyRelevance requires β ≥ 0 (got ${JSON.stringify(beta)})`, { parameter: 'beta' })
  }
}

/**
 * Collapse threshold of the linear toy model, βD/2: a principal direction of the standardised data with variance
 * λ_k at or below it carries no latent. It is the observation noise σ² of the equivalent probabilistic PCA.
 *
 * @param features D ≥ 1, the number of (kept, standardised) features
 * @param beta β ≥ 0, the weight of the KL term
 * @throws {SymscopeError} invalid_parameter when D is not a positive integer or β is negative or not finite
 * @example
 * collapseThreshold(3, 0.1) // 0.15
 */
export function collapseThreshold(features: number, beta: number): number {
  if (!(Number.isInteger(features) && features >= 1)) {
    throw new SymscopeError('invalid_parameter', `collapseThreshold requires D ≥ 1 features (got ${JSON.stringify(features)})`)
  }
  checkBeta(beta)
  return (beta * features) / 2
}

/**
 * Relevance predicted by the linear toy model (docs/method.md): for a linear VAE on Gaussian data,
 * with λ_k the eigenvalues of the correlation matrix of the D features (the covariance of the standardised
 * features), each active latent aligns with one eigenvector and R_k = 1 − βD/(2λ_k) when λ_k > βD/2; the others
 * collapse (R_k = 0). The posterior variance is σ_k² = βD/(2λ_k), so 1 − ⟨σ_k²⟩ equals R_k too.
 *
 * Why, in one line: the loss ‖x − x̂‖²/D + β·KL is 2/D times ‖x − x̂‖²/2 + (βD/2)·KL, the negative ELBO of a
 * Gaussian decoder N(x̂, σ²I) with σ² = βD/2 scaled by σ², so the linear VAE's optimum is probabilistic PCA with
 * noise σ² (Lucas, Tucker, Grosse and Norouzi, "Don't blame the ELBO! A linear VAE perspective on posterior collapse",
 * NeurIPS 2019; Tipping and Bishop, J. R. Stat. Soc. B 61 (1999) 611): W = U(Λ − σ²)^½, posterior mean
 * μ_k = (λ_k − σ²)^½ u_kᵀx / λ_k, whose variance over x is (λ_k − σ²)/λ_k. Lucas et al.'s σ² is βD/2 here.
 * Runs in O(D).
 *
 * @param eigenvalues λ_k ≥ 0, one per feature (D = their number); any order, the result keeps it
 * @param beta β ≥ 0, the weight of the KL term in the design's loss
 * @returns R_k = max(0, 1 − βD/(2λ_k)), in the order of `eigenvalues`
 * @throws {SymscopeError} invalid_parameter when there are no eigenvalues, one is negative or not finite, or β is
 *   negative or not finite
 * @example
 * linearToyRelevance([2, 0.9, 0.1], 0.1) // [0.925, 0.8333, 0]
 */
export function linearToyRelevance(eigenvalues: readonly number[], beta: number): number[] {
  if (!Array.isArray(eigenvalues) || eigenvalues.length === 0) {
    throw new SymscopeError('invalid_parameter', 'linearToyRelevance requires at least one eigenvalue')
  }
  for (const value of eigenvalues) {
    if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
      throw new SymscopeError('invalid_parameter', `linearToyRelevance requires eigenvalues ≥ 0 (got ${JSON.stringify(value)})`)
    }
  }
  const threshold = collapseThreshold(eigenvalues.length, beta)
  return eigenvalues.map((lambda) => (lambda > threshold ? 1 - threshold / lambda : 0))
}
