import { isSymscopeError } from '../errors.js'
import type { Pause } from '../stats/pause.js'
import type { Vae } from '../vae/model.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { symmetryAlignment } from './alignment.js'
import { symmetryBudgetNote } from './budget.js'
import { findSymmetries, findSymmetriesPaced } from './findSymmetries.js'
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

/** The alignment's inputs after training: the VAE, its standardisation and the latent means of the evaluation events. */
export type AlignmentInput = Omit<SymmetrySectionInput, 'features'>

/** The section when the events cannot be searched (over the work budget, or invalid data): nothing found, and why. */
function skippedSection(featureNames: readonly string[], n: number, note: string): Symmetries {
  return {
    version: SYMMETRIES_VERSION,
    events: n,
    features: [...featureNames],
    coordinates: [],
    constraints: [],
    dimension: null,
    manifoldAlgebra: null,
    distributionAlgebra: null,
    discrete: null,
    alignment: [],
    notes: [note],
  }
}

/** Rethrows anything but invalid data: a bug fails the analysis (CLI exit 1, API 500 `internal`). */
function invalidData(error: unknown): Error {
  if (!isSymscopeError(error) || error.code !== 'invalid_data') throw error
  return error
}

/**
 * The report's `symmetries` section from the raw events alone, before any training: `findSymmetries`, or, for data
 * the search cannot take (a SymscopeError 'invalid_data': too few events, a value that is not finite, a singular
 * design), a section with no constraints, no algebras and a note saying why. Anything else is a bug and fails the
 * analysis, so that no report hiding it is stored or served.
 */
export function dataSymmetries(wasm: SymscopeWasm, input: Pick<SymmetrySectionInput, 'featureNames' | 'features' | 'n'>): Symmetries {
  // Its cost grows as D³: estimated from the shape first, and past the budget the section says so instead.
  const overBudget = symmetryBudgetNote(input.n, input.featureNames.length)
  if (overBudget) return skippedSection(input.featureNames, input.n, overBudget)
  try {
    return findSymmetries(wasm, { names: input.featureNames, data: input.features, n: input.n })
  } catch (error) {
    return skippedSection(input.featureNames, input.n, `symmetry search skipped: ${invalidData(error).message}`)
  }
}

/** `dataSymmetries`, its search awaiting `pause` between steps (findSymmetriesPaced): the same section. */
export async function dataSymmetriesPaced(wasm: SymscopeWasm, input: Pick<SymmetrySectionInput, 'featureNames' | 'features' | 'n'>, pause: Pause): Promise<Symmetries> {
  const overBudget = symmetryBudgetNote(input.n, input.featureNames.length)
  if (overBudget) return skippedSection(input.featureNames, input.n, overBudget)
  try {
    return await findSymmetriesPaced(wasm, { names: input.featureNames, data: input.features, n: input.n }, pause)
  } catch (error) {
    return skippedSection(input.featureNames, input.n, `symmetry search skipped: ${invalidData(error).message}`)
  }
}

/**
 * After training: the section with the alignment of the given latents with the manifold algebra's orbits (a new
 * object; `section` is not changed). Invalid data here too gives the skipped section.
 */
export function alignSymmetries(section: Symmetries, input: AlignmentInput): Symmetries {
  const generators = section.manifoldAlgebra?.generators ?? []
  if (!generators.length || !input.latents.length) return section
  try {
    const alignment = symmetryAlignment(input.vae, {
      means: input.means,
      rows: input.rows,
      latents: input.latents,
      columns: input.columns,
      featureMeans: input.featureMeans,
      featureScales: input.featureScales,
      generators,
    })
    return { ...section, alignment }
  } catch (error) {
    return skippedSection(input.featureNames, input.n, `symmetry search skipped: ${invalidData(error).message}`)
  }
}

/** Both steps at once: dataSymmetries, then alignSymmetries. */
export function symmetrySection(wasm: SymscopeWasm, input: SymmetrySectionInput): Symmetries {
  return alignSymmetries(dataSymmetries(wasm, input), input)
}
