// The dataset registry: every generator with its parameters, truth observables and degrees of freedom.
export { datasets, datasetNames, getDataset } from './registry.js'
export { generateEvents, generateChunks, resolveRequest } from './generate.js'
export type { EventSet, EventChunk, GenerateRequest, ResolvedRequest } from './generate.js'
export { resolveParameters, checkParameter, describeParameter, describeRange, parseParameterText } from './parameters.js'
export { MAX_EVENTS, MAX_SEED, CHUNK_EVENTS } from './limits.js'
export { DIMUON_FEATURES, MUON_MASS_GEV } from './fourMomenta.js'
export type { DatasetSpec, ParameterSpec, ParameterValues, FillRequest } from './types.js'
