// Forward and backward passes of the fused VAE over the batch in `net.x` (rows × features) and its noise ε in
// `net.noise` (rows × latent). The loss per event, averaged over the batch, is core/vae's (docs/method.md):
//   L = (1/(rows·D)) Σ (x̂ − x)²  +  β · (1/rows) Σ_i Σ_k ½(μ² + σ² − log σ² − 1),   z = μ + σ·ε, σ = exp(½ log σ²)
// (the reparameterisation trick, Kingma & Welling 2014), and its gradient by the chain rule:
//   ∂L/∂x̂ = 2(x̂ − x)/(rows·D);  ∂L/∂μ = ∂L/∂z + βμ/rows;  ∂L/∂log σ² = ½ σ ε ∂L/∂z + ½β(σ² − 1)/rows.
// Dense layer: y = f(x W + b); ∂W = xᵀ·∂pre, ∂b = Σ_rows ∂pre, ∂x = ∂pre·Wᵀ (gemm.ts).

import { activate, activationBackward } from './activation'
import { columnSums, gemm, transpose } from './gemm'
import { layerAt, Layer, Network } from './network'

// @ts-ignore: decorator
@inline function f32At(base: usize, index: i32): f32 {
  return load<f32>(base + (<usize>index << 2))
}

function forwardLayer(net: Network, layer: Layer, rows: i32): void {
  gemm(rows, layer.padded, layer.inputs, layer.input, layer.inputStride, 1,
    net.parameters + (<usize>layer.kernel << 2), layer.padded, layer.output, layer.padded, net.parameters + (<usize>layer.bias << 2))
  activate(layer.activation, layer.output, rows, layer.outputs, layer.padded)
}

/** Encoder and head: μ and log σ² of the rows of net.x, in the head's output (μ in columns 0 … K−1, log σ² after). */
export function forwardEncoder(net: Network, rows: i32): void {
  for (let l = 0; l <= net.layers; l++) forwardLayer(net, layerAt(net, l), rows)
}

/** Decoder and output layer from net.z: the reconstruction x̂ in the last layer's output. */
export function forwardDecoder(net: Network, rows: i32): void {
  for (let l = net.layers + 1; l < net.count; l++) forwardLayer(net, layerAt(net, l), rows)
}

/** z = μ + exp(½ log σ²)·ε, from the head's output and net.noise. */
export function reparameterise(net: Network, rows: i32): void {
  const head = layerAt(net, net.layers).output
  const k = net.latent
  const stride = layerAt(net, net.layers).padded
  for (let i = 0; i < rows; i++) {
    const h = head + (<usize>(i * stride) << 2)
    const z = net.z + (<usize>(i * net.latentStride) << 2)
    const e = net.noise + (<usize>(i * k) << 2)
    for (let j = 0; j < k; j++) {
      const sigma = Mathf.exp(f32At(h, k + j) * 0.5)
      store<f32>(z + (<usize>j << 2), f32At(h, j) + sigma * f32At(e, j))
    }
  }
}

// @ts-ignore: decorator
@lazy export let lastReconstruction: f64 = 0
// @ts-ignore: decorator
@lazy export let lastKl: f64 = 0

/**
 * The two loss terms of the rows' forward pass as sums over the rows (Σ_i of the per-event mean squared error over
 * features, and of Σ_k KL_k), left in lastReconstruction and lastKl; with `withGradient`, also writes ∂L/∂x̂ of the
 * mean over a batch of `batchRows` rows (these rows may be one chunk of it) into the output layer's grad. Sums in f64.
 */
export function lossSums(net: Network, rows: i32, withGradient: bool, batchRows: i32 = rows): void {
  const out = layerAt(net, net.count - 1)
  const d = net.features
  const scale: f32 = <f32>(2.0 / (<f64>batchRows * <f64>d))
  let reconstruction: f64 = 0
  for (let i = 0; i < rows; i++) {
    const xr = net.x + (<usize>(i * d) << 2)
    const yr = out.output + (<usize>(i * out.padded) << 2)
    const gr = out.grad + (<usize>(i * out.padded) << 2)
    for (let c = 0; c < d; c++) {
      const diff = f32At(yr, c) - f32At(xr, c)
      reconstruction += <f64>(diff * diff)
      if (withGradient) store<f32>(gr + (<usize>c << 2), scale * diff)
    }
  }
  const head = layerAt(net, net.layers)
  const k = net.latent
  let kl: f64 = 0
  for (let i = 0; i < rows; i++) {
    const h = head.output + (<usize>(i * head.padded) << 2)
    for (let j = 0; j < k; j++) {
      const mu = f32At(h, j)
      const logVar = f32At(h, k + j)
      kl += 0.5 * <f64>(mu * mu + Mathf.exp(logVar) - logVar - 1)
    }
  }
  lastReconstruction = reconstruction / <f64>d
  lastKl = kl
}

/** ∂L/∂(μ, log σ²) into the head's grad, from ∂L/∂z (net.gradZ), the head's output and the noise. */
function headGradient(net: Network, rows: i32, batchRows: i32): void {
  const head = layerAt(net, net.layers)
  const k = net.latent
  const klScale: f32 = <f32>(<f64>net.beta / <f64>batchRows)
  for (let i = 0; i < rows; i++) {
    const h = head.output + (<usize>(i * head.padded) << 2)
    const g = head.grad + (<usize>(i * head.padded) << 2)
    const gz = net.gradZ + (<usize>(i * net.latentStride) << 2)
    const e = net.noise + (<usize>(i * k) << 2)
    for (let j = 0; j < k; j++) {
      const mu = f32At(h, j)
      const logVar = f32At(h, k + j)
      const dz = f32At(gz, j)
      const sigma = Mathf.exp(logVar * 0.5)
      store<f32>(g + (<usize>j << 2), dz + klScale * mu)
      store<f32>(g + (<usize>(k + j) << 2), 0.5 * sigma * f32At(e, j) * dz + 0.5 * klScale * (Mathf.exp(logVar) - 1))
    }
  }
}

function backwardLayer(net: Network, layer: Layer, rows: i32): void {
  const kernel = net.parameters + (<usize>layer.kernel << 2)
  // ∂W = inputᵀ · ∂pre: A(i, p) = input[p, i], so rows step 1 and the shared dimension steps a whole input row.
  gemm(layer.inputs, layer.padded, rows, layer.input, 1, layer.inputStride, layer.grad, layer.padded,
    net.gradients + (<usize>layer.kernel << 2), layer.padded, 0)
  columnSums(layer.grad, rows, layer.padded, layer.padded, net.gradients + (<usize>layer.bias << 2))
  if (layer.gradInput) {
    if (!net.sharedTransposes) transpose(kernel, layer.inputs, layer.outputs, layer.padded, layer.transposed, layer.paddedInputs)
    gemm(rows, layer.paddedInputs, layer.outputs, layer.grad, layer.padded, 1, layer.transposed, layer.paddedInputs,
      layer.gradInput, layer.paddedInputs, 0)
  }
}

/**
 * Gradients of the batch-mean loss of the forward pass just run, into net.gradients; the rows may be one chunk of a
 * batch of `batchRows` (lossSums was given the same), whose gradient is then the sum of its chunks'.
 */
export function backward(net: Network, rows: i32, batchRows: i32 = rows): void {
  for (let l = net.count - 1; l > net.layers; l--) {
    const layer = layerAt(net, l)
    if (l < net.count - 1) activationBackward(layer.activation, layer.output, layer.grad, rows, layer.outputs, layer.padded)
    backwardLayer(net, layer, rows)
  }
  headGradient(net, rows, batchRows)
  for (let l = net.layers; l >= 0; l--) {
    const layer = layerAt(net, l)
    if (l < net.layers) activationBackward(layer.activation, layer.output, layer.grad, rows, layer.outputs, layer.padded)
    backwardLayer(net, layer, rows)
  }
}
