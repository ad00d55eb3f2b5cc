// Block sums of monomials for the symmetry search (core/symmetries/): every moment the constraint, tangency and
// invariance systems need is a sum over events of a monomial z^α of standardised coordinates, so one pass over the
// events fills them all. Monomials come in the graded order of core/symmetries/constraints/monomials.ts: monomial m (m ≥ 1) is
// its parent times one coordinate, so each costs one multiplication per event.
import { addMonomials, fillMonomials } from './monomialValues'

/**
 * Sums over the rows of each block of the monomials z^α, z_j = (x[row, columns[j]] − shift_j) · scale_j, into `out`
 * (blocks × count f64, block-major). Block b holds rows [⌊b·rows/blocks⌋, ⌊(b+1)·rows/blocks⌋). `parents` and
 * `factors` (count i32 each) define the monomials: value_0 = 1, value_m = value_{parents[m]} · z_{factors[m]}.
 * `scratch` holds vars + count f64. Cost O(rows · (vars + count)), all in f64.
 * Preconditions (checked by core): rows ≥ blocks ≥ 1, `data` rows × stride f64, columns[j] < stride, parents[m] < m.
 */
export function monomialMoments(
  data: usize, rows: i32, stride: i32, columns: usize, vars: i32, shift: usize, scale: usize,
  parents: usize, factors: usize, count: i32, blocks: i32, out: usize, scratch: usize,
): void {
  const z = scratch
  const values = scratch + (<usize>vars << 3)
  memory.fill(out, 0, <usize>(blocks * count) << 3)
  store<f64>(values, 1.0)
  for (let b = 0; b < blocks; b++) {
    const first = <i32>((<i64>b * <i64>rows) / <i64>blocks)
    const last = <i32>((<i64>(b + 1) * <i64>rows) / <i64>blocks)
    const sums = out + (<usize>(b * count) << 3)
    for (let i = first; i < last; i++) {
      const row = data + (<usize>i * <usize>stride << 3)
      for (let j = 0; j < vars; j++) {
        const offset = <usize>j << 3
        const column = <usize>load<i32>(columns + (<usize>j << 2))
        store<f64>(z + offset, (load<f64>(row + (column << 3)) - load<f64>(shift + offset)) * load<f64>(scale + offset))
      }
      fillMonomials(values, z, parents, factors, count)
      addMonomials(sums, values, count)
    }
  }
}
