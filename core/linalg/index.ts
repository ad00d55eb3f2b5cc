// Small dense linear algebra in plain TypeScript, for matrices of a few features (not a hot loop).
export { symmetricEigen } from './symmetricEigen.js'
export type { SymmetricEigen } from './symmetricEigen.js'
export { leastSquares } from './leastSquares.js'
export { householderR } from './householderR.js'
