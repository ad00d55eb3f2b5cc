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
 * The distances from row i to rows j and j + 1 in the two lanes of an f64x2, for a matrix of one or two columns:
 * |x_i − x_j| for one (`own` = x_i splatted), √((x_i0 − x_j0)² + (x_i1 − x_j1)²) for two (`own` = row i). Each lane
 * is the number `rowDistance` gives, bit for bit (the same squares, summed in the same order, a correctly rounded √).
 */
// @ts-ignore: decorator
@inline function laneDistances(data: usize, columns: i32, own: v128, j: i32): v128 {
  if (columns == 1) return f64x2.abs(f64x2.sub(own, v128.load(data + (<usize>j << 3))))
  const row = data + (<usize>j << 4)
  const d0 = f64x2.sub(own, v128.load(row))
  const d1 = f64x2.sub(own, v128.load(row, 16))
  const s0 = f64x2.mul(d0, d0)
  const s1 = f64x2.mul(d1, d1)
  return f64x2.sqrt(f64x2.add(v128.shuffle<f64>(s0, s1, 0, 2), v128.shuffle<f64>(s0, s1, 1, 3)))
}

/** Row i of a one- or two-column matrix as `laneDistances` reads it: x_i splatted, or the row itself. */
// @ts-ignore: decorator
@inline function ownLanes(data: usize, columns: i32, i: i32): v128 {
  return columns == 1 ? f64x2.splat(load<f64>(data + (<usize>i << 3))) : v128.load(data + (<usize>i << 4))
}

/**
 * Row i's part of the row sums: Σ_{j>i} a_ij added to row i's sum, and a_ij to row j's (each pair once). One or two
 * columns run two pairs per step in f64x2. A function per row (not inlined) so that the engine's optimising tier,
 * which swaps code between calls, not inside one, takes over after the first rows of a single long call.
 */
function distanceRowSum(x: usize, p: i32, n: i32, i: i32, rowA: usize): void {
  let sumA: f64 = 0
  let j = i + 1
  if (p <= 2) {
    const own = ownLanes(x, p, i)
    let accA = f64x2.splat(0)
    for (; j + 1 < n; j += 2) {
      const offset = <usize>j << 3
      const a = laneDistances(x, p, own, j)
      accA = f64x2.add(accA, a)
      v128.store(rowA + offset, f64x2.add(v128.load(rowA + offset), a))
    }
    sumA = f64x2.extract_lane(accA, 0) + f64x2.extract_lane(accA, 1)
  }
  for (; j < n; j++) {
    const a = rowDistance(x, p, i, j)
    sumA += a
    const offset = <usize>j << 3
    store<f64>(rowA + offset, load<f64>(rowA + offset) + a)
  }
  const offset = <usize>i << 3
  store<f64>(rowA + offset, load<f64>(rowA + offset) + sumA)
}

/**
 * The row means ā_i· = (1/n) Σ_j a_ij of the distances a_ij = ‖x_i − x_j‖ between the rows of x (n × p) into
 * `means` (n f64); returns their mean ā_··. O(n² p), each pair once. What distance correlation needs of one sample
 * alone: a caller correlating one sample with several others computes it once (core/stats/distanceCorrelation.ts).
 */
export function distanceRowMeans(x: usize, p: i32, n: i32, means: usize): f64 {
  memory.fill(means, 0, <usize>n << 3)
  for (let i = 0; i < n; i++) distanceRowSum(x, p, n, i, means)
  const inverse = 1.0 / <f64>n
  let grand: f64 = 0
  for (let i = 0; i < n; i++) {
    const offset = <usize>i << 3
    const mean = load<f64>(means + offset) * inverse
    store<f64>(means + offset, mean)
    grand += mean
  }
  return grand * inverse
}

/**
 * Pass 2 for row i: adds 2 Σ_{j>i} A_ij B_ij + A_ii B_ii (and likewise A², B²) to sums[0 … 2], given the row means
 * ā_i·, b̄_i· in rowA, rowB and the grand means. One or two columns on each side run two pairs per step in f64x2. Not
 * inlined, for the same reason as `distanceRowSum`.
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
  if (p <= 2 && q <= 2) {
    const xi = ownLanes(x, p, i)
    const yi = ownLanes(y, q, i)
    const ca = f64x2.splat(centreA)
    const cb = f64x2.splat(centreB)
    let accAB = f64x2.splat(0)
    let accAA = f64x2.splat(0)
    let accBB = f64x2.splat(0)
    for (; j + 1 < n; j += 2) {
      const offset = <usize>j << 3
      const a = f64x2.sub(f64x2.add(laneDistances(x, p, xi, j), ca), v128.load(rowA + offset))
      const b = f64x2.sub(f64x2.add(laneDistances(y, q, yi, j), cb), v128.load(rowB + offset))
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
 * Given the row means ā_i·, b̄_i· (rowA, rowB, n f64 each) and the grand means ā_··, b̄_·· of `distanceRowMeans`,
 * one pass sums the double-centred products without storing the n × n matrices: O(n²(p + q)) time, O(n) memory.
 * Writes [dCov², dVar²(x), dVar²(y), dCor] to `out` (4 f64) and returns dCor.
 * Preconditions (checked by core): n ≥ 2, p ≥ 1, q ≥ 1, finite values, the means of these x and y; core caps n (the
 * cost is quadratic).
 */
export function distanceCovariance(
  x: usize, p: i32, y: usize, q: i32, n: i32, rowA: usize, rowB: usize, grandA: f64, grandB: f64, out: usize,
): f64 {
  memory.fill(out, 0, 32)
  for (let i = 0; i < n; i++) centredRowProducts(x, p, y, q, n, i, rowA, rowB, grandA, grandB, out)
  const inverse = 1.0 / <f64>n
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
