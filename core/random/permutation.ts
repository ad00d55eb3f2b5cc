import type { SymscopeWasm } from '../wasm/module.js'

/**
 * A seeded random permutation of 0 … n − 1 (Fisher–Yates in wasm, stream (seed, stream) of the project's RNG):
 * the same arguments give the same order on every runtime.
 */
export function permutation(wasm: SymscopeWasm, seed: number, stream: number, n: number): Int32Array {
  const ptr = wasm.exports.alloc(Math.max(n, 1) * 4)
  try {
    wasm.exports.permutation(BigInt(seed), BigInt(stream), n, ptr)
    return new Int32Array(wasm.exports.memory.buffer, ptr, n).slice()
  } finally {
    wasm.free(ptr)
  }
}
