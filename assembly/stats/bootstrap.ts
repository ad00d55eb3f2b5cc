// Bootstrap of the relevance R_i = Var_x[μ_i] over the evaluation events (B. Efron, "Bootstrap methods: another look
// at the jackknife", Ann. Statist. 7 (1979) 1): resample b draws `rows` events with replacement from stream
// (seed, b) of the project's RNG and takes the population variance of each μ column over the drawn events.
// Sums are of μ − ⟨μ⟩ (the full sample's column mean), in f64, so that the one-pass variance loses no digits.

import { seedStream, uniform } from '../rng'
import { columnMeans } from './moments'

/** Rows drawn ahead of their sums: enough misses in flight to hide most of the memory latency, few enough for L1. */
const AHEAD: i32 = 64

/** Bytes of scratch `bootstrapVariances` needs: the column means, two running sums per latent and AHEAD row addresses. */
export function bootstrapScratchBytes(latents: i32): i32 {
  return 24 * latents + 4 * AHEAD + 8
}

/**
 * Writes the relevance of every latent in every resample into `out` (resamples × latents f64, row-major: resample
 * b's R_0 … R_{K−1}). Event j of resample b is ⌊U · rows⌋ with U the j-th uniform of stream (seed, b), so resample b
 * depends only on (seed, b). Cost O(resamples · rows · latents).
 * Preconditions (checked by core): rows ≥ 2, latents ≥ 1, resamples ≥ 1, `means` rows × latents f32 and finite.
 */
export function bootstrapVariances(means: usize, rows: i32, latents: i32, resamples: i32, seed: u64, out: usize, scratch: usize): void {
  const centre = scratch
  const sums = scratch + (<usize>latents << 3)
  const squares = sums + (<usize>latents << 3)
  const ahead = squares + (<usize>latents << 3)
  columnMeans(means, rows, latents, centre)
  const inverse = 1.0 / <f64>rows
  // Rows are drawn AHEAD at a time and each is touched by one load before any is summed: the touches do not wait on
  // one another, so their cache misses overlap (on 200,000 × 8 means, larger than the caches, each row is otherwise a
  // miss waited for in turn, ~4× the time). The draws and the sums keep their order, so the result is the same bits.
  let touched: u32 = 0
  for (let b = 0; b < resamples; b++) {
    memory.fill(sums, 0, <usize>(2 * latents) << 3)
    seedStream(seed, <u64>b)
    for (let first = 0; first < rows; first += AHEAD) {
      const count = min(AHEAD, rows - first)
      for (let i = 0; i < count; i++) {
        const row = means + (<usize>(<i32>(uniform() * <f64>rows) * latents) << 2)
        store<u32>(ahead + (<usize>i << 2), <u32>row)
        touched ^= load<u32>(row)
      }
      for (let i = 0; i < count; i++) {
        const row = <usize>load<u32>(ahead + (<usize>i << 2))
        for (let j = 0; j < latents; j++) {
          const offset = <usize>j << 3
          const deviation = <f64>load<f32>(row + (<usize>j << 2)) - load<f64>(centre + offset)
          store<f64>(sums + offset, load<f64>(sums + offset) + deviation)
          store<f64>(squares + offset, load<f64>(squares + offset) + deviation * deviation)
        }
      }
    }
    const target = out + (<usize>(b * latents) << 3)
    for (let j = 0; j < latents; j++) {
      const offset = <usize>j << 3
      const mean = load<f64>(sums + offset) * inverse
      store<f64>(target + offset, Math.max(0.0, load<f64>(squares + offset) * inverse - mean * mean))
    }
  }
  store<u32>(ahead + (<usize>AHEAD << 2), touched) // kept, so that the touches are not optimised away
}
