// A tiny seeded PRNG for tests and benchmarks: mulberry32 (T. Ettinger, public domain), 32-bit state, period 2^32.
// Simple enough to port exactly (the Python port that produced the TwoNN reference value is in twoNN.test.ts).

/** Uniform numbers on [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Standard normal numbers (Box–Muller, both variates used). */
export function normalSampler(uniform: () => number): () => number {
  let spare: number | undefined
  return () => {
    if (spare !== undefined) {
      const value = spare
      spare = undefined
      return value
    }
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()))
    const angle = 2 * Math.PI * uniform()
    spare = radius * Math.sin(angle)
    return radius * Math.cos(angle)
  }
}

/** rows × cols uniform values on [low, high), row-major Float32. */
export function uniformMatrix(seed: number, rows: number, cols: number, low = 0, high = 1): Float32Array {
  const random = mulberry32(seed)
  return Float32Array.from({ length: rows * cols }, () => low + (high - low) * random())
}

/** rows × cols standard normal values, row-major Float32. */
export function normalMatrix(seed: number, rows: number, cols: number): Float32Array {
  const normal = normalSampler(mulberry32(seed))
  return Float32Array.from({ length: rows * cols }, normal)
}
