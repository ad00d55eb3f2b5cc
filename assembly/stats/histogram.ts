// Histograms of one strided column: value i is element offset + i · stride of the array, so a column of a row-major
// matrix is read in place (stride = columns, offset = column index) without copying it out.
//
// Output layout (bins + 3 f64): counts[0 … bins − 1], then underflow (x < min), overflow (x > max) and NaN count.
// Bins are [min + b·w, min + (b + 1)·w) with w = (max − min) / bins; x = max falls in the last bin, so the
// histogram of values on [min, max] loses nothing. Counts are f64 so the layout matches the f64 views in core.

/** The one histogram loop, written once for both element types (as std's FILL/SORT generics are). */
// @ts-ignore: decorator
@inline function HISTOGRAM<T extends number>(
  values: usize, n: i32, stride: i32, offset: i32, bins: i32, min: f64, max: f64, out: usize,
): void {
  memory.fill(out, 0, <usize>(bins + 3) << 3)
  const scale = <f64>bins / (max - min)
  const last = bins - 1
  let underflow: f64 = 0
  let overflow: f64 = 0
  let nan: f64 = 0
  let pointer = values + (<usize>offset << alignof<T>())
  const step = <usize>stride << alignof<T>()
  for (let i = 0; i < n; i++) {
    const x = <f64>load<T>(pointer)
    pointer += step
    if (x < min) underflow += 1
    else if (x > max) overflow += 1
    else if (x == x) {
      let b = <i32>((x - min) * scale)
      if (b > last) b = last // x = max, or rounding just below it
      const cell = out + (<usize>b << 3)
      store<f64>(cell, load<f64>(cell) + 1)
    } else nan += 1
  }
  const tail = out + (<usize>bins << 3)
  store<f64>(tail, underflow)
  store<f64>(tail, overflow, 8)
  store<f64>(tail, nan, 16)
}

/**
 * Histogram of an f64 column: counts[b] = #{i : edge_b ≤ x_i < edge_{b+1}}, edge_b = min + b (max − min) / bins.
 * Preconditions (checked by core): n ≥ 0, stride ≥ 1, offset ≥ 0, bins ≥ 1, finite min < max,
 * offset + (n − 1) · stride inside the array; `out` holds bins + 3 f64.
 */
export function histogramF64(values: usize, n: i32, stride: i32, offset: i32, bins: i32, min: f64, max: f64, out: usize): void {
  HISTOGRAM<f64>(values, n, stride, offset, bins, min, max, out)
}

/**
 * Histogram of an f32 column (features in wasm memory, binned for plots without a copy); same layout and
 * preconditions as `histogramF64`, with `values` holding f32.
 */
export function histogramF32(values: usize, n: i32, stride: i32, offset: i32, bins: i32, min: f64, max: f64, out: usize): void {
  HISTOGRAM<f32>(values, n, stride, offset, bins, min, max, out)
}
