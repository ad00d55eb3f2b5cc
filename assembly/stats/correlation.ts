// Correlations between columns: Pearson's linear correlation and the distance correlation of Székely, Rizzo and
// Bakirov, "Measuring and testing dependence by correlation of distances", Ann. Statist. 35 (2007) 2769,
// doi:10.1214/009053607000000505, which is zero only for independent variables (a latent that determines cos θ
// through a non-monotonic map has Pearson ≈ 0 but a clearly positive distance correlation).
// Inputs are f64, row-major: x is n × p, y is n × q (p = q = 1 for two columns).

/**
 * Pearson correlation r = Σ (x − x̄)(y − ȳ) / √(Σ (x − x̄)² Σ (y − ȳ)²), two passes, f64 sums.
 * Returns 0 when either column is constant (r is undefined there; 0 = no measurable linear association).
 * Preconditions (checked by core): n ≥ 2, `x` and `y` hold n f64.
 */
export function pearsonCorrelation(x: usize, y: usize, n: i32): f64 {
  let sumX: f64 = 0
  let sumY: f64 = 0
  for (let i = 0; i < n; i++) {
    const offset = <usize>i << 3
    sumX += load<f64>(x + offset)
    sumY += load<f64>(y + offset)
  }
  const meanX = sumX / <f64>n
  const meanY = sumY / <f64>n
  let sxy: f64 = 0
  let sxx: f64 = 0
  let syy: f64 = 0
  for (let i = 0; i < n; i++) {
    const offset = <usize>i << 3
    const dx = load<f64>(x + offset) - meanX
    const dy = load<f64>(y + offset) - meanY
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  const denominator = Math.sqrt(sxx * syy)
  if (!(denominator > 0)) return 0
  return Math.max(-1.0, Math.min(1.0, sxy / denominator))
}

/** Euclidean distance between rows i and j of an n × p row-major f64 matrix (|x_i − x_j| when p = 1). */
// @ts-ignore: decorator
@inline function rowDistance(data: usize, columns: i32, i: i32, j: i32): f64 {
  const a = data + (<usize>(i * columns) << 3)
  const b = data + (<usize>(j * columns) << 3)
  if (columns == 1) return Math.abs(load<f64>(a) - load<f64>(b))
  let sum: f64 = 0
  for (let c = 0; c < columns; c++) {
    const d = load<f64>(a + (<usize>c << 3)) - load<f64>(b + (<usize>c << 3))
    sum += d * d
  }
  return Math.sqrt(sum)
}

/**
 * Pass 1 for row i: Σ_{j>i} a_ij and Σ_{j>i} b_ij added to row i's sums, and a_ij, b_ij to row j's (each pair once).
 * A function per row (not inlined) so that the engine's optimising tier, which swaps code between calls, not inside
 * one, takes over after the first rows of a single long call.
 */
function distanceRowSums(x: usize, p: i32, y: usize, q: i32, n: i32, i: i32, rowA: usize, rowB: usize): void {
  let sumA: f64 = 0
  let sumB: f64 = 0
  let j = i + 1
  if (p == 1 && q == 1) {
    // Two columns of one value each: two pairs per step in f64x2.
    const xi = f64x2.splat(load<f64>(x + (<usize>i << 3)))
    const yi = f64x2.splat(load<f64>(y + (<usize>i << 3)))
    let accA = f64x2.splat(0)
    let accB = f64x2.splat(0)
    for (; j + 1 < n; j += 2) {
      const offset = <usize>j << 3
      const a = f64x2.abs(f64x2.sub(xi, v128.load(x + offset)))
      const b = f64x2.abs(f64x2.sub(yi, v128.load(y + offset)))
      accA = f64x2.add(accA, a)
      accB = f64x2.add(accB, b)
      v128.store(rowA + offset, f64x2.add(v128.load(rowA + offset), a))
      v128.store(rowB + offset, f64x2.add(v128.load(rowB + offset), b))
    }
    sumA = f64x2.extract_lane(accA, 0) + f64x2.extract_lane(accA, 1)
    sumB = f64x2.extract_lane(accB, 0) + f64x2.extract_lane(accB, 1)
  }
  for (; j < n; j++) {
    const a = rowDistance(x, p, i, j)
    const b = rowDistance(y, q, i, j)
    sumA += a
    sumB += b
    const offset = <usize>j << 3
    store<f64>(rowA + offset, load<f64>(rowA + offset) + a)
    store<f64>(rowB + offset, load<f64>(rowB + offset) + b)
  }
  const offset = <usize>i << 3
  store<f64>(rowA + offset, load<f64>(rowA + offset) + sumA)
  store<f64>(rowB + offset, load<f64>(rowB + offset) + sumB)
}

/**
 * Pass 2 for row i: adds 2 Σ_{j>i} A_ij B_ij + A_ii B_ii (and likewise A², B²) to sums[0 … 2], given the row means
 * ā_i·, b̄_i· in rowA, rowB and the grand means. Not inlined, for the same reason as `distanceRowSums`.
 */
function centredRowProducts(
  x: usize, p: i32, y: usize, q: i32, n: i32, i: i32, rowA: usize, rowB: usize, grandA: f64, grandB: f64, sums: usize,
): void {
  const centreA = grandA - load<f64>(rowA + (<usize>i << 3)) // ā_·· − ā_i·
  const centreB = grandB - load<f64>(rowB + (<usize>i << 3))
  let ab: f64 = 0
  let aa: f64 = 0
  let bb: f64 = 0
  let j = i + 1
  if (p == 1 && q == 1) {
    const xi = f64x2.splat(load<f64>(x + (<usize>i << 3)))
    const yi = f64x2.splat(load<f64>(y + (<usize>i << 3)))
    const ca = f64x2.splat(centreA)
    const cb = f64x2.splat(centreB)
    let accAB = f64x2.splat(0)
    let accAA = f64x2.splat(0)
    let accBB = f64x2.splat(0)
    for (; j + 1 < n; j += 2) {
      const offset = <usize>j << 3
      const a = f64x2.sub(f64x2.add(f64x2.abs(f64x2.sub(xi, v128.load(x + offset))), ca), v128.load(rowA + offset))
      const b = f64x2.sub(f64x2.add(f64x2.abs(f64x2.sub(yi, v128.load(y + offset))), cb), v128.load(rowB + offset))
      accAB = f64x2.add(accAB, f64x2.mul(a, b))
      accAA = f64x2.add(accAA, f64x2.mul(a, a))
      accBB = f64x2.add(accBB, f64x2.mul(b, b))
    }
    ab = f64x2.extract_lane(accAB, 0) + f64x2.extract_lane(accAB, 1)
    aa = f64x2.extract_lane(accAA, 0) + f64x2.extract_lane(accAA, 1)
    bb = f64x2.extract_lane(accBB, 0) + f64x2.extract_lane(accBB, 1)
  }
  for (; j < n; j++) {
    const offset = <usize>j << 3
    const a = rowDistance(x, p, i, j) + centreA - load<f64>(rowA + offset)
    const b = rowDistance(y, q, i, j) + centreB - load<f64>(rowB + offset)
    ab += a * b
    aa += a * a
    bb += b * b
  }
  // Diagonal: A_ii = 0 − 2 ā_i· + ā_··, which is centreA − ā_i·.
  const diagonalA = centreA - load<f64>(rowA + (<usize>i << 3))
  const diagonalB = centreB - load<f64>(rowB + (<usize>i << 3))
  store<f64>(sums, load<f64>(sums) + 2.0 * ab + diagonalA * diagonalB)
  store<f64>(sums, load<f64>(sums, 8) + 2.0 * aa + diagonalA * diagonalA, 8)
  store<f64>(sums, load<f64>(sums, 16) + 2.0 * bb + diagonalB * diagonalB, 16)
}

/**
 * Distance correlation dCor(x, y) = dCov²(x, y) / √(dVar²(x) dVar²(y)), then the square root, where with
 * a_ij = ‖x_i − x_j‖ and its double centring A_ij = a_ij − ā_i· − ā_·j + ā_·· (likewise B from y),
 * dCov² = (1/n²) Σ_ij A_ij B_ij (the V-statistic of Székely et al. 2007, eq. 2.8–2.10). 0 when either is constant.
 * O(n²(p + q)) time and O(n) memory: pass 1 collects the row means ā_i·, b̄_i· into `scratch` (2n f64), pass 2 sums
 * the double-centred products without storing the n × n matrices.
 * Writes [dCov², dVar²(x), dVar²(y), dCor] to `out` (4 f64) and returns dCor.
 * Preconditions (checked by core): n ≥ 2, p ≥ 1, q ≥ 1, finite values; core caps n (the cost is quadratic).
 */
export function distanceCorrelation(x: usize, p: i32, y: usize, q: i32, n: i32, scratch: usize, out: usize): f64 {
  const rowA = scratch
  const rowB = scratch + (<usize>n << 3)
  memory.fill(scratch, 0, <usize>n << 4)
  for (let i = 0; i < n; i++) distanceRowSums(x, p, y, q, n, i, rowA, rowB)

  const inverse = 1.0 / <f64>n
  let grandA: f64 = 0
  let grandB: f64 = 0
  for (let i = 0; i < n; i++) {
    const offset = <usize>i << 3
    const meanA = load<f64>(rowA + offset) * inverse
    const meanB = load<f64>(rowB + offset) * inverse
    store<f64>(rowA + offset, meanA)
    store<f64>(rowB + offset, meanB)
    grandA += meanA
    grandB += meanB
  }
  grandA *= inverse
  grandB *= inverse

  memory.fill(out, 0, 32)
  for (let i = 0; i < n; i++) centredRowProducts(x, p, y, q, n, i, rowA, rowB, grandA, grandB, out)
  const inverseSquare = inverse * inverse
  const covariance = load<f64>(out) * inverseSquare
  const varianceX = load<f64>(out, 8) * inverseSquare
  const varianceY = load<f64>(out, 16) * inverseSquare
  const denominator = Math.sqrt(varianceX * varianceY)
  const correlation = denominator > 0 ? Math.sqrt(Math.max(0.0, covariance / denominator)) : 0.0
  store<f64>(out, covariance)
  store<f64>(out, varianceX, 8)
  store<f64>(out, varianceY, 16)
  store<f64>(out, correlation, 24)
  return correlation
}
