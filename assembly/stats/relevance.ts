// Per-latent statistics of a VAE encoder on the evaluation data (design, "Method, precisely"; Sanz,
// arXiv:2504.05174): from the posterior means μ and log-variances log σ² (both rows × K f32, row-major),
//   relevance   R_i = Var_x[μ_i]                          (population variance over the rows, divide by n)
//   KL          KL_i = ⟨½ (μ_i² + σ_i² − log σ_i² − 1)⟩   (KL(N(μ, σ²) ‖ N(0, 1)) averaged over the rows)
//   shrinkage   1 − ⟨σ_i²⟩                                (0 for a latent left at the prior, → 1 when it is used)
// Accumulated in f64; R_i reuses the two-pass column moments of moments.ts.

import { columnMeans, columnVariances } from './moments'

/**
 * Latent statistics into `out` (3 · latents f64): [R_0 … R_{K−1}, KL_0 … KL_{K−1}, (1 − ⟨σ²⟩)_0 …].
 * `scratch` holds latents f64 (the means of μ). Cost O(rows · latents): two passes over μ, one over log σ².
 * Preconditions (checked by core): rows ≥ 2, latents ≥ 1, both matrices rows × latents f32 and finite.
 */
export function latentStatistics(means: usize, logVariances: usize, rows: i32, latents: i32, out: usize, scratch: usize): void {
  const kl = out + (<usize>latents << 3)
  const oneMinusSigma2 = out + (<usize>latents << 4)
  // R_i: the shared two-pass moments of the μ columns.
  columnMeans(means, rows, latents, scratch)
  columnVariances(means, rows, latents, scratch, out)

  memory.fill(kl, 0, <usize>(2 * latents) << 3)
  for (let i = 0; i < rows; i++) {
    const base = <usize>(i * latents) << 2
    for (let j = 0; j < latents; j++) {
      const offset = <usize>j << 3
      const mu = <f64>load<f32>(means + base + (<usize>j << 2))
      const logVariance = <f64>load<f32>(logVariances + base + (<usize>j << 2))
      const variance = Math.exp(logVariance)
      store<f64>(kl + offset, load<f64>(kl + offset) + (mu * mu + variance - logVariance - 1.0))
      store<f64>(oneMinusSigma2 + offset, load<f64>(oneMinusSigma2 + offset) + variance)
    }
  }
  const inverse = 1.0 / <f64>rows
  for (let j = 0; j < latents; j++) {
    const offset = <usize>j << 3
    store<f64>(kl + offset, 0.5 * load<f64>(kl + offset) * inverse)
    store<f64>(oneMinusSigma2 + offset, 1.0 - load<f64>(oneMinusSigma2 + offset) * inverse)
  }
}
