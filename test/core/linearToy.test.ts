// The linear toy model (docs/method.md): a linear VAE on Gaussian data keeps one latent per
// eigenvalue λ_k of the correlation matrix above βD/2, with relevance 1 − βD/(2λ_k), and collapses the rest.
// The formula (core/analysis/linearToy.ts) against its closed form, then the real analysis against the formula.
import { beforeAll, describe, expect, it } from 'vitest'
import { analyze, collapseThreshold, inputFromEvents, linearToyRelevance } from '../../core/analysis/index.js'
import { covariance, generateEvents, isSymscopeError, standardise, symmetricEigen, type SymscopeWasm } from '../../core/index.js'
import { setupTensorflow } from '../../core/tf/node.js'
import { loadWasm } from '../../core/wasm/node.js'

describe('linearToyRelevance', () => {
  it('gives R_k = 1 − βD/(2λ_k) above the threshold βD/2 and 0 below', () => {
    // D = 3, β = 0.1: threshold 0.15; 1 − 0.15/2 = 0.925, 1 − 0.15/0.9 = 0.8333…, 0.1 < 0.15 collapses.
    expect(collapseThreshold(3, 0.1)).toBeCloseTo(0.15, 15)
    const relevance = linearToyRelevance([2, 0.9, 0.1], 0.1)
    expect(relevance[0]).toBeCloseTo(0.925, 15)
    expect(relevance[1]).toBeCloseTo(1 - 0.15 / 0.9, 15)
    expect(relevance[2]).toBe(0)
    // Order is kept, D is the number of eigenvalues, and exactly at the threshold (here 0.3 · 2/2) a direction collapses.
    const [low, high] = linearToyRelevance([0.3, 2.7], 0.3)
    expect(low).toBe(0)
    expect(high).toBeCloseTo(1 - 0.3 / 2.7, 15)
  })

  it('keeps every direction whole without the KL term (β = 0), and none when β is large', () => {
    expect(linearToyRelevance([1.5, 1, 0.5], 0)).toEqual([1, 1, 1])
    expect(linearToyRelevance([1.5, 1, 0.5], 1)).toEqual([0, 0, 0])
    expect(linearToyRelevance([3, 0, 0], 0)).toEqual([1, 0, 0])
  })

  it('refuses negative or missing eigenvalues and a bad β', () => {
    for (const [eigenvalues, beta] of [[[], 0.1], [[1, -0.5], 0.1], [[1, Number.NaN], 0.1], [[1, 1], -1], [[1, 1], Number.POSITIVE_INFINITY]] as const) {
      let error: unknown
      try {
        linearToyRelevance(eigenvalues as unknown as number[], beta)
      } catch (caught) {
        error = caught
      }
      expect(isSymscopeError(error)).toBe(true)
    }
    expect(() => collapseThreshold(0, 0.1)).toThrow(/collapseThreshold requires D ≥ 1/)
  })
})

describe('the linear VAE on the gaussian dataset', () => {
  // 100,000 events, half held out: the relevance is a variance over the 50,000 validation events (standard error
  // R·√(2/50,000) ≈ 0.006). Adam at 1e-2 on batches of 1024 for 60 epochs (2,880 steps): converged (1 − <σ²> within
  // 0.004 of the formula), and the weights' jitter at this step size moves R by up to about 0.02; at batch 256 it moved
  // R by 0.03, and fewer steps leave R above the formula (docs/linear-toy-model.md). About 7 s per β on 2 cores.
  const n = 100_000
  const params = { v1: 2, v2: 0.9, v3: 0.1 }
  const training = { linear: true, latent: 3, epochs: 60, learningRate: 1e-2, batchSize: 1024, validationSplit: 0.5, seed: 1 }

  let wasm: SymscopeWasm
  let eigenvalues: number[]
  let events: ReturnType<typeof generateEvents>
  beforeAll(async () => {
    wasm = await loadWasm()
    await setupTensorflow('wasm')
    events = generateEvents(wasm, { dataset: 'gaussian', n, seed: 1, params })
    // The correlation matrix as the VAE sees it: the covariance of the standardised features.
    const standardised = standardise(wasm, Float32Array.from(events.features), n, 3)
    const c = covariance(wasm, standardised.data, n, 3)
    eigenvalues = symmetricEigen([[c[0], c[1], c[2]], [c[3], c[4], c[5]], [c[6], c[7], c[8]]]).values
  })

  for (const beta of [0.1, 0.2]) {
    it(`keeps latents with R_k = 1 − 3β/(2λ_k) and collapses λ_k < 3β/2, β = ${beta}`, async () => {
      // The full 60 epochs: the rotation within the active plane (below) is slower than anything the report states, so
      // the stopping rule may end before it (at β = 0.1 after 30 epochs, |r| = 0.96 and 0.91, R within 0.015).
      const report = await analyze(wasm, inputFromEvents(events), { config: { ...training, beta }, untilCap: true })
      const predicted = linearToyRelevance(eigenvalues, beta) // eigenvalues are in decreasing order, so is R
      const threshold = collapseThreshold(3, beta)
      const measured = report.latents // sorted by decreasing relevance
      const alignment = measured.map((l, k) => report.correlations.find((c) => c.latent === l.index && c.truth === `truth_z${k + 1}`)!.pearson)
      console.log(
        `β = ${beta}: λ = ${eigenvalues.map((l) => l.toFixed(4)).join(', ')}; predicted R = ${predicted.map((r) => r.toFixed(4)).join(', ')}; ` +
          `measured R = ${measured.map((l) => l.relevance.toFixed(4)).join(', ')}; 1 − <σ²> = ${measured.map((l) => l.oneMinusSigma2.toFixed(4)).join(', ')}; ` +
          `|r(μ_k, z_k)| = ${alignment.map((r) => Math.abs(r).toFixed(5)).join(', ')}; ` +
          `${report.training.seconds.toFixed(1)} s, best epoch ${report.training.bestEpoch}`,
      )
      predicted.forEach((r, k) => {
        expect(Math.abs(measured[k].relevance - r)).toBeLessThan(0.05)
        // The same optimum fixes the posterior variance, σ_k² = βD/(2λ_k): 1 − <σ_k²> = R_k too.
        expect(Math.abs(measured[k].oneMinusSigma2 - r)).toBeLessThan(0.02)
        if (eigenvalues[k] < threshold) expect(measured[k].relevance).toBeLessThan(0.02)
      })
      expect(report.relevantCount).toBe(eigenvalues.filter((l) => l > threshold).length)
      // The report carries the same comparison, rank by rank, with the eigenvalues of its own standardised features.
      const toy = report.linearToy!
      expect(toy.collapseThreshold).toBeCloseTo(threshold, 12)
      toy.ranks.forEach((r, k) => {
        expect(r.eigenvalue!).toBeCloseTo(eigenvalues[k], 3)
        expect(r.measured).toBe(measured[k].relevance)
        expect(Math.abs(r.predicted - predicted[k])).toBeLessThan(1e-3)
      })
      // Each active latent is one principal coordinate: at the optimum μ_k is linear in z_k alone (r = ±1). The
      // rotation within the active plane converges slowest (it costs 3e-4 in loss at 5°): after 60 epochs 0.989 ≤ |r|
      // (seeds 1–3), so the test asks that z_k explain 95 % of the latent's variance, r² > 0.95.
      predicted.forEach((r, k) => {
        if (r > 0) expect(alignment[k] ** 2).toBeGreaterThan(0.95)
      })
    }, 120_000)
  }
})
