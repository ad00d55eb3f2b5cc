// The monomials of core/symmetries/constraints/monomials.ts at one point: value_0 = 1, value_m = value_{parents[m]} · z_{factors[m]}
// (graded order, parents first), one multiplication each. Shared by the symmetry kernels of this folder.

/** Fills values[1 … count − 1] from z (values[0] = 1 is set by the caller once). */
// @ts-ignore: decorator
@inline export function fillMonomials(values: usize, z: usize, parents: usize, factors: usize, count: i32): void {
  for (let m = 1; m < count; m++) {
    const parent = <usize>load<i32>(parents + (<usize>m << 2))
    const factor = <usize>load<i32>(factors + (<usize>m << 2))
    store<f64>(values + (<usize>m << 3), load<f64>(values + (parent << 3)) * load<f64>(z + (factor << 3)))
  }
}

/** sums[m] += values[m] for m < count, two at a time in f64x2 (each sum on its own: the order per sum is the rows'). */
// @ts-ignore: decorator
@inline export function addMonomials(sums: usize, values: usize, count: i32): void {
  const even = count & ~1
  for (let m = 0; m < even; m += 2) {
    const target = sums + (<usize>m << 3)
    v128.store(target, f64x2.add(v128.load(target), v128.load(values + (<usize>m << 3))))
  }
  if (even < count) {
    const target = sums + (<usize>even << 3)
    store<f64>(target, load<f64>(target) + load<f64>(values + (<usize>even << 3)))
  }
}
