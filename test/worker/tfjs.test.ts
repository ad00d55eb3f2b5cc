// The analysis inside workerd: tfjs on its wasm backend through core/tf/workerd.ts (precompiled module, no
// compilation from bytes), the same core functions as the CLI.
import { describe, expect, it } from 'vitest'
import { analyze, inputFromEvents } from '../../core/analysis/index.js'
import { generateEvents } from '../../core/index.js'
import { reportSchema } from '../../core/report/schema.js'
import { setupTensorflow } from '../../core/tf/workerd.js'
import { loadWasm } from '../../core/wasm/workerd.js'

describe('tfjs in workerd', () => {
  it('starts the wasm backend and trains a VAE whose report validates', async () => {
    expect(await setupTensorflow()).toBe('wasm')
    const wasm = await loadWasm()
    const events = generateEvents(wasm, { dataset: 'circle', n: 1500, seed: 1 })
    const report = await analyze(wasm, inputFromEvents(events), { config: { epochs: 12 }, trainer: 'tfjs-wasm' })
    expect(reportSchema.parse(report).training.backend).toBe('tfjs-wasm')
    expect(report.training.steps).toBe(12 * Math.floor(1200 / 256))
    expect(report.relevantCount).toBeGreaterThan(0)
  })
})
