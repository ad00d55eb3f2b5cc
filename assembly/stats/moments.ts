// Column moments of a row-major Float32 matrix (rows × cols): means, population variances, covariance, and
// standardisation. Sums are accumulated in f64; variances use two passes (mean first, then squared deviations),
// which avoids the cancellation of the one-pass E[x²] − E[x]² formula.
// Population convention throughout: divide by n, not n − 1 (the relevance R_i = Var_x[μ_i] of the design is the
// variance of the posterior means over the evaluation data itself, not an estimate for a wider population).

/** f32 elements are 4 bytes. */
// @ts-ignore: decorator
@inline function f32At(base: usize, index: i32): f32 {
  return load<f32>(base + (<usize>index << 2))
}

/**
 * Column means: mean_j = (1/n) Σ_i x_ij, into `means` (cols f64).
 * Preconditions (checked by core): rows ≥ 1, cols ≥ 1, `data` holds rows × cols f32.
 */
export function columnMeans(data: usize, rows: i32, cols: i32, means: usize): void {
  memory.fill(means, 0, <usize>cols << 3)
  const end4 = cols & ~3
  for (let i = 0; i < rows; i++) {
    const row = data + (<usize>(i * cols) << 2)
    // Four columns at a time: promote f32x4 to two f64x2 and add to the running sums.
    for (let j = 0; j < end4; j += 4) {
      const x = v128.load(row + (<usize>j << 2))
      const target = means + (<usize>j << 3)
      v128.store(target, f64x2.add(v128.load(target), f64x2.promote_low_f32x4(x)))
      const high = v128.shuffle<f32>(x, x, 2, 3, 0, 1)
      v128.store(target, f64x2.add(v128.load(target, 16), f64x2.promote_low_f32x4(high)), 16)
    }
    for (let j = end4; j < cols; j++) {
      const target = means + (<usize>j << 3)
      store<f64>(target, load<f64>(target) + <f64>f32At(row, j))
    }
  }
  const inverse = 1.0 / <f64>rows
  for (let j = 0; j < cols; j++) {
    const target = means + (<usize>j << 3)
    store<f64>(target, load<f64>(target) * inverse)
  }
}

/**
 * Population variances: var_j = (1/n) Σ_i (x_ij − mean_j)², into `variances` (cols f64), given the column means.
 * Preconditions (checked by core): rows ≥ 1, cols ≥ 1, `means` from `columnMeans` on the same data.
 */
export function columnVariances(data: usize, rows: i32, cols: i32, means: usize, variances: usize): void {
  memory.fill(variances, 0, <usize>cols << 3)
  const end2 = cols & ~1
  for (let i = 0; i < rows; i++) {
    const row = data + (<usize>(i * cols) << 2)
    for (let j = 0; j < end2; j += 2) {
      // Two columns at a time in f64x2: load two f32 as one i64 lane, promote, subtract the means.
      const x = f64x2.promote_low_f32x4(v128.load64_zero(row + (<usize>j << 2)))
      const d = f64x2.sub(x, v128.load(means + (<usize>j << 3)))
      const target = variances + (<usize>j << 3)
      v128.store(target, f64x2.add(v128.load(target), f64x2.mul(d, d)))
    }
    if (end2 < cols) {
      const d = <f64>f32At(row, end2) - load<f64>(means + (<usize>end2 << 3))
      const target = variances + (<usize>end2 << 3)
      store<f64>(target, load<f64>(target) + d * d)
    }
  }
  const inverse = 1.0 / <f64>rows
  for (let j = 0; j < cols; j++) {
    const target = variances + (<usize>j << 3)
    store<f64>(target, load<f64>(target) * inverse)
  }
}

/**
 * Population covariance matrix: C_jk = (1/n) Σ_i (x_ij − mean_j)(x_ik − mean_k), into `out` (cols × cols f64,
 * row-major, symmetric). `scratch` holds cols f64 (the centred row). Cost O(rows · cols²).
 * Preconditions (checked by core): rows ≥ 1, cols ≥ 1, `means` from `columnMeans` on the same data.
 */
export function covarianceMatrix(data: usize, rows: i32, cols: i32, means: usize, out: usize, scratch: usize): void {
  memory.fill(out, 0, <usize>(cols * cols) << 3)
  for (let i = 0; i < rows; i++) {
    const row = data + (<usize>(i * cols) << 2)
    for (let j = 0; j < cols; j++) {
      store<f64>(scratch + (<usize>j << 3), <f64>f32At(row, j) - load<f64>(means + (<usize>j << 3)))
    }
    // Upper triangle only (k ≥ j); mirrored below after the loop.
    for (let j = 0; j < cols; j++) {
      const dj = load<f64>(scratch + (<usize>j << 3))
      const target = out + (<usize>(j * cols) << 3)
      for (let k = j; k < cols; k++) {
        const cell = target + (<usize>k << 3)
        store<f64>(cell, load<f64>(cell) + dj * load<f64>(scratch + (<usize>k << 3)))
      }
    }
  }
  const inverse = 1.0 / <f64>rows
  for (let j = 0; j < cols; j++) {
    for (let k = j; k < cols; k++) {
      const value = load<f64>(out + (<usize>(j * cols + k) << 3)) * inverse
      store<f64>(out + (<usize>(j * cols + k) << 3), value)
      store<f64>(out + (<usize>(k * cols + j) << 3), value)
    }
  }
}

/**
 * Standardisation of the chosen columns: out_ic = (x_i,col(c) − mean_col(c)) / scale_col(c) for c < kept, into
 * `out` (rows × kept f32, row-major), where `columns` holds `kept` i32 column indices in increasing order.
 * Preconditions (checked by core): every listed column has scale > 0 (zero-variance columns are left out by core and
 * reported as exact constraints), `means` and `scales` hold cols f64.
 */
export function standardiseColumns(
  data: usize, rows: i32, cols: i32, columns: usize, kept: i32, means: usize, scales: usize, out: usize,
): void {
  for (let i = 0; i < rows; i++) {
    const row = data + (<usize>(i * cols) << 2)
    const target = out + (<usize>(i * kept) << 2)
    for (let c = 0; c < kept; c++) {
      const j = load<i32>(columns + (<usize>c << 2))
      const value = (<f64>f32At(row, j) - load<f64>(means + (<usize>j << 3))) / load<f64>(scales + (<usize>j << 3))
      store<f32>(target + (<usize>c << 2), <f32>value)
    }
  }
}
