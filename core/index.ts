// symscope's core: everything the worker, the web client and the CLI share. Import the runtime loader
// (core/wasm/node.ts, browser.ts or workerd.ts) for `loadWasm`, and everything else from here.
export * from './datasets/index.js'
export * from './csv/index.js'
export * from './physics/index.js'
export * from './stats/index.js'
export * from './id/index.js'
export { SymscopeError, isSymscopeError } from './errors.js'
export type { ErrorCode } from './errors.js'
export { instantiateSymscope } from './wasm/module.js'
export type { SymscopeWasm } from './wasm/module.js'
export type { SymscopeExports } from './wasm/exports.js'
export { VERSION } from './version.js'
