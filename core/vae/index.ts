// The variational autoencoder of Sanz (arXiv:2504.05174): trained by the fused WebAssembly trainer (assembly/vae/)
// or by TensorFlow.js, whose backend is the caller's choice (core/tf/node.ts in Node, the client in a browser, the
// worker in workerd). Nothing here imports tfjs: core/vae/trainer.ts loads it only for a tfjs trainer.
export { DEFAULT_VAE_CONFIG, VAE_LIMITS, defaultLatent, resolveVaeConfig } from './config.js'
export type { Activation, VaeConfig } from './config.js'
export { TRAINER_NAMES, decode, disposeVae } from './model.js'
export type { TrainerName, Vae } from './model.js'
export { plannedTrainingSteps, splitRows, trainVae } from './train.js'
export { deserializeTrainingState, serializeTrainingState } from './trainingState.js'
export type { TrainingState } from './trainingState.js'
export type { EpochRecord, TrainedVae, TrainOptions } from './train.js'
export { encodeRows } from './encodeData.js'
export {
  ABORT_ERROR,
  ABORT_STALLED,
  MAX_THREADS,
  STALL_MILLISECONDS,
  TrainingThreadError,
  abortedTraining,
  checkThreadCount,
  threadsOver,
} from './fused/threads.js'
export type { ThreadFailure, TrainingThreads, TrainingThreadsOptions, TrainThreadArguments } from './fused/threads.js'
export type { Encoded } from './encodeData.js'
