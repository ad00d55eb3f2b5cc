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
//
// A thread that dies must not leave the others waiting forever. A thread that throws (a trap) has its platform code
// call vaeGroupAbort; a thread that vanishes (terminated) is noticed by the waiting ones: a barrier waits in slices of
// WAIT_SLICE_NS, and when no thread has arrived or finished a chunk for `stallMs` it aborts naming the first thread
// that has not arrived. Either way every thread leaves at its next barrier and vaeTrainThread returns NaN; thread 0's
// caller reads vaeGroupAborted and throws.

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

/** How long one wait at a barrier sleeps before it looks for an abort or a stall: 100 ms. */
const WAIT_SLICE_NS: i64 = 100_000_000

/** Reasons in the abort word (vaeGroupAborted): (reason << 8) | (thread + 1). */
const ABORT_ERROR = 1 // core/vae/fused/threads.ts reads these two
const ABORT_STALLED = 2

/** Most threads of a group: MAX_THREADS of core/vae/fused/threads.ts. */
const MAX_THREADS = 16

// The barrier block: i32 words.
const ARRIVED = 0 // threads arrived at the barrier
const GENERATION = 4 // its generation, which the last arrival advances
const ABORT = 8 // 0, or why and which thread stopped the training
const PROGRESS = 12 // chunks finished, by any thread (a stall is a time with neither arrivals nor chunks)
const ARRIVALS = 16 // per thread: the generation it last arrived at, + 1 (finds the one that never came)
const BARRIER_BYTES = ARRIVALS + 4 * MAX_THREADS

@unmanaged class Group {
  master: usize
  batchRows: i32
  chunks: i32
  chunkRows: i32
  /** chunks × the replica networks' handles. */
  replicas: usize
  /** chunks × (reconstruction sum, KL sum) f64 of the last step. */
  losses: usize
  /** The barrier block (BARRIER_BYTES): arrivals, generation, abort word, progress, per-thread arrivals. */
  barrier: usize
  /** A test hook (vaeGroupFaultForTest): thread `faultThread` fails at step `faultStep` (−1: never) in `faultKind`'s way. */
  faultThread: i32
  faultStep: i32
  faultKind: i32
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
  return <f64>vaeChunks(batchRows) * replica + <f64>(offsetof<Group>() + 16 * (MAX_CHUNKS + 1) + BARRIER_BYTES)
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
  group.barrier = heap.alloc(BARRIER_BYTES)
  memory.fill(group.barrier, 0, BARRIER_BYTES)
  group.faultThread = -1
  group.faultStep = -1
  group.faultKind = 0
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

/**
 * Stops the training of a group: `thread` failed for `reason` (ABORT_ERROR: it threw; ABORT_STALLED: it never came to
 * a barrier). The first abort is kept; every thread waiting at a barrier is woken and leaves.
 */
export function vaeGroupAbort(groupHandle: usize, thread: i32, reason: i32): void {
  const at = changetype<Group>(groupHandle).barrier
  atomic.cmpxchg<i32>(at + ABORT, 0, (reason << 8) | (thread + 1))
  atomic.notify(at + GENERATION, -1)
}

/** 0 while the group trains; else (reason << 8) | (thread + 1) of the first abort. */
export function vaeGroupAborted(groupHandle: usize): i32 {
  return atomic.load<i32>(changetype<Group>(groupHandle).barrier + ABORT)
}

/**
 * A test hook, not for use: thread `thread` fails at step `step`, by a trap (kind 1, `unreachable`) or by leaving
 * vaeTrainThread without a word to the others (kind 2, as a terminated thread would), so that tests can check that a
 * dying thread fails the training cleanly.
 */
export function vaeGroupFaultForTest(groupHandle: usize, thread: i32, step: i32, kind: i32): void {
  const group = changetype<Group>(groupHandle)
  group.faultThread = thread
  group.faultStep = step
  group.faultKind = kind
}

/**
 * Waits until all `threads` threads have arrived (a counter and a generation, the last arrival wakes the rest).
 * False when the training was aborted, or when nothing moved (no arrival, no finished chunk) for `stallMs`
 * milliseconds (0: no limit), which aborts it naming the first thread that has not arrived.
 */
function barrier(at: usize, thread: i32, threads: i32, stallMs: i32): bool {
  if (atomic.load<i32>(at + ABORT) != 0) return false
  const generation = atomic.load<i32>(at + GENERATION)
  atomic.store<i32>(at + ARRIVALS + (<usize>thread << 2), generation + 1)
  if (atomic.add<i32>(at + ARRIVED, 1) == threads - 1) {
    atomic.store<i32>(at + ARRIVED, 0)
    atomic.add<i32>(at + GENERATION, 1)
    atomic.notify(at + GENERATION, threads)
    return true
  }
  for (let i = 0; i < SPINS; i++) if (atomic.load<i32>(at + GENERATION) != generation) return true
  let arrived = atomic.load<i32>(at + ARRIVED)
  let progress = atomic.load<i32>(at + PROGRESS)
  let idle: i64 = 0
  while (atomic.load<i32>(at + GENERATION) == generation) {
    if (atomic.load<i32>(at + ABORT) != 0) return false
    if (atomic.wait<i32>(at + GENERATION, generation, WAIT_SLICE_NS) != AtomicWaitResult.TIMED_OUT) continue
    const nowArrived = atomic.load<i32>(at + ARRIVED)
    const nowProgress = atomic.load<i32>(at + PROGRESS)
    if (nowArrived != arrived || nowProgress != progress) {
      arrived = nowArrived
      progress = nowProgress
      idle = 0
      continue
    }
    idle += WAIT_SLICE_NS
    if (stallMs > 0 && idle >= <i64>stallMs * 1_000_000) {
      let missing = 0
      while (missing < threads && atomic.load<i32>(at + ARRIVALS + (<usize>missing << 2)) == generation + 1) missing++
      atomic.cmpxchg<i32>(at + ABORT, 0, (ABORT_STALLED << 8) | (min(missing, threads - 1) + 1))
      atomic.notify(at + GENERATION, -1)
      return false
    }
  }
  return true
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
  atomic.add<i32>(group.barrier + PROGRESS, 1)
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
 * the same numbers in the same order as one that never stopped (the others return lossBefore). Every thread returns
 * NaN when the training was aborted (vaeGroupAborted says why); `stallMs` bounds a barrier's wait (see barrier).
 */
export function vaeTrainThread(
  groupHandle: usize, data: usize, trainRows: usize, order: usize, firstBatch: i32, endBatch: i32,
  seed: u64, firstStep: i32, lossBefore: f64, thread: i32, threads: i32, stallMs: i32,
): f64 {
  const group = changetype<Group>(groupHandle)
  const master = changetype<Network>(group.master)
  const size = group.batchRows
  // This thread's slice of the parameters, in whole f32x4 lanes.
  const lanes = master.parameterFloats >> 2
  const share = (lanes + threads - 1) / threads
  const from = min(thread * share, lanes) << 2
  const to = min((thread + 1) * share, lanes) << 2
  // A call that comes after an abort (a message that arrived late) must not touch the network: leave at once.
  if (atomic.load<i32>(group.barrier + ABORT) != 0) return NaN
  let sum = lossBefore
  let step = firstStep
  // The weights may have been set since the last call (a resume, the best epoch's): transpose them all afresh.
  transposeRange(master, from, to)
  for (let b = firstBatch; b < endBatch; b++) {
    if (thread == 0) vaeNoise(seed, <u64>step, size * master.latent, master.noise)
    if (threads > 1 && !barrier(group.barrier, thread, threads, stallMs)) return NaN
    if (thread == group.faultThread && step == group.faultStep) {
      if (group.faultKind == 1) unreachable()
      return NaN
    }
    for (let c = thread; c < group.chunks; c += threads) chunkGradients(group, c, data, trainRows, order, b * size)
    if (threads > 1 && !barrier(group.barrier, thread, threads, stallMs)) return NaN
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
  if (threads > 1 && !barrier(group.barrier, thread, threads, stallMs)) return NaN
  return sum
}
