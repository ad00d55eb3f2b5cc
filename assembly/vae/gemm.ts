// Dense matrix products for the fused VAE trainer: C = A·B (+ a bias row), f32, with A read through element strides
// so that one kernel serves the forward pass (A = activations), the weight gradient (A = activationsᵀ) and the input
// gradient (B = the transposed kernel). Register-blocked: a 4 × 8 block of C lives in eight f32x4 accumulators while
// the shared dimension streams past, so each B load feeds four rows and each A value eight columns
// (see: Goto and van de Geijn, "Anatomy of high-performance matrix multiplication", ACM TOMS 34 (2008) 12).
//
// Layout contract (assembly/vae/network.ts keeps it): B and C are row-major with row strides that are multiples of 4
// elements, and the columns in [n, stride) of B hold zeros, so n may be rounded up to a multiple of 4 freely.
// The sum over the shared dimension runs in one fixed order (p = 0, 1, …), so results are bit-reproducible.

// @ts-ignore: decorator
@inline function splatA(a: usize): v128 {
  return f32x4.splat(load<f32>(a))
}

// @ts-ignore: decorator
@inline function start(bias: usize, offset: usize): v128 {
  return bias ? v128.load(bias + offset) : f32x4.splat(0)
}

/**
 * C[m × n] = A[m × k] · B[k × n] + bias (bias: n f32, or 0 for none). A(i, p) is the f32 at a + 4·(i·aRow + p·aCol);
 * B(p, j) at b + 4·(p·bStride + j); C(i, j) at c + 4·(i·cStride + j). n must be a multiple of 4. Cost 2·m·n·k flops.
 */
export function gemm(m: i32, n: i32, k: i32, a: usize, aRow: i32, aCol: i32, b: usize, bStride: i32, c: usize, cStride: i32, bias: usize): void {
  const aRowBytes = <usize>aRow << 2
  const aColBytes = <usize>aCol << 2
  const bRowBytes = <usize>bStride << 2
  const cRowBytes = <usize>cStride << 2
  let i = 0
  for (; i + 4 <= m; i += 4) {
    const a0 = a + <usize>i * aRowBytes
    const a1 = a0 + aRowBytes
    const a2 = a1 + aRowBytes
    const a3 = a2 + aRowBytes
    const c0 = c + <usize>i * cRowBytes
    let j = 0
    for (; j + 8 <= n; j += 8) {
      const offset = <usize>j << 2
      let s00 = start(bias, offset), s01 = start(bias, offset + 16)
      let s10 = s00, s11 = s01, s20 = s00, s21 = s01, s30 = s00, s31 = s01
      let pa: usize = 0
      let pb = b + offset
      for (let p = 0; p < k; p++) {
        const b0 = v128.load(pb)
        const b1 = v128.load(pb, 16)
        const x0 = splatA(a0 + pa), x1 = splatA(a1 + pa), x2 = splatA(a2 + pa), x3 = splatA(a3 + pa)
        s00 = f32x4.add(s00, f32x4.mul(x0, b0)); s01 = f32x4.add(s01, f32x4.mul(x0, b1))
        s10 = f32x4.add(s10, f32x4.mul(x1, b0)); s11 = f32x4.add(s11, f32x4.mul(x1, b1))
        s20 = f32x4.add(s20, f32x4.mul(x2, b0)); s21 = f32x4.add(s21, f32x4.mul(x2, b1))
        s30 = f32x4.add(s30, f32x4.mul(x3, b0)); s31 = f32x4.add(s31, f32x4.mul(x3, b1))
        pa += aColBytes
        pb += bRowBytes
      }
      const out = c0 + offset
      v128.store(out, s00); v128.store(out, s01, 16)
      v128.store(out + cRowBytes, s10); v128.store(out + cRowBytes, s11, 16)
      v128.store(out + 2 * cRowBytes, s20); v128.store(out + 2 * cRowBytes, s21, 16)
      v128.store(out + 3 * cRowBytes, s30); v128.store(out + 3 * cRowBytes, s31, 16)
    }
    if (j < n) {
      // The last four columns.
      const offset = <usize>j << 2
      let s0 = start(bias, offset)
      let s1 = s0, s2 = s0, s3 = s0
      let pa: usize = 0
      let pb = b + offset
      for (let p = 0; p < k; p++) {
        const b0 = v128.load(pb)
        s0 = f32x4.add(s0, f32x4.mul(splatA(a0 + pa), b0))
        s1 = f32x4.add(s1, f32x4.mul(splatA(a1 + pa), b0))
        s2 = f32x4.add(s2, f32x4.mul(splatA(a2 + pa), b0))
        s3 = f32x4.add(s3, f32x4.mul(splatA(a3 + pa), b0))
        pa += aColBytes
        pb += bRowBytes
      }
      const out = c0 + offset
      v128.store(out, s0)
      v128.store(out + cRowBytes, s1)
      v128.store(out + 2 * cRowBytes, s2)
      v128.store(out + 3 * cRowBytes, s3)
    }
  }
  // The last rows, one at a time, eight then four columns.
  for (; i < m; i++) {
    const a0 = a + <usize>i * aRowBytes
    const c0 = c + <usize>i * cRowBytes
    let j = 0
    for (; j + 8 <= n; j += 8) {
      const offset = <usize>j << 2
      let s0 = start(bias, offset), s1 = start(bias, offset + 16)
      let pa: usize = 0
      let pb = b + offset
      for (let p = 0; p < k; p++) {
        const x0 = splatA(a0 + pa)
        s0 = f32x4.add(s0, f32x4.mul(x0, v128.load(pb)))
        s1 = f32x4.add(s1, f32x4.mul(x0, v128.load(pb, 16)))
        pa += aColBytes
        pb += bRowBytes
      }
      v128.store(c0 + offset, s0)
      v128.store(c0 + offset, s1, 16)
    }
    if (j < n) {
      const offset = <usize>j << 2
      let s0 = start(bias, offset)
      let pa: usize = 0
      let pb = b + offset
      for (let p = 0; p < k; p++) {
        s0 = f32x4.add(s0, f32x4.mul(splatA(a0 + pa), v128.load(pb)))
        pa += aColBytes
        pb += bRowBytes
      }
      v128.store(c0 + offset, s0)
    }
  }
}

/** out[n] = Σ_i rows of x (rows × n, row stride `stride`), in row order; n a multiple of 4. The bias gradient. */
export function columnSums(x: usize, rows: i32, n: i32, stride: i32, out: usize): void {
  const rowBytes = <usize>stride << 2
  for (let j = 0; j < n; j += 4) {
    let s = f32x4.splat(0)
    let p = x + (<usize>j << 2)
    for (let i = 0; i < rows; i++) {
      s = f32x4.add(s, v128.load(p))
      p += rowBytes
    }
    v128.store(out + (<usize>j << 2), s)
  }
}

/** t[cols × rowsPadded] = xᵀ for x (rows × cols, row stride `stride`); t's row stride is `tStride`, pads left alone. */
export function transpose(x: usize, rows: i32, cols: i32, stride: i32, t: usize, tStride: i32): void {
  for (let i = 0; i < rows; i++) {
    const row = x + (<usize>(i * stride) << 2)
    for (let j = 0; j < cols; j++) store<f32>(t + (<usize>(j * tStride + i) << 2), load<f32>(row + (<usize>j << 2)))
  }
}
