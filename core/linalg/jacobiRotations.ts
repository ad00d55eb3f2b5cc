/**
 * The sweeps of the cyclic Jacobi method on a flat symmetric matrix (symmetricEigen's inner loop, Golub and Van Loan,
 * Matrix Computations, 4th ed., §8.5.2; Rutishauser's form as in Numerical Recipes, §11.1): over the off-diagonal
 * pairs (p, q), the plane rotation that zeroes a_pq, t = tan φ the smaller root of t² + 2θt − 1 = 0 with
 * θ = (a_qq − a_pp)/(2a_pq), until the off-diagonal sum of squares is at most `converged` times the diagonal's.
 * `a` (size², row-major, symmetric) ends diagonal up to that; `v` (size², the identity on entry) accumulates the
 * rotations, its columns the eigenvectors. The plain-TypeScript twin of assembly/linalg/jacobi.ts: the same f64
 * operations in the same order, so both give the same bits.
 *
 * @returns the sweeps used, or −1 when `maxSweeps` passed without convergence
 */
export type JacobiRotations = (a: Float64Array, v: Float64Array, size: number, maxSweeps: number, converged: number) => number

export const jacobiRotations: JacobiRotations = (a, v, size, maxSweeps, converged) => {
  for (let sweep = 0; ; sweep++) {
    let offDiagonal = 0
    let diagonal = 0
    for (let p = 0; p < size; p++) {
      diagonal += a[p * size + p] * a[p * size + p]
      for (let q = p + 1; q < size; q++) offDiagonal += a[p * size + q] * a[p * size + q]
    }
    // Converged when the off-diagonal part no longer moves the diagonal in floating point.
    if (offDiagonal <= converged * diagonal || offDiagonal === 0) return sweep
    if (sweep === maxSweeps) return -1
    for (let p = 0; p < size - 1; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q]
        if (apq === 0) continue
        const app = a[p * size + p]
        const aqq = a[q * size + q]
        // Past the first sweeps, an entry below the rounding of both its diagonal entries is zero (Numerical Recipes).
        const negligible = 100 * Math.abs(apq)
        if (sweep > 3 && Math.abs(app) + negligible === Math.abs(app) && Math.abs(aqq) + negligible === Math.abs(aqq)) {
          a[p * size + q] = 0
          a[q * size + p] = 0
          continue
        }
        const theta = (aqq - app) / (2 * apq)
        // Smaller root of t² + 2θt − 1 = 0 (rotation angle at most π/4); for huge θ, t = 1/(2θ) avoids θ² overflow.
        const t = Math.abs(theta) > 1e150 ? 1 / (2 * theta) : (theta < 0 ? -1 : 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const s = t * c
        a[p * size + p] = app - t * apq
        a[q * size + q] = aqq + t * apq
        a[p * size + q] = 0
        a[q * size + p] = 0
        for (let r = 0; r < size; r++) {
          if (r !== p && r !== q) {
            const arp = a[r * size + p]
            const arq = a[r * size + q]
            const rotatedP = c * arp - s * arq
            const rotatedQ = s * arp + c * arq
            a[r * size + p] = rotatedP
            a[p * size + r] = rotatedP
            a[r * size + q] = rotatedQ
            a[q * size + r] = rotatedQ
          }
          const vrp = v[r * size + p]
          const vrq = v[r * size + q]
          v[r * size + p] = c * vrp - s * vrq
          v[r * size + q] = s * vrp + c * vrq
        }
      }
    }
  }
}
