import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../../testdata/random.js'
import { verdict } from '../../../core/analysis/index.js'

const base = { features: 2, constantFeatures: 0, dataDimension: 1.02, expectedDegreesOfFreedom: 1, top: { truth: 'truth_theta', distance: 0.97, independenceLevel: 0.05, n: 4000 } }

describe('verdict', () => {
  it('says the paper example in words', () => {
    expect(verdict({ ...base, relevantCount: 2, latentDimension: 1.03 })).toBe(
      '2 input features, 2 relevant latents lying on a 1-dimensional curve: one free coordinate (expected 1); ' +
        'the top latent follows truth_theta (distance correlation 0.97)',
    )
  })
  it('counts constant features as constraints and does not claim a lower-dimensional shape when there is none', () => {
    expect(verdict({ ...base, features: 8, constantFeatures: 2, relevantCount: 2, latentDimension: 2.1, expectedDegreesOfFreedom: null, top: null })).toBe(
      '8 input features (2 constant: exact constraints), 2 relevant latents: two free coordinates',
    )
  })
  it('says "follows" only for a dependence above both the independence level and a Gaussian pair at ρ = 0.5', () => {
    const facts = { ...base, relevantCount: 2, latentDimension: 1.03 }
    expect(verdict({ ...facts, top: { truth: 'truth_cosTheta', distance: 0.12, independenceLevel: 0.05, n: 4000 } })).toContain(
      'no truth observable explains the top latent: its strongest dependence, on truth_cosTheta, is weak (distance correlation 0.12; "follows" needs 0.45, a Gaussian pair correlated at 0.5)',
    )
    expect(verdict({ ...facts, top: { truth: 'truth_cosTheta', distance: 0.04, independenceLevel: 0.05, n: 4000 } })).toContain(
      'no truth observable explains the top latent (strongest: truth_cosTheta, distance correlation 0.04, within the 0.05 that independent samples of 4000 events reach at level 0.01)',
    )
    // Strong but within chance (a tiny sample): not "follows" either.
    expect(verdict({ ...facts, top: { truth: 'truth_theta', distance: 0.6, independenceLevel: 0.7, n: 8 } })).not.toContain('follows')
    expect(verdict({ ...facts, top: { truth: 'truth_theta', distance: 0.5, independenceLevel: 0.05, n: 4000 } })).toContain('the top latent follows truth_theta')
  })
  it('does not read free coordinates off a VAE that kept no latent', () => {
    const text = verdict({ ...base, relevantCount: 0, latentDimension: null })
    expect(text).toContain('no relevant latent')
    expect(text).toContain("the data's intrinsic dimension is 1.0 (expected 1)")
    expect(text).not.toContain('free coordinate')
  })
  it('states no count when training did not converge: undetermined, with the numbers, and the data alone', () => {
    const convergence = { converged: false, samples: '6.6·10⁵', largestDrift: 0.4567, collapsing: 1 }
    const text = verdict({ ...base, relevantCount: 3, latentDimension: 1.03, convergence })
    expect(text).toBe(
      '2 input features, relevant latents undetermined (not converged): 3 above the threshold when training stopped at ' +
        "6.6·10⁵ samples, relevances still moving by up to 0.457 per window; 1 latent still collapsing; the data's intrinsic dimension is 1.0 (expected 1)",
    )
    expect(verdict({ ...base, relevantCount: 3, latentDimension: 1.03, convergence: { ...convergence, largestDrift: null, collapsing: 0 } })).toContain(
      'at 6.6·10⁵ samples, too few for a window of checks',
    )
    // Converged: the count is stated as before.
    expect(verdict({ ...base, relevantCount: 2, latentDimension: 1.03, convergence: { ...convergence, converged: true } })).toMatch(/^2 input features, 2 relevant latents/)
  })
})

/** A random ladder as scaleLadder writes one: counts rising to smaller scales, its text the rungs joined. */
function randomLadder(random: () => number) {
  const rungs: { count: number | null; where: string }[] = []
  let count = 1 + Math.floor(random() * 6)
  let scale = 10 ** (2 - 3 * random())
  rungs.push({ count, where: `at scales above ~${scale.toPrecision(2)}` })
  for (let r = 1 + Math.floor(random() * 3); r > 1; r--) {
    count += 1 + Math.floor(random() * 2)
    scale /= 2 + 10 * random()
    rungs.push(random() < 0.2 ? { count: null, where: `at ~${scale.toPrecision(2)}` } : { count, where: `below ~${scale.toPrecision(2)}` })
  }
  const words = (r: (typeof rungs)[number], i: number) =>
    r.count === null ? `between ${count - 1} and ${count} (${count - 0.5} measured at this scale) ${r.where}` : `${i === 0 ? `${r.count} free coordinate${r.count === 1 ? '' : 's'}` : r.count} ${r.where}`
  return { rungs, text: rungs.map(words).join('; ') }
}

describe('one answer per verdict (issue 16, item 5)', () => {
  it('opens with the ladder, states no other count as free coordinates, and puts the VAE on its rung or on none, over 300 random cases', () => {
    const random = mulberry32(165)
    for (let trial = 0; trial < 300; trial++) {
      const scale = randomLadder(random)
      const relevantCount = 1 + Math.floor(random() * 8)
      const latentDimension = random() < 0.1 ? null : 0.6 + random() * relevantCount
      const expectedDegreesOfFreedom = random() < 0.3 ? null : 1 + Math.floor(random() * 8)
      const converged = random() < 0.8
      const convergence = { converged, samples: '10⁵', largestDrift: 0.1, collapsing: 0 }
      const dataDimension = 1 + 7 * random()
      const text = verdict({ ...base, features: 9, relevantCount: random() < 0.1 ? 0 : relevantCount, latentDimension, dataDimension, expectedDegreesOfFreedom, top: null, scale, convergence })
      const first = `${scale.rungs[0].count} free coordinate`
      expect(text.startsWith(first), text).toBe(true)
      // The phrase "free coordinate" once: the ladder's; the data's nearest-neighbour TwoNN is its finest rung, unrepeated.
      expect(text.split('free coordinate').length - 1, text).toBe(1)
      expect(text).not.toContain("the data's intrinsic dimension")
      // Each rung's words survive in order, an expectation inserted only beside one of them.
      let at = 0
      for (const rung of scale.rungs) {
        at = text.indexOf(rung.where, at)
        expect(at, text).toBeGreaterThanOrEqual(0)
      }
      if (expectedDegreesOfFreedom !== null) {
        const matching = scale.rungs.find((r) => r.count === expectedDegreesOfFreedom) ?? scale.rungs[0]
        expect(text, text).toContain(`${matching.where} (expected ${expectedDegreesOfFreedom})`)
      }
      const vae = / the VAE on (the rung (.+?)(?:;|$)|no rung of the ladder \((\d+) dimensions?)/.exec(text)
      if (!converged || !/, \d relevant latent/.test(text)) {
        expect(vae).toBeNull()
        continue
      }
      const free = Math.max(0, Math.round(latentDimension ?? dataDimension))
      const rung = scale.rungs.find((r) => r.count === free)
      if (rung) expect(vae?.[2], text).toBe(rung.where)
      else expect(Number(vae?.[3]), text).toBe(free)
    }
  })

  it('without a ladder, the VAE count is the answer, as before', () => {
    expect(verdict({ ...base, relevantCount: 2, latentDimension: 1.03, scale: null })).toMatch(/^2 input features, 2 relevant latents lying on a 1-dimensional curve: one free coordinate \(expected 1\)/)
    // A curve with no plateau: said first, and the data's own dimension after it.
    const none = { rungs: [], text: 'the intrinsic dimension has no plateau over the scales measured: the number of free coordinates is undetermined' }
    expect(verdict({ ...base, relevantCount: 0, latentDimension: null, scale: none })).toMatch(/^the intrinsic dimension has no plateau .*; 2 input features, no relevant latent: .*; the data's intrinsic dimension is 1\.0 \(expected 1\)$/)
  })
})
