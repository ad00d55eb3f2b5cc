import { describe, expect, it } from 'vitest'
import { DEFAULT_THRESHOLD } from '../../../core/analysis/limits.js'
import { DEFAULT_VAE_CONFIG } from '../../../core/vae/config.js'
import { DEFAULT_EVENTS, generatorSource, requestBody, scanSettings, SETTING_DEFAULTS, trainingSettings } from '../../../client/web/src/analysisSpec.js'

describe('from the form or URL to an analysis', () => {
  it('shows the documented defaults (docs/method.md: β 0.1, Adam 1e-3, batch 256, h 64, threshold 0.05)', () => {
    expect(SETTING_DEFAULTS).toMatchObject({ beta: '0.1', lr: '0.001', batch: '256', hidden: '64', layers: '2', threshold: String(DEFAULT_THRESHOLD) })
    expect(SETTING_DEFAULTS.epochs).toBe(String(DEFAULT_VAE_CONFIG.epochs))
  })

  it('turns URL settings into core VAE settings under their own names', () => {
    expect(trainingSettings({ epochs: '20', seed: '1', batch: '128', lr: '0.002', activation: 'tanh', threshold: '0.1' }, 2)).toEqual({
      config: { epochs: 20, seed: 1, batchSize: 128, learningRate: 0.002, activation: 'tanh' },
      threshold: 0.1,
    })
    expect(trainingSettings({}, 2)).toEqual({ config: {}, threshold: undefined })
  })

  it("rejects bad settings with core's messages, naming the setting", () => {
    expect(() => trainingSettings({ epochs: 'many' }, 2)).toThrow("epochs: 'many' is not a number")
    expect(() => trainingSettings({ latent: '100' }, 2)).toThrow(/latent/)
    expect(() => trainingSettings({ threshold: '1.5' }, 2)).toThrow('threshold must be a number > 0 and < 1; got 1.5')
  })

  it("makes a scan of a β grid, checked by core's parseBetaGrid and the seed limit; none without a grid", () => {
    expect(scanSettings({ betas: ' 0.05:1:3 ', seeds: '2' })).toEqual({ betas: '0.05:1:3', seeds: 2 })
    expect(scanSettings({ betas: '0.1,0.2' })).toEqual({ betas: '0.1,0.2', seeds: 1 })
    expect(scanSettings({ epochs: '3' })).toBeUndefined()
    // The scan keys are not VAE settings: trainingSettings leaves them alone.
    expect(trainingSettings({ betas: '0.1,0.2', seeds: '2' }, 2)).toEqual({ config: {}, threshold: undefined })
    expect(() => scanSettings({ betas: '1:0.1:3' })).toThrow("the β grid '1:0.1:3' must run upwards (from < to)")
    expect(() => scanSettings({ betas: '0.1,0.1' })).toThrow('repeats 0.1')
    expect(() => scanSettings({ betas: '0.1:1:3', seeds: '33' })).toThrow('seeds must be an integer from 1 to 32; got 33')
    expect(() => scanSettings({ betas: '0.1:1:3', seeds: '1.5' })).toThrow(/seeds must be an integer/)
    expect(() => scanSettings({ seeds: '2' })).toThrow('a seed count needs a β grid')
  })

  it("checks generator parameters with the registry's schema and fills the defaults", () => {
    expect(generatorSource('circle', '', 3, { noise: '0.01' })).toEqual({ kind: 'generator', dataset: 'circle', n: DEFAULT_EVENTS, seed: 3, params: { radius: 1, noise: 0.01 } })
    expect(generatorSource('drell_yan', '100', 1, { etaMax: 'none' })).toMatchObject({ params: { etaMax: null } })
    expect(() => generatorSource('circle', '100', 1, { radius: '-1' })).toThrow(/radius/)
    expect(() => generatorSource('circle', '100', 1, { colour: 'red' })).toThrow(/unknown parameter 'colour'/)
    expect(() => generatorSource('sphere', '100', 1, {})).toThrow(/unknown dataset 'sphere'/)
  })

  it('builds the API request body the worker validates', () => {
    const source = generatorSource('circle', '2000', 2, {})
    expect(requestBody({ source, config: { epochs: 5, seed: 2 }, threshold: undefined, run: 'server', backend: 'auto' })).toEqual({
      dataset: { generator: { name: 'circle', n: 2000, seed: 2, params: { radius: 1, noise: 0 } } },
      config: { epochs: 5, seed: 2, threshold: undefined },
    })
    const csv = requestBody({ source: { kind: 'csv', name: 'a.csv', text: 'x,y\n1,2\n' }, config: {}, threshold: 0.1, run: 'server', backend: 'auto' })
    expect(csv).toEqual({ dataset: { csv: 'x,y\n1,2\n', name: 'a.csv' }, config: { threshold: 0.1, angular: undefined } })
  })
})
