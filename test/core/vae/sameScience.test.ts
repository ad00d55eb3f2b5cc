// The fused trainer and the tfjs trainer reach the same science on the paper's datasets: the same number of relevant
// latents, and tfjs's relevance spectrum inside the seed-to-seed spread of the fused trainer (three seeds; the
// spread is their range, widened by itself, since three draws underestimate it).
import { describe, expect, it } from 'vitest'
import type { TrainerName } from '../../../core/vae/index.js'
import { analyseDataset, relevanceOf } from '../analysis/analysisCase.js'

const CASES = [
  { dataset: 'circle', n: 4000, relevant: [2] },
  { dataset: 'disk', n: 4000, relevant: [2] },
  { dataset: 'ee_mumu', n: 6000, relevant: [2, 3] },
]

describe('fused and tfjs trainers, same science', () => {
  for (const { dataset, n, relevant } of CASES) {
    it(`${dataset}: the relevant count, and tfjs's spectrum within the fused trainer's seed-to-seed spread`, async () => {
      const run = (trainer: TrainerName, seed: number) => analyseDataset({ dataset, n, seed: 1 }, { config: { epochs: 40, seed }, trainer })
      const fused = await Promise.all([1, 2, 3].map((seed) => run('fused', seed)))
      const tfjs = await run('tfjs-wasm', 1)
      for (const report of [...fused, tfjs]) expect(relevant).toContain(report.relevantCount)
      expect(tfjs.relevantCount).toBe(fused[0].relevantCount)
      const spectra = fused.map(relevanceOf)
      relevanceOf(tfjs).forEach((r, i) => {
        const values = spectra.map((s) => s[i])
        const low = Math.min(...values)
        const high = Math.max(...values)
        const spread = Math.max(high - low, 0.01)
        expect(r, `latent ${i} of ${dataset}: fused ${values.map((v) => v.toFixed(3)).join(', ')}`).toBeGreaterThanOrEqual(low - spread)
        expect(r, `latent ${i} of ${dataset}: fused ${values.map((v) => v.toFixed(3)).join(', ')}`).toBeLessThanOrEqual(high + spread)
      })
    }, 180_000)
  }
})
