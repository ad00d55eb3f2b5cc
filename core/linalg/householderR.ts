/**
 * The triangular factor R of A = QR by Householder reflections (Golub and Van Loan, Matrix Computations, §5.2), for a
 * tall `rows` × `cols` matrix stored column by column (entry (i, j) at j · rows + i); Q is not formed. The singular
 * values of R are A's, computed with a backward error of ~ε‖A‖ rather than the ε‖A‖²-level error of an eigen-
 * decomposition of AᵀA (the Gram matrix squares the condition number). Overwrites `a`; O(rows · cols²).
 * Returns R row-major as cols arrays of cols entries (zeros below the diagonal).
 */
export function householderR(a: Float64Array, rows: number, cols: number): number[][] {
  const steps = Math.min(rows, cols)
  for (let j = 0; j < steps; j++) {
    const offset = j * rows
    let norm = 0
    for (let i = j; i < rows; i++) norm = Math.hypot(norm, a[offset + i])
    if (norm === 0) continue
    // v = x + sign(x₀)‖x‖e₀ (no cancellation), H = I − 2vvᵀ/vᵀv; stored in place of the column below the diagonal.
    const alpha = a[offset + j] >= 0 ? -norm : norm
    const v0 = a[offset + j] - alpha
    let vv = v0 * v0
    for (let i = j + 1; i < rows; i++) vv += a[offset + i] ** 2
    a[offset + j] = v0
    for (let k = j + 1; k < cols; k++) {
      const other = k * rows
      let dot = 0
      for (let i = j; i < rows; i++) dot += a[offset + i] * a[other + i]
      const factor = (2 * dot) / vv
      for (let i = j; i < rows; i++) a[other + i] -= factor * a[offset + i]
    }
    a[offset + j] = alpha
  }
  return Array.from({ length: cols }, (_, r) => Array.from({ length: cols }, (_, c) => (c >= r && r < rows ? a[c * rows + r] : 0)))
}
