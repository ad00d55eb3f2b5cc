import type { SymscopeExports } from './exports.js'

/** The instantiated compute module with helpers to move arrays in and out of its memory. */
export interface SymscopeWasm {
  readonly exports: SymscopeExports
  /** Copies `values` into freshly allocated wasm memory; free it with `free`. */
  putF64(values: ArrayLike<number>): number
  putF32(values: ArrayLike<number>): number
  /** Allocates `count` elements (8 or 4 bytes each). */
  allocF64(count: number): number
  allocF32(count: number): number
  /** A view of `count` elements at `ptr`: valid until the next call that may grow memory. */
  viewF64(ptr: number, count: number): Float64Array
  viewF32(ptr: number, count: number): Float32Array
  /** A copy of `count` elements at `ptr`, safe to keep. */
  copyF64(ptr: number, count: number): Float64Array
  copyF32(ptr: number, count: number): Float32Array
  free(ptr: number): void
}

const imports = {
  env: {
    // AssemblyScript calls abort only on a failed assertion; the release build compiles with --noAssert, so
    // reaching this is a bug in symscope, never bad user input (core validates input before every call).
    abort(_message: number, _file: number, line: number, column: number): never {
      throw new Error(`symscope wasm: internal error at ${line}:${column}`)
    },
  },
}

/**
 * Instantiates the compute module from a compiled module (workerd, where compiling bytes is forbidden) or from its
 * bytes (Node, browser); `memory` is the shared memory the threaded build (symscope-threads.wasm) imports. The per-runtime loaders `node.ts`, `browser.ts` and `workerd.ts` only find the source.
 */
export async function instantiateSymscope(source: WebAssembly.Module | BufferSource, memory?: WebAssembly.Memory): Promise<SymscopeWasm> {
  const compiled = source instanceof WebAssembly.Module ? source : await WebAssembly.compile(source)
  const instance = await WebAssembly.instantiate(compiled, memory ? { env: { ...imports.env, memory } } : imports)
  return wrap(instance.exports as unknown as SymscopeExports)
}

function wrap(exports: SymscopeExports): SymscopeWasm {
  const memory = exports.memory
  const allocF64 = (count: number) => exports.alloc(Math.max(count, 1) * 8)
  const allocF32 = (count: number) => exports.alloc(Math.max(count, 1) * 4)
  const viewF64 = (ptr: number, count: number) => new Float64Array(memory.buffer, ptr, count)
  const viewF32 = (ptr: number, count: number) => new Float32Array(memory.buffer, ptr, count)
  return {
    exports,
    allocF64,
    allocF32,
    viewF64,
    viewF32,
    putF64(values) {
      const ptr = allocF64(values.length)
      viewF64(ptr, values.length).set(values)
      return ptr
    },
    putF32(values) {
      const ptr = allocF32(values.length)
      viewF32(ptr, values.length).set(values)
      return ptr
    },
    copyF64: (ptr, count) => viewF64(ptr, count).slice(),
    copyF32: (ptr, count) => viewF32(ptr, count).slice(),
    free: (ptr) => exports.free(ptr),
  }
}
