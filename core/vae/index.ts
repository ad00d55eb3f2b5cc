// The variational autoencoder of Sanz (arXiv:2504.05174) in TensorFlow.js. The backend is the caller's choice
// (core/tf/node.ts in Node, the client in a browser, the worker in workerd); nothing here picks one.
export { DEFAULT_VAE_CONFIG, VAE_LIMITS, defaultLatent, resolveVaeConfig } from './config.js'
export type { Activation, VaeConfig } from './config.js'
export { createVae, decode, disposeVae, encode, vaeLoss, vaeVariables } from './model.js'
export type { Vae, VaeLoss } from './model.js'
export { plannedTrainingSteps, splitRows, trainVae } from './train.js'
export { deserializeTrainingState, serializeTrainingState } from './trainingState.js'
export type { TrainingState } from './trainingState.js'
export type { EpochRecord, TrainedVae, TrainOptions } from './train.js'
export { encodeRows } from './encodeData.js'
export type { Encoded } from './encodeData.js'
