// Constraints, symmetry algebras and invariances of a dataset (issue 6; method and numbers in docs/symmetries.md).
// The VAE alignment (core/symmetries/alignment.ts) needs TensorFlow.js and is imported from its file, as core/vae is.

// The search and its report section
export { findSymmetries } from './findSymmetries.js'
export type { SymmetryInput, SymmetryOptions } from './findSymmetries.js'
export { symmetriesSchema, constraintSchema, generatorSchema, alignmentSchema } from './schema.js'
export type { Symmetries, ConstraintRecord, GeneratorRecord, AlignmentRecord } from './schema.js'

// The hot loop (block sums of monomials), swappable for benchmarks
export { wasmMoments, blockSizes } from './blockMoments.js'
export type { MomentAccumulator, MomentAccumulatorFactory, MomentColumns } from './blockMoments.js'
export { monomialBasis } from './monomials.js'
export type { MonomialBasis } from './monomials.js'

// Tolerances, all in one place
export * from './tolerances.js'
