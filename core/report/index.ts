// The report: one schema (zod) that the CLI, the worker and the client validate against.
export { reportSchema, latentSchema, correlationSchema, profileSchema, gridMapSchema, epochSchema } from './schema.js'
export type { Report, LatentRecord, CorrelationRecord, DimensionCurvePoint } from './schema.js'
export { reportMarkdown, formatReportNumber, type ReportMarkdownOptions } from './markdown.js'
export { scanSchema, scanPointSchema, scanSeriesSchema, SCAN_SCHEMA_VERSION } from './scanSchema.js'
export type { Scan, ScanPoint, ScanSeries, Spread } from './scanSchema.js'
export { scanMarkdown, type ScanMarkdownOptions } from './scanMarkdown.js'
// The symmetry section in words, as report.md, the CLI and the web views print it
export { constraintText, distributionText, manifoldText, pValueText, scaleText } from './symmetryWording.js'
export { discreteText } from './discreteWording.js'
// The note beside a negative coefficient of determination
export { hasNegativeDetermination, NEGATIVE_DETERMINATION_NOTE } from './determination.js'
