// The fused VAE's memory: one block per network, allocated once when a training starts and never during it.
// The network is the design's (docs/method.md): encoder input → h × layers → (μ, log σ²) ∈ R^{2K}, decoder
// K → h × layers → input, linear output; with layers = 0 it is the linear VAE of the toy model. Dense layer l holds
// its kernel (inputs × outputs, row-major, as tfjs stores it) and bias inside one flat parameter array, each row
// padded to a multiple of 4 columns with zeros (the layout contract of gemm.ts). Gradients and Adam's two moments
// share that layout, so the optimiser is one pass over four arrays.
//
// Layer order: encoder 0 … H−1, head H, decoder H+1 … 2H, output 2H+1 (H = hidden layers). Activations are stored
// per layer (rows × padded outputs) for the backward pass; `rows` is the most rows one call handles.

import { ELU, RELU, SIGMOID, TANH } from './activation'

/** One dense layer: where its weights, activations and gradients are. Offsets into parameters are in floats. */
@unmanaged export class Layer {
  inputs: i32
  outputs: i32
  /** outputs rounded up to a multiple of 4: the row stride of the kernel, the activations and their gradients. */
  padded: i32
  /** inputs rounded up to a multiple of 4: the row stride of the transposed kernel and of the input gradient. */
  paddedInputs: i32
  kernel: i32
  bias: i32
  /** The activation code of activation.ts, or −1 for none (the head and the output layer). */
  activation: i32
  inputStride: i32
  input: usize
  output: usize
  /** Gradient of the loss with respect to this layer's pre-activation (rows × padded). */
  grad: usize
  /** Where the gradient with respect to the input goes (the previous layer's grad, or gradZ); 0 for the first layer. */
  gradInput: usize
  /** Kernelᵀ (outputs × paddedInputs), refreshed before each backward pass; 0 when gradInput is 0. */
  transposed: usize
}

@unmanaged export class Network {
  features: i32
  latent: i32
  hidden: i32
  layers: i32
  rows: i32
  count: i32
  beta: f32
  learningRate: f32
  parameterFloats: i32
  layerTable: usize
  parameters: usize
  gradients: usize
  firstMoments: usize
  secondMoments: usize
  /** The batch (rows × features), its noise ε (rows × latent), z (rows × padded latent) and ∂loss/∂z. */
  x: usize
  noise: usize
  z: usize
  gradZ: usize
  latentStride: i32
  /** Every buffer above comes from this one allocation, freed with the network. */
  block: usize
  /** A replica (parallel.ts) reads the master's transposed kernels, which the training keeps current, and never writes them. */
  sharedTransposes: bool
}

// @ts-ignore: decorator
@inline export function roundUp4(n: i32): i32 {
  return (n + 3) & ~3
}

// @ts-ignore: decorator
@inline export function layerAt(net: Network, l: i32): Layer {
  return changetype<Layer>(net.layerTable + <usize>l * offsetof<Layer>())
}

/** Bytes of f32 from a float count. */
// @ts-ignore: decorator
@inline function bytes(floats: i32): usize {
  return <usize>floats << 2
}

/** Width of layer l's input and output, and its activation, for H hidden layers (see the order above). */
function shapeOf(l: i32, features: i32, latent: i32, hidden: i32, layers: i32, activation: i32, out: usize): void {
  let inputs: i32, outputs: i32, kind = -1
  if (l < layers) {
    inputs = l == 0 ? features : hidden
    outputs = hidden
    kind = activation
  } else if (l == layers) {
    inputs = layers ? hidden : features
    outputs = 2 * latent
  } else if (l < 2 * layers + 1) {
    inputs = l == layers + 1 ? latent : hidden
    outputs = hidden
    kind = activation
  } else {
    inputs = layers ? hidden : latent
    outputs = features
  }
  store<i32>(out, inputs)
  store<i32>(out, outputs, 4)
  store<i32>(out, kind, 8)
}

// @ts-ignore: decorator
@lazy export let sizedParameterFloats: i32 = 0

// @ts-ignore: decorator
@inline function tableBytesOf(count: i32): usize {
  return (<usize>count * offsetof<Layer>() + 15) & ~15
}

/**
 * Bytes vaeCreate allocates for these settings: the parameter, gradient and two moment arrays, per layer its
 * activations and their gradients (rows × padded outputs each) and its transposed kernel, the batch, its noise, z
 * and ∂L/∂z, and the header. In f64, so that sizes past 4 GiB are reported rather than wrapped: core refuses a
 * network that cannot fit before anything is allocated. Leaves the parameter count in sizedParameterFloats.
 */
export function vaeWorkingBytes(features: i32, latent: i32, hidden: i32, layers: i32, rows: i32): f64 {
  const shape = heap.alloc(16)
  let parameterFloats = 0
  let floats: f64 = 0
  for (let l = 0; l < 2 * layers + 2; l++) {
    shapeOf(l, features, latent, hidden, layers, -1, shape)
    const inputs = load<i32>(shape), outputs = load<i32>(shape, 4)
    parameterFloats += (inputs + 1) * roundUp4(outputs)
    floats += 2 * <f64>rows * <f64>roundUp4(outputs) + <f64>(outputs * roundUp4(inputs))
  }
  heap.free(shape)
  sizedParameterFloats = parameterFloats
  floats += 4 * <f64>parameterFloats + <f64>rows * <f64>(features + latent + 2 * roundUp4(latent)) + 8 // + 8: the two roundUp4s
  // The header: the network record, aligned twice to 16 bytes (the record, then what follows it), and the layer table.
  return 4 * floats + <f64>(offsetof<Network>() + 32 + tableBytesOf(2 * layers + 2))
}

/**
 * Allocates a network and its working memory for batches of up to `rows` rows, weights zero (see `vaeInitialise`).
 * activation: 0 relu, 1 tanh, 2 elu, 3 sigmoid, 4 none (the linear VAE). Returns the handle for the other calls.
 * Preconditions (checked by core, with vaeWorkingBytes): features ≥ 1, 1 ≤ latent, hidden ≥ 1, 0 ≤ layers, rows ≥ 1.
 */
export function vaeCreate(features: i32, latent: i32, hidden: i32, layers: i32, activation: i32, rows: i32, beta: f32, learningRate: f32): usize {
  return createNetwork(features, latent, hidden, layers, activation, rows, beta, learningRate, 0)
}

/**
 * vaeCreate, or with `master` ≠ 0 a replica of that network (parallel.ts): the replica's parameters and moments are
 * the master's, and only its gradient array is its own, so it takes 3 × parameterFloats floats less.
 */
export function createNetwork(
  features: i32, latent: i32, hidden: i32, layers: i32, activation: i32, rows: i32, beta: f32, learningRate: f32, master: usize,
): usize {
  const kind = activation == RELU || activation == TANH || activation == ELU || activation == SIGMOID ? activation : -1
  const count = 2 * layers + 2
  let total = <usize>vaeWorkingBytes(features, latent, hidden, layers, rows)
  const parameterFloats = sizedParameterFloats
  if (master) total -= bytes(3 * parameterFloats)
  const latentStride = roundUp4(latent)
  const tableBytes = tableBytesOf(count)
  const block = heap.alloc(total)
  memory.fill(block, 0, total)
  const net = changetype<Network>((block + 15) & ~15)
  net.block = block
  net.features = features
  net.latent = latent
  net.hidden = hidden
  net.layers = layers
  net.rows = rows
  net.count = count
  net.beta = beta
  net.learningRate = learningRate
  net.parameterFloats = parameterFloats
  net.latentStride = latentStride
  let cursor = (changetype<usize>(net) + offsetof<Network>() + 15) & ~15
  net.layerTable = cursor
  cursor += tableBytes
  if (master) {
    const source = changetype<Network>(master)
    net.parameters = source.parameters
    net.firstMoments = source.firstMoments
    net.secondMoments = source.secondMoments
    net.gradients = cursor
    cursor += bytes(parameterFloats)
    net.sharedTransposes = true
  } else {
    net.parameters = cursor
    net.gradients = cursor + bytes(parameterFloats)
    net.firstMoments = cursor + bytes(2 * parameterFloats)
    net.secondMoments = cursor + bytes(3 * parameterFloats)
    cursor += bytes(4 * parameterFloats)
  }
  net.x = cursor
  cursor += bytes(roundUp4(rows * features))
  net.noise = cursor
  cursor += bytes(roundUp4(rows * latent))
  net.z = cursor
  cursor += bytes(rows * latentStride)
  net.gradZ = cursor
  cursor += bytes(rows * latentStride)
  // Place every layer.
  const shape = heap.alloc(16)
  let offset = 0
  for (let l = 0; l < count; l++) {
    shapeOf(l, features, latent, hidden, layers, kind, shape)
    const layer = layerAt(net, l)
    layer.inputs = load<i32>(shape)
    layer.outputs = load<i32>(shape, 4)
    layer.activation = load<i32>(shape, 8)
    layer.padded = roundUp4(layer.outputs)
    layer.paddedInputs = roundUp4(layer.inputs)
    layer.kernel = offset
    layer.bias = offset + layer.inputs * layer.padded
    offset = layer.bias + layer.padded
    layer.output = cursor
    cursor += bytes(rows * layer.padded)
    layer.grad = cursor
    cursor += bytes(rows * layer.padded)
    layer.transposed = master ? layerAt(changetype<Network>(master), l).transposed : cursor
    cursor += bytes(layer.outputs * layer.paddedInputs)
    if (l == 0) {
      layer.input = net.x
      layer.inputStride = features
    } else if (l == layers + 1) {
      layer.input = net.z
      layer.inputStride = latentStride
    } else {
      const previous = layerAt(net, l - 1)
      layer.input = previous.output
      layer.inputStride = previous.padded
    }
    if (l == 0) layer.gradInput = 0
    else if (l == layers + 1) layer.gradInput = net.gradZ
    else layer.gradInput = layerAt(net, l - 1).grad
  }
  heap.free(shape)
  return changetype<usize>(net)
}

export function vaeFree(handle: usize): void {
  heap.free(changetype<Network>(handle).block)
}

/** Floats in each of the parameter, gradient and moment arrays (padding included). */
export function vaeParameterFloats(handle: usize): i32 {
  return changetype<Network>(handle).parameterFloats
}

/** Pointer to buffer `which`: 0 parameters, 1 gradients, 2 first moments, 3 second moments, 4 the batch, 5 the noise. */
export function vaeBuffer(handle: usize, which: i32): usize {
  const net = changetype<Network>(handle)
  if (which == 0) return net.parameters
  if (which == 1) return net.gradients
  if (which == 2) return net.firstMoments
  if (which == 3) return net.secondMoments
  if (which == 4) return net.x
  return net.noise
}

/** Writes, per layer, [inputs, outputs, padded outputs, kernel offset, bias offset] (i32, offsets in floats). */
export function vaeLayout(handle: usize, out: usize): i32 {
  const net = changetype<Network>(handle)
  for (let l = 0; l < net.count; l++) {
    const layer = layerAt(net, l)
    const row = out + (<usize>(5 * l) << 2)
    store<i32>(row, layer.inputs)
    store<i32>(row, layer.outputs, 4)
    store<i32>(row, layer.padded, 8)
    store<i32>(row, layer.kernel, 12)
    store<i32>(row, layer.bias, 16)
  }
  return net.count
}
