// The paper's D^1D: points on a circle, (x₁, x₂) = r (cos θ, sin θ), θ uniform on [−π, π).
// One degree of freedom (θ); the O(2) symmetry rotates θ.

import { seedStream, normal, uniform } from '../rng'

const FEATURES = 2
const TRUTH = 1

/**
 * Fills `n` events of streams (seed, first … first + n − 1).
 * features: n × 2 f64 (x1, x2); truth: n × 1 f64 (theta, radians).
 * `noise` is the relative Gaussian spread of the radius: r = radius · (1 + noise · N(0, 1)).
 */
export function generateCircle(seed: u64, first: u64, n: i32, radius: f64, noise: f64, features: usize, truth: usize): void {
  for (let i = 0; i < n; i++) {
    seedStream(seed, first + <u64>i)
    const theta = Math.PI * (2.0 * uniform() - 1.0)
    const r = noise > 0.0 ? radius * (1.0 + noise * normal()) : radius
    NativeMath.sincos(theta)
    const row = features + (<usize>(i * FEATURES) << 3)
    store<f64>(row, r * NativeMath.sincos_cos)
    store<f64>(row, r * NativeMath.sincos_sin, 8)
    store<f64>(truth + (<usize>(i * TRUTH) << 3), theta)
  }
}
