// Closed forms of the physics the generators sample, for plots and for comparing data with theory.
export { forwardBackwardAsymmetry } from './forwardBackwardAsymmetry.js'
export { dimuonTruth, DIMUON_TRUTH } from './dimuonTruth.js'
