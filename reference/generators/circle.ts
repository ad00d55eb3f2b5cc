// Benchmark reference only: the circle of assembly/generators/circle.ts in plain TypeScript, for the
// wasm-versus-JavaScript comparison: same RNG (reference/generators/rng.ts), same draws, same points.

import { normal, seedStream, streamKey, uniform } from './rng.js'

/**
 * Fills `n` points of streams (seed, first … first + n − 1): features n × 2 (x1, x2), truth n × 1 (θ), from index 0.
 * r = radius · (1 + noise · N(0, 1)), θ uniform on [−π, π).
 */
export function generateCircle(
  seed: number,
  first: number,
  n: number,
  radius: number,
  noise: number,
  features: Float64Array,
  truth: Float64Array,
): void {
  const [keyHi, keyLo] = streamKey(seed)
  for (let i = 0; i < n; i++) {
    seedStream(keyHi, keyLo, first + i)
    const theta = Math.PI * (2 * uniform() - 1)
    const r = noise > 0 ? radius * (1 + noise * normal()) : radius
    features[2 * i] = r * Math.cos(theta)
    features[2 * i + 1] = r * Math.sin(theta)
    truth[i] = theta
  }
}
