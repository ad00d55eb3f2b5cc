import { decode, type Vae } from '../vae/model.js'
import type { AlignmentRecord, GeneratorRecord } from './schema.js'
import { ALIGNMENT_POINTS, ALIGNMENT_STEP } from './tolerances.js'

/** What the alignment reads: latent points, the VAE's standardisation, and the generators on all features. */
export interface AlignmentInput {
  /** Encoder means μ of the points, row-major rows × K (e.g. the evaluation events). */
  means: Float32Array
  rows: number
  /** The latents to measure (indices into K), e.g. the relevant ones. */
  latents: readonly number[]
  /** The VAE's input standardisation: kept feature indices, and mean and scale of every feature. */
  columns: readonly number[]
  featureMeans: ArrayLike<number>
  featureScales: ArrayLike<number>
  /** Generators v(x) = matrix · x + offset on all features (the manifold algebra of the symmetries section). */
  generators: readonly Pick<GeneratorRecord, 'matrix' | 'offset'>[]
}

export interface AlignmentOptions {
  /** Points averaged over (the first ones; default ALIGNMENT_POINTS). */
  points?: number
  /** Central-difference step in latent units (default ALIGNMENT_STEP). */
  step?: number
}

/**
 * Alignment of the VAE's latents with the symmetry orbits (Sanz, arXiv:2504.05174: relevant latents follow the free
 * coordinates, i.e. the orbits of the symmetry): at each point μ, the decoder's Jacobian column ∂x̂/∂z_i (central
 * differences, step h, on the standardised output) against the tangent space spanned by the generators at the
 * decoded point, v_j(x̂) = A_j x̂ + b_j (mapped to the same standardised coordinates). The fraction of the squared norm
 * of the column inside that space, summed over points before dividing (so points where the latent barely moves the
 * output weigh little): 1 when the latent moves along the orbits only, ≈ 0 when across them. One decoder call on
 * points × (1 + 2·latents) rows.
 *
 * @example symmetryAlignment(vae, { means, rows, latents: [2, 0], columns, featureMeans, featureScales, generators })
 * // [{ latent: 2, fraction: 0.98, points: 500 }, { latent: 0, fraction: 0.97, points: 500 }]
 */
export function symmetryAlignment(vae: Vae, input: AlignmentInput, options: AlignmentOptions = {}): AlignmentRecord[] {
  const { means, latents, columns, featureMeans, featureScales, generators } = input
  const k = vae.config.latent
  const points = Math.min(input.rows, options.points ?? ALIGNMENT_POINTS)
  const step = options.step ?? ALIGNMENT_STEP
  const width = 1 + 2 * latents.length
  const kept = columns.length
  const features = featureMeans.length
  if (points === 0 || latents.length === 0) return []
  const batch = new Float32Array(points * width * k)
  for (let p = 0; p < points; p++) {
    for (let w = 0; w < width; w++) {
      const row = (p * width + w) * k
      batch.set(means.subarray(p * k, p * k + k), row)
      if (w > 0) batch[row + latents[(w - 1) >> 1]] += (w % 2 ? 1 : -1) * step
    }
  }
  const decoded = decode(vae, batch, points * width)
  const along = new Float64Array(latents.length)
  const total = new Float64Array(latents.length)
  const x = new Float64Array(features)
  for (let p = 0; p < points; p++) {
    const centre = (p * width) * kept
    for (let c = 0; c < features; c++) x[c] = featureMeans[c]
    columns.forEach((c, j) => (x[c] = featureMeans[c] + featureScales[c] * decoded[centre + j]))
    // Tangent vectors at x̂ in the standardised kept coordinates, orthonormalised (modified Gram–Schmidt).
    const basis: Float64Array[] = []
    const vectors = generators.map(({ matrix, offset }) =>
      Float64Array.from(columns, (c) => (matrix[c].reduce((s, a, j) => s + a * x[j], 0) + (offset?.[c] ?? 0)) / featureScales[c]),
    )
    const largest = Math.max(0, ...vectors.map((v) => Math.hypot(...v)))
    for (const v of vectors) {
      for (const q of basis) {
        const dot = v.reduce((s, vi, i) => s + vi * q[i], 0)
        for (let i = 0; i < kept; i++) v[i] -= dot * q[i]
      }
      const norm = Math.hypot(...v)
      if (norm > 1e-9 * largest) basis.push(v.map((vi) => vi / norm))
    }
    latents.forEach((_, l) => {
      const plus = (p * width + 1 + 2 * l) * kept
      const minus = plus + kept
      const column = Float64Array.from({ length: kept }, (_, i) => (decoded[plus + i] - decoded[minus + i]) / (2 * step))
      total[l] += column.reduce((s, v) => s + v * v, 0)
      for (const q of basis) along[l] += column.reduce((s, v, i) => s + v * q[i], 0) ** 2
    })
  }
  return latents.map((latent, l) => ({ latent, fraction: total[l] > 0 ? Math.min(1, along[l] / total[l]) : 0, points }))
}
