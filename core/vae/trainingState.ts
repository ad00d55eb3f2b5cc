import type { CheckRecord } from './convergence.js'
import type { TrainerName } from './model.js'

/** One epoch of a training, as the report's `training.history` keeps it. */
export interface EpochRecord {
  /** Epochs begun: the last record of a training that stopped inside an epoch counts that partial epoch. */
  epoch: number
  /** Training samples seen when it was recorded. */
  samples?: number
  loss: number
  validationLoss: number
  reconstruction: number
  kl: number
  /** Seconds since training started. */
  seconds: number
}

/**
 * Everything needed to continue a training where it stopped (a slice of a server job): the weights, Adam's moments
 * and iteration count, the best weights so far, and where in the epoch it was. The shuffles and the noise are
 * derived from (seed, epoch) and (seed, step), so a training continued from its state is bit for bit the training
 * that never stopped.
 */
export interface TrainingState {
  /** The trainer that wrote it; only the same trainer resumes it. */
  trainer: TrainerName
  /** Epochs completed. */
  epoch: number
  /** Batches done in the current, unfinished epoch. */
  batch: number
  /** Optimiser steps done in all. */
  step: number
  /** Sum of the training losses of the current epoch's batches so far. */
  lossSum: number
  weights: Float32Array[]
  /** Adam's state: the iteration count, then the first and second moments in the weights' shapes (tfjs's order). */
  optimizer: Float32Array[]
  /** The lowest validation loss and its epoch (weights: none are kept since 0.4.0, the last weights are the result). */
  best: { loss: number; epoch: number; weights: Float32Array[] }
  history: EpochRecord[]
  /** The convergence checks so far (core/vae/convergence.ts): the stopping rule's window continues from them. */
  checks: CheckRecord[]
  /** Seconds trained before this slice. */
  seconds: number
}

const MAGIC = 0x53594d53 // "SYMS"

/** The state as one byte array: a little-endian header (magic, JSON length), the JSON of the scalars, the arrays. */
export function serializeTrainingState(state: TrainingState): Uint8Array {
  const arrays = [...state.weights, ...state.optimizer, ...state.best.weights]
  const meta = JSON.stringify({
    trainer: state.trainer,
    epoch: state.epoch,
    batch: state.batch,
    step: state.step,
    lossSum: state.lossSum,
    best: { loss: state.best.loss, epoch: state.best.epoch },
    history: state.history,
    checks: state.checks,
    seconds: state.seconds,
    counts: [state.weights.length, state.optimizer.length, state.best.weights.length],
    lengths: arrays.map((a) => a.length),
  })
  const metaBytes = new TextEncoder().encode(meta)
  const headerBytes = 8 + metaBytes.length
  const padded = headerBytes + ((4 - (headerBytes % 4)) % 4)
  const total = padded + 4 * arrays.reduce((sum, a) => sum + a.length, 0)
  const bytes = new Uint8Array(total)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, MAGIC, true)
  view.setUint32(4, metaBytes.length, true)
  bytes.set(metaBytes, 8)
  let offset = padded
  for (const a of arrays) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offset)
    offset += a.byteLength
  }
  return bytes
}

/** Reads what `serializeTrainingState` wrote; throws on anything else. */
export function deserializeTrainingState(bytes: Uint8Array): TrainingState {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('not a symscope training state')
  const metaLength = view.getUint32(4, true)
  const meta = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + metaLength)))
  const headerBytes = 8 + metaLength
  let offset = headerBytes + ((4 - (headerBytes % 4)) % 4)
  const arrays = (meta.lengths as number[]).map((length) => {
    const copy = new Float32Array(length)
    new Uint8Array(copy.buffer).set(bytes.subarray(offset, offset + 4 * length))
    offset += 4 * length
    return copy
  })
  const [w, o] = meta.counts as number[]
  return {
    trainer: meta.trainer ?? 'tfjs-wasm',
    epoch: meta.epoch,
    batch: meta.batch,
    step: meta.step,
    lossSum: meta.lossSum,
    weights: arrays.slice(0, w),
    optimizer: arrays.slice(w, w + o),
    best: { loss: meta.best.loss ?? Infinity, epoch: meta.best.epoch, weights: arrays.slice(w + o) },
    history: meta.history,
    checks: meta.checks ?? [],
    seconds: meta.seconds,
  }
}
