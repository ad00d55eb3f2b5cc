// Constraints, symmetry algebras and invariances of a dataset (issue 6; method and numbers in docs/symmetries.md).
// The VAE alignment (core/symmetries/alignment.ts) needs TensorFlow.js and is imported from its file, as core/vae is.

// The search and its report section
export { findSymmetries } from './findSymmetries.js'
export type { SymmetryInput, SymmetryOptions } from './findSymmetries.js'
export { symmetriesSchema, constraintSchema, generatorSchema, alignmentSchema } from './schema.js'
export type { Symmetries, ConstraintRecord, GeneratorRecord, AlignmentRecord } from './schema.js'

// The per-event passes (block sums of monomials, polynomial measurements, Monte Carlo copies, row order), swappable for benchmarks
export { wasmKernels } from './kernels.js'
export type { SymmetryKernels } from './kernels.js'
export { wasmMoments, blockSizes } from './blockMoments.js'
export type { MomentAccumulator, MomentAccumulatorFactory, MomentColumns, PolynomialRequest, PolynomialSums } from './blockMoments.js'
export { wasmOrbitMoments } from './orbitMoments.js'
export type { OrbitMomentsKernel, OrbitRequest } from './orbitMoments.js'
export { wasmRowOrder } from './eventOrder.js'
export type { RowOrderKernel } from './eventOrder.js'
export { monomialBasis } from './monomials.js'

// Discrete symmetries (issue 20)
export * from './discrete/index.js'
export type { MonomialBasis } from './monomials.js'

// Tolerances, all in one place
export * from './tolerances.js'
