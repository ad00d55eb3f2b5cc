// The statistics the convergence rule of core/vae/convergence.ts reads at each check, in one pass over held-out rows
// that never leaves WebAssembly: the mean loss (vaeEvaluate's, from the same loop) and, per latent k, the raw sums
// Σμ_k, Σμ_k², Σμ_k³, Σμ_k⁴ and Σσ_k² of the encoder's posterior, from which the relevance R_k = Var[μ_k], its
// standard error √((m₄ − R_k²)/M) and ⟨σ_k²⟩ follow. Sums in f64, rows in order, so the result is a function of
// the weights alone (the same bits on any thread count).

import { layerAt, Network } from './network'
import { forwardDecoder, forwardEncoder, lastKl, lastReconstruction, lossSums, reparameterise } from './passes'
import { gather } from './train'

/**
 * Adds the posterior sums of `rows` encoded rows to `out` (5 × latent f64: Σμ, Σμ², Σμ³, Σμ⁴, Σ exp(log σ²), each
 * latent-long). `heads` is row-major with row stride `stride` floats, μ in columns 0 … K−1 and log σ² after.
 */
export function latentMomentsAdd(heads: usize, stride: i32, rows: i32, latent: i32, out: usize): void {
  for (let i = 0; i < rows; i++) {
    const h = heads + (<usize>(i * stride) << 2)
    for (let k = 0; k < latent; k++) {
      const mu = <f64>load<f32>(h + (<usize>k << 2))
      const sigma2 = Math.exp(<f64>load<f32>(h + (<usize>(latent + k) << 2)))
      const mu2 = mu * mu
      const o = out + (<usize>k << 3)
      const step = <usize>latent << 3
      store<f64>(o, load<f64>(o) + mu)
      store<f64>(o + step, load<f64>(o + step) + mu2)
      store<f64>(o + 2 * step, load<f64>(o + 2 * step) + mu2 * mu)
      store<f64>(o + 3 * step, load<f64>(o + 3 * step) + mu2 * mu2)
      store<f64>(o + 4 * step, load<f64>(o + 4 * step) + sigma2)
    }
  }
}

// @ts-ignore: decorator
@lazy let evaluatedReconstruction: f64 = 0
// @ts-ignore: decorator
@lazy let evaluatedKl: f64 = 0

/**
 * The mean loss over data rows rows[0 … count − 1] with noise `noise` (count × latent), in chunks of the network's
 * rows, and, when `out` is not 0, the posterior sums into it (5 × latent f64, zeroed here). The mean reconstruction
 * and KL terms are then read with vaeEvaluatedTerm. One loop for the validation loss and the convergence check, so
 * the check's loss over all validation rows is the validation loss, bit for bit.
 */
function evaluateRows(net: Network, data: usize, rows: usize, count: i32, noise: usize, out: usize): f64 {
  const head = layerAt(net, net.layers)
  if (out) memory.fill(out, 0, <usize>(5 * net.latent) << 3)
  let reconstruction: f64 = 0
  let kl: f64 = 0
  for (let first = 0; first < count; first += net.rows) {
    const chunk = min(net.rows, count - first)
    gather(net, data, rows, 0, first, chunk)
    memory.copy(net.noise, noise + (<usize>(first * net.latent) << 2), <usize>(chunk * net.latent) << 2)
    forwardEncoder(net, chunk)
    if (out) latentMomentsAdd(head.output, head.padded, chunk, net.latent, out)
    reparameterise(net, chunk)
    forwardDecoder(net, chunk)
    lossSums(net, chunk, false)
    reconstruction += lastReconstruction
    kl += lastKl
  }
  evaluatedReconstruction = reconstruction / <f64>count
  evaluatedKl = kl / <f64>count
  return evaluatedReconstruction + <f64>net.beta * evaluatedKl
}

/**
 * The mean loss over data rows rows[0 … count − 1] with noise `noise` (count × latent); the mean reconstruction and
 * KL terms are then read with vaeEvaluatedTerm. Returns the mean total loss.
 */
export function vaeEvaluate(handle: usize, data: usize, rows: usize, count: i32, noise: usize): f64 {
  return evaluateRows(changetype<Network>(handle), data, rows, count, noise, 0)
}

/**
 * One convergence check over data rows rows[0 … count − 1] with noise `noise` (count × latent): the mean loss
 * (returned; its terms then read with vaeEvaluatedTerm, as after vaeEvaluate) and the posterior sums into `out`
 * (5 × latent f64, zeroed here).
 */
export function vaeCheck(handle: usize, data: usize, rows: usize, count: i32, noise: usize, out: usize): f64 {
  return evaluateRows(changetype<Network>(handle), data, rows, count, noise, out)
}

/** The last vaeEvaluate's or vaeCheck's mean reconstruction term (which 0) or mean KL term (which 1). */
export function vaeEvaluatedTerm(which: i32): f64 {
  return which == 0 ? evaluatedReconstruction : evaluatedKl
}
