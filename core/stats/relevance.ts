import { SymscopeError } from '../errors.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { checkMatrix } from './checkMatrix.js'
import { withScratch } from './withScratch.js'

/** The statistics of one latent direction, in the report's `latents` entries. */
export interface LatentStatistics {
  /** Latent index i (column of the encoder output). */
  index: number
  /** R_i = Var_x[μ_i], population variance over the rows. */
  relevance: number
  /** ⟨½ (μ_i² + σ_i² − log σ_i² − 1)⟩, the mean KL divergence of q(z_i | x) from N(0, 1), in nats. */
  kl: number
  /** 1 − ⟨σ_i²⟩: 0 for a latent left at the prior, near 1 for one the decoder reads precisely. */
  oneMinusSigma2: number
}

/**
 * Relevance of latent i: variance over events of the posterior mean, R_i = Var_x[μ_i(x)] (V. Sanz, "Learning
 * symmetries in datasets", arXiv:2504.05174; design, "Method, precisely"). A latent the decoder ignores collapses to
 * the prior, μ_i ≈ 0, so R_i ≈ 0. Beside it, from the same pass: the mean KL ⟨½ (μ² + σ² − log σ² − 1)⟩ and
 * 1 − ⟨σ_i²⟩ with σ² = exp(log σ²). Population variance (divide by n); sums in f64 in wasm
 * (assembly/stats/relevance.ts). Returned in latent order; the analysis sorts by decreasing relevance.
 * Runs in O(rows · latents).
 *
 * @param means encoder means μ, row-major rows × latents
 * @param logVariances encoder log-variances log σ², same shape
 * @param rows two or more events
 * @param latents one or more latents
 * @throws {SymscopeError} invalid_data when there are fewer than two rows, a length is not rows × latents, or a value
 *   is not finite
 * @example
 * relevance(wasm, Float32Array.of(1, 0, -1, 0), Float32Array.of(0, 0, 0, 0), 2, 2)
 * // [{ index: 0, relevance: 1, kl: 0.5, oneMinusSigma2: 0 }, { index: 1, relevance: 0, kl: 0, oneMinusSigma2: 0 }]
 */
export function relevance(
  wasm: SymscopeWasm,
  means: Float32Array,
  logVariances: Float32Array,
  rows: number,
  latents: number,
): LatentStatistics[] {
  checkMatrix('relevance', means, rows, latents)
  checkMatrix('relevance', logVariances, rows, latents)
  const out = withScratch(wasm, (scratch) => {
    const meansPtr = scratch.putF32(means)
    const logVariancesPtr = scratch.putF32(logVariances)
    const outPtr = scratch.allocF64(3 * latents)
    const scratchPtr = scratch.allocF64(latents)
    wasm.exports.latentStatistics(meansPtr, logVariancesPtr, rows, latents, outPtr, scratchPtr)
    return wasm.copyF64(outPtr, 3 * latents)
  })
  return Array.from({ length: latents }, (_, index) => {
    const statistics = {
      index,
      relevance: out[index],
      kl: out[latents + index],
      oneMinusSigma2: out[2 * latents + index],
    }
    // exp(log σ²) overflows past log σ² ≈ 709: finite input, but no finite statistic.
    if (!Number.isFinite(statistics.kl)) {
      throw new SymscopeError('invalid_data', `relevance requires log-variances below 709 (latent ${index} overflows)`)
    }
    return statistics
  })
}
