// Discrete symmetries (issue 20): reflections, parity and particle exchange, proposed, tested and measured.
export { testDiscrete, discreteSection } from './discreteSymmetries.js'
export type { DiscreteInput, DiscreteTests } from './discreteSymmetries.js'
export { discreteSchema, discreteTestSchema, asymmetrySchema } from './schema.js'
export type { Discrete, DiscreteTest } from './schema.js'
export { wasmImageKernels } from './imageKernels.js'
export type { ImageKernels } from './imageKernels.js'
