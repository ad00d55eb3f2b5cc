// Constraints, symmetry algebras and invariances of a dataset (issue 6; method and numbers in docs/symmetries.md).
// The VAE alignment (core/symmetries/alignment.ts) needs TensorFlow.js and is imported from its file, as core/vae is.

// The search and its report section
export { findSymmetries } from './findSymmetries.js'
export type { SymmetryInput, SymmetryOptions } from './findSymmetries.js'
export { symmetriesSchema, constraintSchema, generatorSchema, alignmentSchema } from './schema.js'
export type { Symmetries, ConstraintRecord, GeneratorRecord, AlignmentRecord } from './schema.js'

// The per-event passes (block sums of monomials, polynomial measurements, Monte Carlo copies, row order), swappable for benchmarks
export { wasmKernels } from './kernels/kernels.js'
export type { SymmetryKernels } from './kernels/kernels.js'
export { wasmMoments, blockSizes } from './kernels/blockMoments.js'
export type { MomentAccumulator, MomentAccumulatorFactory, MomentColumns, PolynomialRequest, PolynomialSums } from './kernels/blockMoments.js'
export { wasmOrbitMoments } from './invariance/orbitMoments.js'
export type { OrbitMomentsKernel, OrbitRequest } from './invariance/orbitMoments.js'
export { wasmRowOrder } from './kernels/eventOrder.js'
export type { RowOrderKernel } from './kernels/eventOrder.js'
export { monomialBasis } from './constraints/monomials.js'
export type { MonomialBasis } from './constraints/monomials.js'

// Discrete symmetries (issue 20)
export * from './discrete/index.js'

// Tolerances, all in one place
export * from './tolerances.js'
