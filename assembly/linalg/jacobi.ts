// The cyclic Jacobi sweeps of core/linalg/jacobiRotations.ts (its plain-TypeScript twin: the same f64 operations in
// the same order, so the same bits), for the larger symmetric matrices the symmetry search diagonalises per map: the
// pair sums V = Σ h hᵀ of the discrete test, up to 71 × 71 (core/symmetries/discrete/imageTest.ts).

// @ts-ignore: decorator
@inline function at(m: usize, size: i32, r: i32, c: i32): usize {
  return m + (<usize>(r * size + c) << 3)
}

/**
 * Rotates the symmetric size × size matrix `a` (row-major f64) towards diagonal form and accumulates the rotations
 * in `v` (the identity on entry): over the off-diagonal pairs (p, q), the rotation with t = tan φ the smaller root of
 * t² + 2θt − 1 = 0, θ = (a_qq − a_pp)/(2a_pq), until the off-diagonal sum of squares is at most `converged` times the
 * diagonal's (Golub and Van Loan, §8.5.2; Numerical Recipes, §11.1). Returns the sweeps used, −1 past `maxSweeps`.
 */
export function jacobiRotations(a: usize, v: usize, size: i32, maxSweeps: i32, converged: f64): i32 {
  for (let sweep = 0; ; sweep++) {
    let offDiagonal = 0.0
    let diagonal = 0.0
    for (let p = 0; p < size; p++) {
      const app = load<f64>(at(a, size, p, p))
      diagonal += app * app
      for (let q = p + 1; q < size; q++) {
        const apq = load<f64>(at(a, size, p, q))
        offDiagonal += apq * apq
      }
    }
    if (offDiagonal <= converged * diagonal || offDiagonal == 0) return sweep
    if (sweep == maxSweeps) return -1
    for (let p = 0; p < size - 1; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = load<f64>(at(a, size, p, q))
        if (apq == 0) continue
        const app = load<f64>(at(a, size, p, p))
        const aqq = load<f64>(at(a, size, q, q))
        const negligible = 100 * Math.abs(apq)
        if (sweep > 3 && Math.abs(app) + negligible == Math.abs(app) && Math.abs(aqq) + negligible == Math.abs(aqq)) {
          store<f64>(at(a, size, p, q), 0)
          store<f64>(at(a, size, q, p), 0)
          continue
        }
        const theta = (aqq - app) / (2 * apq)
        const t = Math.abs(theta) > 1e150 ? 1 / (2 * theta) : (theta < 0 ? -1.0 : 1.0) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const s = t * c
        store<f64>(at(a, size, p, p), app - t * apq)
        store<f64>(at(a, size, q, q), aqq + t * apq)
        store<f64>(at(a, size, p, q), 0)
        store<f64>(at(a, size, q, p), 0)
        for (let r = 0; r < size; r++) {
          if (r != p && r != q) {
            const arp = load<f64>(at(a, size, r, p))
            const arq = load<f64>(at(a, size, r, q))
            const rotatedP = c * arp - s * arq
            const rotatedQ = s * arp + c * arq
            store<f64>(at(a, size, r, p), rotatedP)
            store<f64>(at(a, size, p, r), rotatedP)
            store<f64>(at(a, size, r, q), rotatedQ)
            store<f64>(at(a, size, q, r), rotatedQ)
          }
          const vrp = load<f64>(at(v, size, r, p))
          const vrq = load<f64>(at(v, size, r, q))
          store<f64>(at(v, size, r, p), c * vrp - s * vrq)
          store<f64>(at(v, size, r, q), s * vrp + c * vrq)
        }
      }
    }
  }
  return -1
}
