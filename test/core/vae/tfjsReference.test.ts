// The fused trainer against tfjs, the trainer it replaces as the default: on the same weights, batch and noise, its
// gradients match tfjs's autodiff of core/vae/tfjs/model.ts's loss, and 50 Adam steps match tf.train.adam's.
import { beforeAll, describe, expect, it } from 'vitest'
import * as tf from '../../../core/tf/tfjs.js'
import { setupTensorflow } from '../../../core/tf/node.js'
import { FusedVae } from '../../../core/vae/fused/network.js'
import { resolveVaeConfig, type VaeConfig } from '../../../core/vae/index.js'
import { createVae, vaeLoss, vaeVariables } from '../../../core/vae/tfjs/model.js'
import { loadWasm } from '../../../core/wasm/node.js'
import type { SymscopeWasm } from '../../../core/wasm/module.js'
import { mulberry32 } from '../../../testdata/random.js'
import { randomArray, randomWeights, SHAPES } from '../../../testdata/randomNetworks.js'

/** tfjs's model for `config` with the given weights, and its loss on (x, noise) as a function for tf.grads. */
function tfjsModel(config: VaeConfig, features: number, weights: Float32Array[]) {
  const model = createVae(config, features)
  const variables = vaeVariables(model)
  variables.forEach((v, i) => v.assign(tf.tensor(weights[i], v.shape)))
  return { model, variables }
}

/** Largest |a − b| over all tensors, relative to the largest |b|. */
function relativeGap(a: Float32Array[], b: Float32Array[]): number {
  let gap = 0
  let largest = 1e-12
  a.forEach((t, i) => t.forEach((v, j) => ((gap = Math.max(gap, Math.abs(v - b[i][j]))), (largest = Math.max(largest, Math.abs(b[i][j]))))))
  return gap / largest
}

describe('the fused trainer against tfjs (wasm backend)', () => {
  let wasm: SymscopeWasm
  beforeAll(async () => {
    wasm = await loadWasm()
    await setupTensorflow('wasm')
  })

  for (const shape of SHAPES) {
    it(`gradients match tfjs autodiff to 1e-4, and 50 Adam steps match tf.train.adam to 1e-5: ${shape.name}`, () => {
      const config = resolveVaeConfig({ beta: 0.3, ...shape.config }, shape.features)
      const random = mulberry32(5 + shape.rows)
      const fused = new FusedVae(wasm, config, shape.features, shape.rows)
      const weights = randomWeights(fused, random)
      fused.setWeights(weights)
      const { model, variables } = tfjsModel(config, shape.features, weights)
      const batch = (t: number) => {
        const r = mulberry32(1000 * t + shape.rows)
        return { x: randomArray(r, shape.rows * shape.features, 1.5), noise: randomArray(r, shape.rows * config.latent, 1.2) }
      }
      const lossOf = (x: Float32Array, noise: Float32Array) => () =>
        vaeLoss(model, tf.tensor2d(x, [shape.rows, shape.features]), tf.tensor2d(noise, [shape.rows, config.latent])).total
      try {
        const { x, noise } = batch(0)
        const ours = fused.gradients(x, noise, shape.rows)
        const theirs = tf.tidy(() => {
          const { value, grads } = tf.variableGrads(lossOf(x, noise), variables)
          return { loss: value.dataSync()[0], gradients: variables.map((v) => Float32Array.from(grads[v.name].dataSync())) }
        })
        expect(Math.abs(ours.loss - theirs.loss)).toBeLessThan(1e-5 * Math.max(1, theirs.loss))
        expect(relativeGap(ours.gradients, theirs.gradients)).toBeLessThan(1e-4)

        const optimizer = tf.train.adam(config.learningRate)
        for (let t = 1; t <= 50; t++) {
          const next = batch(t)
          fused.gradients(next.x, next.noise, shape.rows)
          fused.adamStep(t)
          tf.tidy(() => void optimizer.minimize(lossOf(next.x, next.noise), false, variables))
        }
        optimizer.dispose()
        const after = variables.map((v) => Float32Array.from(v.dataSync()))
        const moved = Math.max(...after.map((w, i) => Math.max(...w.map((v, j) => Math.abs(v - weights[i][j])))))
        expect(moved).toBeGreaterThan(1e-2) // 50 steps of 1e-3 moved the weights: the comparison is not of two idle copies
        const fusedAfter = fused.weights()
        const gap = Math.max(...after.map((w, i) => Math.max(...w.map((v, j) => Math.abs(v - fusedAfter[i][j])))))
        expect(gap).toBeLessThan(1e-5)
      } finally {
        fused.dispose()
        variables.forEach((v) => v.dispose())
      }
    })
  }
})
