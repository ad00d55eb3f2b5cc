// The tfjs that core trains with: tfjs-core's ops, variables and optimisers. Only core/vae/tfjs/ imports it, and only
// when a tfjs trainer is chosen, so the fused trainer never loads tfjs. The runtime's setup registers the backends
// and the gradients that training needs (core/tf/node.ts, core/tf/workerd.ts, the web worker's tfjsCore.ts).
export * from '@tensorflow/tfjs-core'
