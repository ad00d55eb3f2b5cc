// Statistics over wasm kernels (assembly/stats/) and small closed forms: one function per file, named for it.

// Moments of a row-major Float32 matrix (population convention: divide by n)
export { columnMeans } from './columnMeans.js'
export { columnVariances } from './columnVariances.js'
export { covariance } from './covariance.js'
export { standardise } from './standardise.js'
export type { StandardiseOptions, StandardisedMatrix } from './standardise.js'

// Relevance of VAE latents (Sanz, arXiv:2504.05174)
export { relevance } from './relevance.js'
export type { LatentStatistics } from './relevance.js'
export { relevanceBootstrap, MAX_BOOTSTRAP_RESAMPLES } from './relevanceBootstrap.js'
export type { RelevanceBootstrapOptions, RelevanceInterval } from './relevanceBootstrap.js'

// Association between columns
export { pearson } from './pearson.js'
export { distanceCorrelation, distanceDependence, distanceDependenceOf, distanceMeans, INDEPENDENCE_LEVEL } from './distanceCorrelation.js'
export type { DistanceCorrelationOptions, DistanceDependence, DistanceMeans } from './distanceCorrelation.js'
export { neighbourDetermination } from './neighbourDetermination.js'

// Histograms and goodness of fit
export { histogram } from './histogram.js'
export type { Histogram, HistogramOptions } from './histogram.js'
export { chiSquareTest } from './chiSquareTest.js'
export type { ChiSquareOptions, ChiSquareResult } from './chiSquareTest.js'
export { chiSquareAgainstDensity } from './chiSquareAgainstDensity.js'
export type { DensityTestOptions, DensityTestResult } from './chiSquareAgainstDensity.js'
export { ksUniform } from './ksUniform.js'
export type { KsResult } from './ksUniform.js'
export { ksTwoSample } from './ksTwoSample.js'

// Special functions behind the p-values
export { chiSquareSurvival } from './chiSquareSurvival.js'
export { regularizedGamma } from './regularizedGamma.js'
export type { RegularizedGamma } from './regularizedGamma.js'
export { gammaQuantile } from './gammaQuantile.js'
export { kolmogorovSurvival } from './kolmogorovSurvival.js'
export { logGamma } from './logGamma.js'

// A binomial share's interval (calibration rates in bench/)
export { wilsonInterval } from './wilsonInterval.js'
