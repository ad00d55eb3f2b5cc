// The plots: pure functions from finished report fields to standalone SVG documents, one plot per file.
export { histogramSvg } from './histogram.js'
export type { HistogramData, HistogramOptions } from './histogram.js'
export { relevanceBarsSvg } from './relevanceBars.js'
export type { RelevanceBarsOptions } from './relevanceBars.js'
export { latentMapSvg, latentMapsSvg } from './latentMap.js'
export type { LatentMapOptions, LatentMapsOptions, PlaneMap, PlanePoints } from './latentMap.js'
export { latentProfileSvg } from './latentProfile.js'
export type { LatentProfile, LatentProfileOptions } from './latentProfile.js'
export { lossCurveSvg } from './lossCurve.js'
export type { LossCurveOptions, TrainingHistory } from './lossCurve.js'
export { dimensionCurveSvg } from './dimensionCurve.js'
export type { DimensionCurveOptions, DimensionCurves } from './dimensionCurve.js'
export { reportFigures, figureFileName } from './reportFigures.js'
export type { ReportFigure, ReportFigureExtras } from './reportFigures.js'

// Shared pieces, for plots built elsewhere (the web app, the element).
export { escapeXml, formatNumber, linearScale, logScale, logTicks, niceDomain, niceTicks, tickLabel } from './axis.js'
export { SERIES, divergingColour, seriesColour } from './palette.js'
