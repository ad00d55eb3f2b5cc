// The variance of a sum of per-point scores whose neighbourhoods overlap, for the Gride interval
// (core/id/grideInterval.ts): a spatial HAC (heteroskedasticity and autocorrelation consistent) estimator with a
// Bartlett kernel in distance (T. G. Conley, J. Econometrics 92 (1999) 1),
//   V = Σ_i ψ_i² + 2 Σ_{i<j} w_ij ψ_i ψ_j,   w_ij = max(0, 1 − ‖x_i − x_j‖ / (ρ_i + ρ_j)),
// where ρ_i is the radius of point i's neighbourhood: the weight is 1 for coincident points and falls to 0 where the
// two balls stop overlapping (for equal balls on a line, exactly the fraction they share). Several neighbour orders
// at once, so that the whole Gride curve costs one pass over the pairs: O(rows² · cols) for the distances. The radii
// grow with the order (r_2k with k), so the orders at which a pair overlaps are the last ones: the loop runs down from
// the largest and stops at the first that misses. Distances in f64 from the f32 coordinates.

/**
 * For each order c < orders adds to out[c] (f64) the terms of V_c of the points i in [from, to): ψ_i² and 2 w_ij ψ_i ψ_j
 * for every j > i, from scores ψ (rows × orders f64, row-major: scores[i·orders + c]) and radii ρ (rows × orders f64,
 * same layout, ρ ≥ 0 and nondecreasing in c along each row). A point with ψ = 0 (no ratio) adds nothing. The caller
 * zeroes `out` once and may split the rows into consecutive blocks to pause between them (core/id/
 * neighbourhoodCovariance.ts): the terms are added in the same order, so the sums are the same to the bit.
 * `scratch` holds 8 · rows bytes (each point's largest radius). Preconditions (checked by core): rows ≥ 1, cols ≥ 1,
 * orders ≥ 1, 0 ≤ from ≤ to ≤ rows, all values finite, radii nondecreasing along each row.
 */
export function neighbourhoodCovariance(
  data: usize, rows: i32, cols: i32, radii: usize, scores: usize, orders: i32, from: i32, to: i32, out: usize, scratch: usize,
): void {
  // Each point's largest radius (its last order's): a pair farther apart than the sum of theirs overlaps at no order.
  for (let i = 0; i < rows; i++) store<f64>(scratch + (<usize>i << 3), load<f64>(radii + (<usize>(i * orders + orders - 1) << 3)))
  for (let i = from; i < to; i++) {
    const row = <usize>(i * orders) << 3
    for (let c = 0; c < orders; c++) {
      const score = load<f64>(scores + row + (<usize>c << 3))
      const target = out + (<usize>c << 3)
      store<f64>(target, load<f64>(target) + score * score)
    }
    const reach = load<f64>(scratch + (<usize>i << 3))
    const point = data + (<usize>(i * cols) << 2)
    for (let j = i + 1; j < rows; j++) {
      const bound = reach + load<f64>(scratch + (<usize>j << 3))
      const other = data + (<usize>(j * cols) << 2)
      let squared: f64 = 0
      for (let k = 0; k < cols; k++) {
        const difference = <f64>load<f32>(point + (<usize>k << 2)) - <f64>load<f32>(other + (<usize>k << 2))
        squared += difference * difference
      }
      if (!(squared < bound * bound)) continue
      const distance = Math.sqrt(squared)
      const otherRow = <usize>(j * orders) << 3
      for (let c = orders - 1; c >= 0; c--) {
        const offset = <usize>c << 3
        const sum = load<f64>(radii + row + offset) + load<f64>(radii + otherRow + offset)
        if (!(distance < sum)) break // and every smaller order, whose radii are no larger
        const weight = 1 - distance / sum
        const target = out + offset
        store<f64>(target, load<f64>(target) + 2 * weight * load<f64>(scores + row + offset) * load<f64>(scores + otherRow + offset))
      }
    }
  }
}
