/**
 * The raw functions of the symscope compute module (assembly/index.ts), as JavaScript sees them.
 * Pointers are byte offsets into `memory`; u64 parameters (seeds, stream indices) are BigInts.
 * Callers go through core's typed wrappers, which check preconditions before the call.
 */
export interface SymscopeExports {
  readonly memory: WebAssembly.Memory
  alloc(bytes: number): number
  free(ptr: number): void

  fillRandom(seed: bigint, first: bigint, n: number, perStream: number, kind: number, out: number): void

  generateCircle(seed: bigint, first: bigint, n: number, radius: number, noise: number, features: number, truth: number): void
  generateDisk(seed: bigint, first: bigint, n: number, radius: number, features: number, truth: number): void
  generateEeMumu(
    seed: bigint, first: bigint, n: number, sqrtS: number, withZ: number, muonMass: number, features: number, truth: number,
  ): void
}
