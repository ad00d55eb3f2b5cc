import type { SymscopeWasm } from '../wasm/module.js'

/** Allocations in wasm memory that `withScratch` frees when its callback returns or throws. */
export interface Scratch {
  /** Copies values in (as f64 or f32) and returns the pointer. */
  putF64(values: ArrayLike<number>): number
  putF32(values: ArrayLike<number>): number
  putI32(values: ArrayLike<number>): number
  /** Allocates `count` elements (8 or 4 bytes each), or raw `bytes`. */
  allocF64(count: number): number
  allocF32(count: number): number
  allocBytes(bytes: number): number
}

/**
 * Runs `body` with a scratch allocator over wasm memory and frees everything it allocated afterwards (try/finally),
 * so a throwing kernel wrapper cannot leak. Views on wasm memory are only safe after the last allocation (growth
 * detaches the old buffer): allocate first, then view.
 *
 * @example
 * const means = withScratch(wasm, (s) => {
 *   const data = s.putF32(matrix), out = s.allocF64(cols)
 *   wasm.exports.columnMeans(data, rows, cols, out)
 *   return wasm.copyF64(out, cols)
 * })
 */
export function withScratch<T>(wasm: SymscopeWasm, body: (scratch: Scratch) => T): T {
  const pointers: number[] = []
  const keep = (pointer: number) => (pointers.push(pointer), pointer)
  const scratch: Scratch = {
    putF64: (values) => keep(wasm.putF64(values)),
    putF32: (values) => keep(wasm.putF32(values)),
    putI32(values) {
      const pointer = keep(wasm.exports.alloc(Math.max(values.length, 1) * 4))
      new Int32Array(wasm.exports.memory.buffer, pointer, values.length).set(values)
      return pointer
    },
    allocF64: (count) => keep(wasm.allocF64(count)),
    allocF32: (count) => keep(wasm.allocF32(count)),
    allocBytes: (bytes) => keep(wasm.exports.alloc(Math.max(bytes, 16))),
  }
  try {
    return body(scratch)
  } finally {
    for (const pointer of pointers) wasm.free(pointer)
  }
}
