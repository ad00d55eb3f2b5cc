// Intrinsic-dimension estimators: the neighbour search runs once in wasm, each estimator consumes its sorted
// distances. One estimator per file.

// Neighbour search
export { nearestNeighbours } from './neighbours.js'
export type { Neighbours } from './neighbours.js'

// Estimators
export { twoNN } from './twoNN.js'
export type { TwoNNOptions, TwoNNResult } from './twoNN.js'
export { intrinsicDimension } from './intrinsicDimension.js'
export { gride, grideCurve } from './gride.js'
export type { GrideResult } from './gride.js'

// Confidence intervals
export { nearestTwo } from './nearestTwo.js'
export type { NearestTwo } from './nearestTwo.js'
export { twoNNInterval } from './twoNNInterval.js'
export type { TwoNNInterval } from './twoNNInterval.js'
export { grideIntervals } from './grideInterval.js'
export { neighbourhoodCovariance } from './neighbourhoodCovariance.js'
export type { GrideInterval } from './grideInterval.js'
