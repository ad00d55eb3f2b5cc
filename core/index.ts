// symscope's core: everything the worker, the web client and the CLI share, reached only through these entrances
// (test/architecture/entrances.test.ts fails on any other import of core/ from client/ or worker/; docs/development.md):
//
//   core/index.ts             this file: the library, runtime-neutral (datasets, inputs, statistics, intrinsic
//                             dimension, symmetries, physics, errors, the wasm module's instantiation, the version)
//   core/datasets/index.ts    the generators' registry, parameter schemas and event generation
//   core/io/index.ts          inputs: every file format's reader and writer, CSV included, formats and limits
//   core/analysis/index.ts    data → report: inputs from sources, prepare, train, report; CMS tables; limits
//   core/vae/index.ts         the VAE: settings, training, training state, the fused trainer's threads protocol
//   core/report/index.ts      the report and scan schemas, report.md and scan.md, the symmetry section in words
//   core/scan/index.ts        grids over β, seeds and latent size: plan, limits, summary
//
// and, being tied to one runtime, the loaders themselves: core/wasm/{node,browser,workerd}.ts (`loadWasm`),
// core/wasm/{nodeThreads,browserThreads}.ts (training threads), core/wasm/*.wasm (asset URLs for Vite), and
// core/tf/{node,workerd,backends}.ts (TensorFlow.js, loaded only for a tfjs trainer).
export * from './datasets/index.js'
export * from './io/index.js'
export * from './physics/index.js'
export * from './stats/index.js'
export * from './linalg/index.js'
export { bendelMickey, gaussianCorrelation } from './datasets/gaussian.js'
export type { GaussianCorrelation, GaussianParameters } from './datasets/gaussian.js'
export * from './id/index.js'
export * from './symmetries/index.js'
export { SymscopeError, isSymscopeError } from './errors.js'
export type { ErrorCode } from './errors.js'
export { instantiateSymscope } from './wasm/module.js'
export type { SymscopeWasm } from './wasm/module.js'
export type { SymscopeExports } from './wasm/exports.js'
export { VERSION } from './version.js'
export { PAPER_SUITE } from './reproduce/suite.js'
export type { Experiment } from './reproduce/suite.js'
export { compareWithExpectation } from './reproduce/compare.js'
export type { Comparison } from './reproduce/compare.js'
