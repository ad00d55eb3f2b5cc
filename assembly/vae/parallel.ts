// Data-parallel training of the fused VAE over the batch, with bits that do not depend on the thread count.
//
// A batch of B rows is cut into C = min(⌈B / 64⌉, 16) chunks of ⌈B / C⌉ rows, numbers fixed by B alone. Chunk c has its own replica
// network (activations, gradients) that reads the master's parameters, and computes the gradient of the batch-mean
// loss restricted to its rows: ∂L/∂θ = Σ_c ∂L_c/∂θ, with L_c the chunk's share of L (its rows, divided by B). The
// gradient is then summed in chunk order 0, 1, …, C − 1 for every parameter, and Adam is elementwise, so one thread
// that runs the C chunks in turn and N threads that share them give the same bits.
//
// Every thread of a training calls vaeTrainThread with its index; a step is
//   thread 0 draws the batch's noise → barrier → each thread its chunks c ≡ thread (mod N) → barrier →
//   each thread sums the chunks' gradients, updates its slice of the parameters (Adam) and of their transposes
// and a last barrier ends the call. Only the thread that created the group allocates; the others only compute in
// the memory it placed (a shared WebAssembly.Memory, core/vae/fused/threads.ts).

import { createNetwork, layerAt, Network, sizedParameterFloats, vaeFree, vaeWorkingBytes } from './network'
import { backward, forwardDecoder, forwardEncoder, lastKl, lastReconstruction, lossSums, reparameterise } from './passes'
import { adamRange, gather, vaeNoise } from './train'

/**
 * Fewest rows of a chunk, and most chunks of a batch. 64 rows keep one thread as fast as one pass over the whole
 * batch (32-row chunks cost it 10–20 % at batch 256: eight weight-gradient products with a short shared dimension).
 */
const MIN_CHUNK_ROWS = 64
const MAX_CHUNKS = 16

/** Loads of the barrier word before a thread sleeps on it: a few microseconds, less than waking from a futex. */
const SPINS = 4000

@unmanaged class Group {
  master: usize
  batchRows: i32
  chunks: i32
  chunkRows: i32
  /** chunks × the replica networks' handles. */
  replicas: usize
  /** chunks × (reconstruction sum, KL sum) f64 of the last step. */
  losses: usize
  /** Two i32: threads arrived at the barrier, and its generation. */
  barrier: usize
}

// @ts-ignore: decorator
@inline function replicaAt(group: Group, c: i32): Network {
  return changetype<Network>(load<usize>(group.replicas + (<usize>c << alignof<usize>())))
}

/** Chunks of a batch of `batchRows` rows. */
export function vaeChunks(batchRows: i32): i32 {
  return min((batchRows + MIN_CHUNK_ROWS - 1) / MIN_CHUNK_ROWS, MAX_CHUNKS)
}

/** Rows of each chunk but the last (which may hold fewer). */
function chunkRowsOf(batchRows: i32): i32 {
  const chunks = vaeChunks(batchRows)
  return (batchRows + chunks - 1) / chunks
}

/** Bytes vaeGroupCreate allocates for batches of `batchRows`: the replicas (network.ts's createNetwork). */
export function vaeGroupWorkingBytes(features: i32, latent: i32, hidden: i32, layers: i32, batchRows: i32): f64 {
  const replica = vaeWorkingBytes(features, latent, hidden, layers, chunkRowsOf(batchRows)) - 12 * <f64>sizedParameterFloats
  return <f64>vaeChunks(batchRows) * replica + <f64>(offsetof<Group>() + 16 * (MAX_CHUNKS + 1) + 8)
}

/**
 * The replicas for training the master network `handle` on batches of `batchRows` rows: networks of one chunk's
 * rows that read the master's parameters and write their own gradients.
 */
export function vaeGroupCreate(handle: usize, batchRows: i32): usize {
  const master = changetype<Network>(handle)
  const chunks = vaeChunks(batchRows)
  const group = changetype<Group>(heap.alloc(offsetof<Group>()))
  group.master = handle
  group.batchRows = batchRows
  group.chunks = chunks
  group.chunkRows = chunkRowsOf(batchRows)
  group.replicas = heap.alloc(<usize>chunks << alignof<usize>())
  group.losses = heap.alloc(<usize>chunks << 4)
  group.barrier = heap.alloc(8)
  store<i32>(group.barrier, 0)
  store<i32>(group.barrier, 0, 4)
  // Layer 0's activation code is the network's (−1, none, for the linear VAE, whose layer 0 is the head).
  const activation = layerAt(master, 0).activation
  for (let c = 0; c < chunks; c++) {
    const replica = changetype<Network>(createNetwork(master.features, master.latent, master.hidden, master.layers,
      activation, group.chunkRows, master.beta, master.learningRate, handle))
    store<usize>(group.replicas + (<usize>c << alignof<usize>()), changetype<usize>(replica))
  }
  return changetype<usize>(group)
}

export function vaeGroupFree(groupHandle: usize): void {
  const group = changetype<Group>(groupHandle)
  for (let c = 0; c < group.chunks; c++) vaeFree(changetype<usize>(replicaAt(group, c)))
  heap.free(group.replicas)
  heap.free(group.losses)
  heap.free(group.barrier)
  heap.free(groupHandle)
}

/** Waits until all `threads` threads have arrived (a counter and a generation, the last arrival wakes the rest). */
function barrier(at: usize, threads: i32): void {
  const generation = atomic.load<i32>(at, 4)
  if (atomic.add<i32>(at, 1) == threads - 1) {
    atomic.store<i32>(at, 0)
    atomic.add<i32>(at, 1, 4)
    atomic.notify(at + 4, threads)
    return
  }
  for (let i = 0; i < SPINS; i++) if (atomic.load<i32>(at, 4) != generation) return
  while (atomic.load<i32>(at, 4) == generation) atomic.wait<i32>(at + 4, generation, -1)
}

/** Chunk c of the batch that starts at position `first` of the epoch's order: its gradient into its replica. */
function chunkGradients(group: Group, c: i32, data: usize, trainRows: usize, order: usize, first: i32): void {
  const master = changetype<Network>(group.master)
  const replica = replicaAt(group, c)
  const start = c * group.chunkRows
  const rows = min(group.chunkRows, group.batchRows - start)
  gather(replica, data, trainRows, order, first + start, rows)
  const k = master.latent
  memory.copy(replica.noise, master.noise + (<usize>(start * k) << 2), <usize>(rows * k) << 2)
  forwardEncoder(replica, rows)
  reparameterise(replica, rows)
  forwardDecoder(replica, rows)
  lossSums(replica, rows, true, group.batchRows)
  backward(replica, rows, group.batchRows)
  store<f64>(group.losses + (<usize>c << 4), lastReconstruction)
  store<f64>(group.losses + (<usize>c << 4), lastKl, 8)
}

/** The master's gradient of parameters [from, to) as the sum of the chunks' in chunk order. */
function sumChunks(group: Group, from: i32, to: i32): void {
  const master = changetype<Network>(group.master)
  const end = <usize>to << 2
  for (let o: usize = <usize>from << 2; o < end; o += 16) {
    let g = v128.load(replicaAt(group, 0).gradients + o)
    for (let c = 1; c < group.chunks; c++) g = f32x4.add(g, v128.load(replicaAt(group, c).gradients + o))
    v128.store(master.gradients + o, g)
  }
}

/**
 * The transposed kernels' entries of parameters [from, to), from the master's parameters: each thread refreshes those
 * of the slice it updated, so that one transpose per step serves every chunk's backward pass (passes.ts).
 */
function transposeRange(master: Network, from: i32, to: i32): void {
  for (let l = 1; l < master.count; l++) {
    const layer = layerAt(master, l)
    if (!layer.gradInput) continue
    const first = max(from, layer.kernel)
    const end = min(to, layer.bias)
    for (let o = first; o < end; o++) {
      const i = (o - layer.kernel) / layer.padded
      const j = (o - layer.kernel) - i * layer.padded
      if (j < layer.outputs) {
        store<f32>(layer.transposed + (<usize>(j * layer.paddedInputs + i) << 2), load<f32>(master.parameters + (<usize>o << 2)))
      }
    }
  }
}

/**
 * Thread `thread` of `threads`' share of training batches firstBatch … endBatch − 1 of one epoch: batch b holds data
 * rows trainRows[order[b·size + i]], its noise is stream `firstStep + (b − firstBatch)`, and each is one Adam update
 * numbered from firstStep + 1. All threads must call it with the same arguments but their index. Thread 0 returns
 * lossBefore plus the batch-mean losses, added one by one in batch order, so that a training run in slices adds
 * the same numbers in the same order as one that never stopped (the others return lossBefore).
 */
export function vaeTrainThread(
  groupHandle: usize, data: usize, trainRows: usize, order: usize, firstBatch: i32, endBatch: i32,
  seed: u64, firstStep: i32, lossBefore: f64, thread: i32, threads: i32,
): f64 {
  const group = changetype<Group>(groupHandle)
  const master = changetype<Network>(group.master)
  const size = group.batchRows
  // This thread's slice of the parameters, in whole f32x4 lanes.
  const lanes = master.parameterFloats >> 2
  const share = (lanes + threads - 1) / threads
  const from = min(thread * share, lanes) << 2
  const to = min((thread + 1) * share, lanes) << 2
  let sum = lossBefore
  let step = firstStep
  // The weights may have been set since the last call (a resume, the best epoch's): transpose them all afresh.
  transposeRange(master, from, to)
  for (let b = firstBatch; b < endBatch; b++) {
    if (thread == 0) vaeNoise(seed, <u64>step, size * master.latent, master.noise)
    if (threads > 1) barrier(group.barrier, threads)
    for (let c = thread; c < group.chunks; c += threads) chunkGradients(group, c, data, trainRows, order, b * size)
    if (threads > 1) barrier(group.barrier, threads)
    step++
    sumChunks(group, from, to)
    adamRange(master, step, from, to)
    transposeRange(master, from, to)
    if (thread == 0) {
      let reconstruction: f64 = 0
      let kl: f64 = 0
      for (let c = 0; c < group.chunks; c++) {
        reconstruction += load<f64>(group.losses + (<usize>c << 4))
        kl += load<f64>(group.losses + (<usize>c << 4), 8)
      }
      sum += (reconstruction + <f64>master.beta * kl) / <f64>size
    }
  }
  if (threads > 1) barrier(group.barrier, threads)
  return sum
}
