// Hidden-unit nonlinearities of the fused VAE and their derivatives, written in terms of the output y = f(x) so the
// backward pass needs only the stored activations (as tfjs's gradients of relu, elu, tanh and sigmoid do):
//   relu    y = max(x, 0)              f' = [y > 0]
//   tanh    y = tanh x                 f' = 1 − y²
//   elu     y = x (x > 0), eˣ − 1      f' = 1 (y > 0), y + 1
//   sigmoid y = 1 / (1 + e⁻ˣ)          f' = y (1 − y)
// Codes match core/vae/fused/network.ts: 0 relu, 1 tanh, 2 elu, 3 sigmoid; anything else is the identity.

export const RELU = 0
export const TANH = 1
export const ELU = 2
export const SIGMOID = 3

/** Applies activation `kind` in place to the first `cols` columns of `rows` rows (row stride `stride`). */
export function activate(kind: i32, x: usize, rows: i32, cols: i32, stride: i32): void {
  if (kind == RELU) {
    // Whole f32x4 lanes: the padding columns hold zeros and stay zero.
    const zero = f32x4.splat(0)
    const total = rows * stride
    for (let i = 0; i < total; i += 4) {
      const p = x + (<usize>i << 2)
      v128.store(p, f32x4.max(v128.load(p), zero))
    }
    return
  }
  if (kind < 0 || kind > SIGMOID) return
  for (let i = 0; i < rows; i++) {
    const row = x + (<usize>(i * stride) << 2)
    for (let j = 0; j < cols; j++) {
      const p = row + (<usize>j << 2)
      const v = load<f32>(p)
      let y: f32
      if (kind == TANH) y = Mathf.tanh(v)
      else if (kind == ELU) y = v > 0 ? v : Mathf.exp(v) - 1
      else y = 1 / (1 + Mathf.exp(-v))
      store<f32>(p, y)
    }
  }
}

/** grad ← grad · f'(x) given the outputs y of activation `kind`; same shapes as `activate`. */
export function activationBackward(kind: i32, y: usize, grad: usize, rows: i32, cols: i32, stride: i32): void {
  if (kind < 0 || kind > SIGMOID) return
  if (kind == RELU) {
    const zero = f32x4.splat(0)
    const total = rows * stride
    for (let i = 0; i < total; i += 4) {
      const offset = <usize>i << 2
      const keep = f32x4.gt(v128.load(y + offset), zero)
      v128.store(grad + offset, v128.and(v128.load(grad + offset), keep))
    }
    return
  }
  for (let i = 0; i < rows; i++) {
    const offset = <usize>(i * stride) << 2
    for (let j = 0; j < cols; j++) {
      const o = offset + (<usize>j << 2)
      const v = load<f32>(y + o)
      let d: f32
      if (kind == TANH) d = 1 - v * v
      else if (kind == ELU) d = v > 0 ? 1 : v + 1
      else d = v * (1 - v)
      store<f32>(grad + o, load<f32>(grad + o) * d)
    }
  }
}
