// The linear toy model's data: x ~ N(0, C) in 3 features, C a correlation matrix of known eigenvalues.
// x = L z with z ~ N(0, I) and L = Q diag(√λ) (C = L Lᵀ = Q Λ Qᵀ), so z_k = q_kᵀ x / √λ_k is the k-th principal
// coordinate in units of its standard deviation. Core builds L (core/datasets/gaussian.ts, Bendel–Mickey).

import { seedStream, normal } from '../rng'

const FEATURES = 3
const TRUTH = 3

/**
 * Fills `n` events of streams (seed, first … first + n − 1).
 * l: 9 f64, the factor L row-major (x_r = Σ_c L_rc z_c); columns in order of decreasing eigenvalue.
 * features: n × 3 f64 (x1, x2, x3); truth: n × 3 f64 (z1, z2, z3, the principal coordinates).
 */
export function generateGaussian(seed: u64, first: u64, n: i32, l: usize, features: usize, truth: usize): void {
  const l00 = load<f64>(l), l01 = load<f64>(l, 8), l02 = load<f64>(l, 16)
  const l10 = load<f64>(l, 24), l11 = load<f64>(l, 32), l12 = load<f64>(l, 40)
  const l20 = load<f64>(l, 48), l21 = load<f64>(l, 56), l22 = load<f64>(l, 64)
  for (let i = 0; i < n; i++) {
    seedStream(seed, first + <u64>i)
    const z1 = normal()
    const z2 = normal()
    const z3 = normal()
    const row = features + (<usize>(i * FEATURES) << 3)
    store<f64>(row, l00 * z1 + l01 * z2 + l02 * z3)
    store<f64>(row, l10 * z1 + l11 * z2 + l12 * z3, 8)
    store<f64>(row, l20 * z1 + l21 * z2 + l22 * z3, 16)
    const t = truth + (<usize>(i * TRUTH) << 3)
    store<f64>(t, z1)
    store<f64>(t, z2, 8)
    store<f64>(t, z3, 16)
  }
}
