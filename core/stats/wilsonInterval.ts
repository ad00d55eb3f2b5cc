/**
 * The Wilson score interval for a binomial share k/n (E. B. Wilson, JASA 22 (1927) 209):
 * centre (p̂ + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n)·√(p̂(1 − p̂)/n + z²/4n²), clipped to [0, 1]. Unlike p̂ ± z·SE
 * it stays inside [0, 1] and is not empty at k = 0, which is where rejection rates at α = 0.01 live.
 */
export function wilsonInterval(k: number, n: number, z = 1.96): { share: number; lower: number; upper: number } {
  const share = k / n
  const centre = (share + (z * z) / (2 * n)) / (1 + (z * z) / n)
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((share * (1 - share)) / n + (z * z) / (4 * n * n))
  return { share, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) }
}
