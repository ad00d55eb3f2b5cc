// The fused VAE trainer's entry points: weight initialisation, the seeded noise, Adam (whole runs of mini-batches
// are parallel.ts's), the validation loss, and the encoder and decoder on many rows. Nothing here
// allocates: every buffer was placed by vaeCreate (network.ts).
//
// Random numbers come from the project RNG (rng.ts), each from its own stream so that any slice of a training
// redraws exactly what the uninterrupted training drew:
//   weights of layer l   stream (seed ⊕ WEIGHTS_DOMAIN, l)      Glorot uniform, U(−a, a), a = √(6/(in + out))
//   noise ε at step t    stream (seed ⊕ NOISE_DOMAIN, t)        rows × latent standard normals, row-major
// (Glorot & Bengio, AISTATS 2010.) Adam follows Kingma & Ba (ICLR 2015) in tfjs's arithmetic order, with the bias
// corrections 1 − β₁ᵗ and 1 − β₂ᵗ computed from the step count t, so a resumed training is exact by construction.

import { normal, seedStream, uniform } from '../rng'
import { layerAt, Network } from './network'
import { backward, forwardDecoder, forwardEncoder, lastKl, lastReconstruction, lossSums, reparameterise } from './passes'

// @ts-ignore: decorator
@lazy const WEIGHTS_DOMAIN: u64 = 0x7765696768747300 // "weights"
// @ts-ignore: decorator
@lazy const NOISE_DOMAIN: u64 = 0x6e6f697365000000 // "noise"

const ADAM_BETA1: f32 = 0.9
const ADAM_BETA2: f32 = 0.999
/** tfjs's float32 epsilon (backend.epsilon()), the default of tf.train.adam. */
const ADAM_EPSILON: f32 = 1e-7

/** Glorot-uniform kernels and zero biases from `seed`; the moments are zeroed. */
export function vaeInitialise(handle: usize, seed: u64): void {
  const net = changetype<Network>(handle)
  memory.fill(net.parameters, 0, <usize>(4 * net.parameterFloats) << 2)
  for (let l = 0; l < net.count; l++) {
    const layer = layerAt(net, l)
    const limit = Math.sqrt(6.0 / <f64>(layer.inputs + layer.outputs))
    seedStream(seed ^ WEIGHTS_DOMAIN, <u64>l)
    const kernel = net.parameters + (<usize>layer.kernel << 2)
    for (let i = 0; i < layer.inputs; i++) {
      for (let j = 0; j < layer.outputs; j++) {
        store<f32>(kernel + (<usize>(i * layer.padded + j) << 2), <f32>((2.0 * uniform() - 1.0) * limit))
      }
    }
  }
}

/** `count` standard normals (f32) of stream (seed ⊕ NOISE_DOMAIN, stream) into `out`. */
export function vaeNoise(seed: u64, stream: u64, count: i32, out: usize): void {
  seedStream(seed ^ NOISE_DOMAIN, stream)
  for (let i = 0; i < count; i++) store<f32>(out + (<usize>i << 2), <f32>normal())
}

/**
 * Forward and backward pass over the batch in the batch buffer (rows × features) and the noise buffer
 * (rows × latent): gradients of the batch-mean loss into the gradient buffer. Returns the batch-mean loss.
 */
export function vaeGradients(handle: usize, rows: i32): f64 {
  const net = changetype<Network>(handle)
  forwardEncoder(net, rows)
  reparameterise(net, rows)
  forwardDecoder(net, rows)
  lossSums(net, rows, true)
  backward(net, rows)
  return (lastReconstruction + <f64>net.beta * lastKl) / <f64>rows
}

/** One Adam update of every parameter from the gradient buffer; `step` is the update's number, 1 for the first. */
export function vaeAdamStep(handle: usize, step: i32): void {
  const net = changetype<Network>(handle)
  adamRange(net, step, 0, net.parameterFloats)
}

/**
 * The Adam update of parameters [from, to) (floats, multiples of 4) from the gradient buffer. Elementwise, so any
 * split of the parameters between threads gives the same bits as one pass.
 */
export function adamRange(net: Network, step: i32, from: i32, to: i32): void {
  const correction1 = f32x4.splat(<f32>(1.0 - Math.pow(<f64>ADAM_BETA1, <f64>step)))
  const correction2 = f32x4.splat(<f32>(1.0 - Math.pow(<f64>ADAM_BETA2, <f64>step)))
  const beta1 = f32x4.splat(ADAM_BETA1)
  const beta2 = f32x4.splat(ADAM_BETA2)
  const oneMinusBeta1 = f32x4.splat(<f32>(1.0 - <f64>ADAM_BETA1))
  const oneMinusBeta2 = f32x4.splat(<f32>(1.0 - <f64>ADAM_BETA2))
  const epsilon = f32x4.splat(ADAM_EPSILON)
  const minusRate = f32x4.splat(-net.learningRate)
  const end = <usize>to << 2
  for (let o: usize = <usize>from << 2; o < end; o += 16) {
    const g = v128.load(net.gradients + o)
    const m = f32x4.add(f32x4.mul(v128.load(net.firstMoments + o), beta1), f32x4.mul(g, oneMinusBeta1))
    const v = f32x4.add(f32x4.mul(v128.load(net.secondMoments + o), beta2), f32x4.mul(f32x4.mul(g, g), oneMinusBeta2))
    v128.store(net.firstMoments + o, m)
    v128.store(net.secondMoments + o, v)
    const mHat = f32x4.div(m, correction1)
    const vHat = f32x4.div(v, correction2)
    const update = f32x4.mul(f32x4.div(mHat, f32x4.add(f32x4.sqrt(vHat), epsilon)), minusRate)
    v128.store(net.parameters + o, f32x4.add(update, v128.load(net.parameters + o)))
  }
}

/** Copies data rows rows[order[first + i]] (or rows[first + i] when order is 0), i < count, into the batch buffer. */
export function gather(net: Network, data: usize, rows: usize, order: usize, first: i32, count: i32): void {
  const rowBytes = <usize>net.features << 2
  for (let i = 0; i < count; i++) {
    const position = order ? load<i32>(order + (<usize>(first + i) << 2)) : first + i
    const row = load<i32>(rows + (<usize>position << 2))
    memory.copy(net.x + <usize>i * rowBytes, data + <usize>row * rowBytes, rowBytes)
  }
}

/** Encoder means and log-variances (each count × latent f32) of `count` rows of x (row-major, features wide). */
export function vaeEncode(handle: usize, x: usize, count: i32, means: usize, logVars: usize): void {
  const net = changetype<Network>(handle)
  const head = layerAt(net, net.layers)
  const k = net.latent
  const rowBytes = <usize>net.features << 2
  for (let first = 0; first < count; first += net.rows) {
    const chunk = min(net.rows, count - first)
    memory.copy(net.x, x + <usize>first * rowBytes, <usize>chunk * rowBytes)
    forwardEncoder(net, chunk)
    for (let i = 0; i < chunk; i++) {
      const h = head.output + (<usize>(i * head.padded) << 2)
      memory.copy(means + (<usize>((first + i) * k) << 2), h, <usize>k << 2)
      memory.copy(logVars + (<usize>((first + i) * k) << 2), h + (<usize>k << 2), <usize>k << 2)
    }
  }
}

/** Decoder reconstructions (count × features f32) of `count` latent points z (count × latent). */
export function vaeDecode(handle: usize, z: usize, count: i32, out: usize): void {
  const net = changetype<Network>(handle)
  const output = layerAt(net, net.count - 1)
  const k = net.latent
  const d = net.features
  for (let first = 0; first < count; first += net.rows) {
    const chunk = min(net.rows, count - first)
    for (let i = 0; i < chunk; i++) {
      memory.copy(net.z + (<usize>(i * net.latentStride) << 2), z + (<usize>((first + i) * k) << 2), <usize>k << 2)
    }
    forwardDecoder(net, chunk)
    for (let i = 0; i < chunk; i++) {
      memory.copy(out + (<usize>((first + i) * d) << 2), output.output + (<usize>(i * output.padded) << 2), <usize>d << 2)
    }
  }
}
