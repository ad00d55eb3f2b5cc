import { isSymscopeError } from '../errors.js'
import type { Vae } from '../vae/model.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { symmetryAlignment } from './alignment.js'
import { findSymmetries } from './findSymmetries.js'
import { SYMMETRIES_VERSION, type Symmetries } from './schema.js'

/** What the analysis hands over after training: the raw events, the VAE, its standardisation and latent means. */
export interface SymmetrySectionInput {
  featureNames: readonly string[]
  /** Raw features (physical units), row-major n × D. */
  features: ArrayLike<number>
  n: number
  vae: Vae
  /** Encoder means on the evaluation events (rows × K) and the latents to align (the relevant ones). */
  means: Float32Array
  rows: number
  latents: readonly number[]
  columns: readonly number[]
  featureMeans: ArrayLike<number>
  featureScales: ArrayLike<number>
}

/**
 * The report's `symmetries` section: `findSymmetries` on the raw events, then the alignment of the given latents
 * with the manifold algebra's orbits. Only invalid data (a SymscopeError 'invalid_data': too few events, a value
 * that is not finite, a singular design) becomes a section with no constraints, no algebras and a note saying why.
 * Anything else is a bug and fails the analysis (CLI exit 1, API 500 `internal`), so that no report hiding it is
 * stored or served.
 */
export function symmetrySection(wasm: SymscopeWasm, input: SymmetrySectionInput): Symmetries {
  try {
    const section = findSymmetries(wasm, { names: input.featureNames, data: input.features, n: input.n })
    const generators = section.manifoldAlgebra?.generators ?? []
    if (generators.length && input.latents.length) {
      section.alignment = symmetryAlignment(input.vae, {
        means: input.means,
        rows: input.rows,
        latents: input.latents,
        columns: input.columns,
        featureMeans: input.featureMeans,
        featureScales: input.featureScales,
        generators,
      })
    }
    return section
  } catch (error) {
    if (!isSymscopeError(error) || error.code !== 'invalid_data') throw error
    return {
      version: SYMMETRIES_VERSION,
      events: input.n,
      features: [...input.featureNames],
      coordinates: [],
      constraints: [],
      dimension: null,
      manifoldAlgebra: null,
      distributionAlgebra: null,
      discrete: null,
      alignment: [],
      notes: [`symmetry search skipped: ${error.message}`],
    }
  }
}
