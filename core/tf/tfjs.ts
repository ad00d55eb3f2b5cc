// The tfjs that core trains with: tfjs-core's ops, variables and optimisers, with the side effects the union package
// @tensorflow/tfjs would add and training needs (the gradients, the chained ops). Only core/vae/tfjs/ imports it,
// and only when a tfjs trainer is chosen, so the fused trainer never loads tfjs. The backends are registered by
// the runtime's setup (core/tf/node.ts, core/tf/workerd.ts, the web worker).
export * from '@tensorflow/tfjs-core'
import '@tensorflow/tfjs-core/dist/register_all_gradients'
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops'
