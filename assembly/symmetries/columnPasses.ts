// The discrete section's passes over the events' columns (core/symmetries/discrete/columnKernels.ts): the proposal's
// column sums, ranges and centred squares, the span coordinates' centred products, and the standardised span
// coordinates the image tests read. Each sum runs over the rows in order, one accumulator per entry, so the plain
// TypeScript twin (reference/columnPasses.ts) gives the same f64 values bit for bit. `data` is rows × cols f64.

/** out = [Σ_i x_ij (cols), min_i x_ij (cols), max_i x_ij (cols)] over the first `rows` rows. */
export function columnRange(data: usize, rows: i32, cols: i32, out: usize): void {
  const lo = out + (<usize>cols << 3)
  const hi = lo + (<usize>cols << 3)
  for (let j = 0; j < cols; j++) {
    store<f64>(out + (<usize>j << 3), 0.0)
    store<f64>(lo + (<usize>j << 3), Infinity)
    store<f64>(hi + (<usize>j << 3), -Infinity)
  }
  for (let i = 0; i < rows; i++) {
    const row = data + (<usize>i * <usize>cols << 3)
    for (let j = 0; j < cols; j++) {
      const v = load<f64>(row + (<usize>j << 3))
      const at = <usize>j << 3
      store<f64>(out + at, load<f64>(out + at) + v)
      if (v < load<f64>(lo + at)) store<f64>(lo + at, v)
      if (v > load<f64>(hi + at)) store<f64>(hi + at, v)
    }
  }
}

/** out[j] = Σ_i (x_ij − centre_j)² over the first `rows` rows (`centre` cols f64). */
export function centredSquares(data: usize, rows: i32, cols: i32, centre: usize, out: usize): void {
  memory.fill(out, 0, <usize>cols << 3)
  for (let i = 0; i < rows; i++) {
    const row = data + (<usize>i * <usize>cols << 3)
    for (let j = 0; j < cols; j++) {
      const at = <usize>j << 3
      const v = load<f64>(row + at) - load<f64>(centre + at)
      store<f64>(out + at, load<f64>(out + at) + v * v)
    }
  }
}

/**
 * out[a · d + b] = Σ_i u_a u_b for b ≥ a (the lower triangle left 0), u_a = x_{i, free[a]} − centre_a, over the first
 * `rows` rows (`free` d i32, `centre` d f64, `scratch` d f64). Cost O(rows · d²/2).
 */
export function centredProducts(data: usize, rows: i32, cols: i32, free: usize, d: i32, centre: usize, out: usize, scratch: usize): void {
  memory.fill(out, 0, <usize>(d * d) << 3)
  for (let i = 0; i < rows; i++) {
    const row = data + (<usize>i * <usize>cols << 3)
    for (let a = 0; a < d; a++) {
      const column = <usize>load<i32>(free + (<usize>a << 2))
      store<f64>(scratch + (<usize>a << 3), load<f64>(row + (column << 3)) - load<f64>(centre + (<usize>a << 3)))
    }
    for (let a = 0; a < d; a++) {
      const ua = load<f64>(scratch + (<usize>a << 3))
      const target = out + (<usize>(a * d) << 3)
      for (let b = a; b < d; b++) {
        const at = target + (<usize>b << 3)
        store<f64>(at, load<f64>(at) + ua * load<f64>(scratch + (<usize>b << 3)))
      }
    }
  }
}

/** out[(i − from) · d + a] = (x_{i, free[a]} − shift_a) / scale_a for rows from ≤ i < to (`free` d i32, `shift`, `scale` d f64). */
export function spanCoordinates(data: usize, from: i32, to: i32, cols: i32, free: usize, d: i32, shift: usize, scale: usize, out: usize): void {
  for (let i = from; i < to; i++) {
    const row = data + (<usize>i * <usize>cols << 3)
    const target = out + (<usize>((i - from) * d) << 3)
    for (let a = 0; a < d; a++) {
      const column = <usize>load<i32>(free + (<usize>a << 2))
      const at = <usize>a << 3
      store<f64>(target + at, (load<f64>(row + (column << 3)) - load<f64>(shift + at)) / load<f64>(scale + at))
    }
  }
}
