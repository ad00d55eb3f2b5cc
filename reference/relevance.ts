// Per-latent statistics straight from the design's formulas, in f64.

export function relevanceReference(means: ArrayLike<number>, logVariances: ArrayLike<number>, rows: number, latents: number) {
  return Array.from({ length: latents }, (_, j) => {
    let sumMu = 0
    for (let i = 0; i < rows; i++) sumMu += means[i * latents + j]
    const meanMu = sumMu / rows
    let variance = 0
    let kl = 0
    let sigma2 = 0
    for (let i = 0; i < rows; i++) {
      const mu = means[i * latents + j]
      const logVariance = logVariances[i * latents + j]
      variance += (mu - meanMu) ** 2
      kl += 0.5 * (mu * mu + Math.exp(logVariance) - logVariance - 1)
      sigma2 += Math.exp(logVariance)
    }
    return { index: j, relevance: variance / rows, kl: kl / rows, oneMinusSigma2: 1 - sigma2 / rows }
  })
}
