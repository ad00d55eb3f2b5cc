import type { Vae } from './model.js'

/** Encoder outputs for a set of rows: row-major Float32 (rows × K) posterior means μ and log-variances log σ². */
export interface Encoded {
  rows: number
  latent: number
  means: Float32Array
  logVars: Float32Array
}

const ENCODE_BATCH = 4096

/**
 * Runs the encoder over `rowIndices` of a row-major Float32 matrix (rows × cols), in batches so that memory stays
 * bounded, and copies μ and log σ² out.
 */
export function encodeRows(vae: Vae, data: Float32Array, cols: number, rowIndices: Int32Array): Encoded {
  const k = vae.config.latent
  const n = rowIndices.length
  const means = new Float32Array(n * k)
  const logVars = new Float32Array(n * k)
  for (let start = 0; start < n; start += ENCODE_BATCH) {
    const count = Math.min(ENCODE_BATCH, n - start)
    const batch = new Float32Array(count * cols)
    for (let i = 0; i < count; i++) {
      const row = rowIndices[start + i]
      batch.set(data.subarray(row * cols, row * cols + cols), i * cols)
    }
    const out = vae.encode(batch, count)
    means.set(out.means, start * k)
    logVars.set(out.logVars, start * k)
  }
  return { rows: n, latent: k, means, logVars }
}
