// The paper's D^2D: points uniform in a disk of radius R ("truly two-dimensional").
// Uniform area density: r = R √U, θ uniform on [−π, π). Two degrees of freedom (r, θ).

import { seedStream, uniform } from '../rng'

const FEATURES = 2
const TRUTH = 2

/** Fills `n` events. features: n × 2 f64 (x1, x2); truth: n × 2 f64 (radius, theta). */
export function generateDisk(seed: u64, first: u64, n: i32, radius: f64, features: usize, truth: usize): void {
  for (let i = 0; i < n; i++) {
    seedStream(seed, first + <u64>i)
    const r = radius * Math.sqrt(uniform())
    const theta = Math.PI * (2.0 * uniform() - 1.0)
    NativeMath.sincos(theta)
    const row = features + (<usize>(i * FEATURES) << 3)
    store<f64>(row, r * NativeMath.sincos_cos)
    store<f64>(row, r * NativeMath.sincos_sin, 8)
    const t = truth + (<usize>(i * TRUTH) << 3)
    store<f64>(t, r)
    store<f64>(t, theta, 8)
  }
}
