// A fast sample of the symmetry truth suite (issue 16; the whole suite and its confusion table: bench/symmetryTruth.ts):
// cases whose fields are known by construction, and properties that must hold on every one of them.
import { describe, expect, it } from 'vitest'
import { findSymmetries, symmetriesSchema } from '../../../core/index.js'
import { structureConstants } from '../../../core/symmetries/tangentFields/lieAlgebra.js'
import { dataTangents } from '../../../core/symmetries/tangentFields/dataTangents.js'
import { linearConstraints } from '../../../core/symmetries/constraints/linearConstraints.js'
import { wasmMoments } from '../../../core/symmetries/kernels/blockMoments.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { TRUTH_CLASSES, embedShape, plane, truthCase } from '../../../testdata/symmetryTruth/cases.js'
import { mulberry32, normalSampler } from '../../../testdata/random.js'
import { grade } from '../../../testdata/symmetryTruth/grade.js'
import { distributionText } from '../../../core/report/symmetryWording.js'
import { discreteTruthCase } from '../../../testdata/symmetryTruth/discreteCases.js'
import { gradeDiscrete } from '../../../testdata/symmetryTruth/discreteGrade.js'

const wasm = await loadWasm()
// The heaviest tests below run findSymmetries on up to 18 cases of 4,000 events; the smeared ones refine estimated
// fields by affine pushforwards (invariance/refineOrbit.ts, ~1–3 s a case): 180 s each on a loaded machine.

describe('symmetry truth suite (sample)', () => {
  it('one case per class: never throws, passes the schema, and a named manifold algebra closes under the bracket', () => {
    for (let i = 0; i < TRUTH_CLASSES.length; i++) {
      const truth = truthCase(i, { n: 2000 })
      const s = findSymmetries(wasm, { names: truth.names, data: truth.data, n: truth.n })
      expect(() => symmetriesSchema.parse(s)).not.toThrow()
      const m = s.manifoldAlgebra!
      if (m.status === 'determined') expect(m.closure).toBeLessThan(0.05)
      else if (m.status === 'undetermined') expect(m.reason).toBeTruthy()
      expect(['right', 'withheld', 'wrong']).toContain(grade(s, truth).verdict)
    }
  })

  it('no wrong claim on a sample of two cases per class (the issue\'s bar: wrong ≤ 2 %), and every withheld one says why', () => {
    // Cases 9 … 26 of the suite (seed 16) at its 4,000 events (the bench's size: at 2,000 an estimated rotation of a
    // hyperboloid leaves the true span by 11 %, past the grading's 10 %): every class twice.
    const verdicts: string[] = []
    for (let i = TRUTH_CLASSES.length; i < 3 * TRUTH_CLASSES.length; i++) {
      const truth = truthCase(i, { n: 4000 })
      const s = findSymmetries(wasm, { names: truth.names, data: truth.data, n: truth.n })
      const { verdict, reason } = grade(s, truth)
      verdicts.push(verdict)
      expect(`${truth.label}: ${verdict} ${reason}`).not.toMatch(/: wrong /)
      if (verdict === 'withheld') {
        const why = s.distributionAlgebra?.status === 'undetermined' ? s.distributionAlgebra.reason : s.manifoldAlgebra?.reason
        expect(why).toBeTruthy()
      }
    }
    // The sample is not all withheld: a section that never answers would pass the line above.
    expect(verdicts.filter((v) => v === 'right').length).toBeGreaterThanOrEqual(TRUTH_CLASSES.length / 2)
  }, 180_000)

  it('a sphere cut at |x3| < c keeps its rotation about x3: the distribution algebra has it or says it is undetermined, never "none"', () => {
    // Case 59: the rotation estimated on the proposal half is rejected by the test half's Monte Carlo test, and the
    // test half sees a near-invariant direction too: the halves disagree, so nothing is claimed (issue 16).
    const truth = truthCase(59, { n: 4000 })
    expect(truth.label).toMatch(/sphere S², \|x3\| < /)
    const s = findSymmetries(wasm, { names: truth.names, data: truth.data, n: truth.n })
    const d = s.distributionAlgebra!
    expect(d.dimension === 1 || d.status === 'undetermined').toBe(true)
    expect(grade(s, truth).verdict).not.toBe('wrong')
    if (d.status === 'undetermined') {
      expect(d.reason).toMatch(/both halves/)
      expect(distributionText(d)).toMatch(/^undetermined \(a direction that reads invariant on both halves/)
    }
  })

  it('the events\' tangent spaces accept the true rotation of a circle in random coordinates and reject a false field', () => {
    for (const index of [0, 36]) {
      // Cases 0 and 36: compact orbits (circles), random affine coordinates and unit scales.
      const truth = truthCase(index, { n: 4000 })
      expect(truth.label).toMatch(/circle, uniform/)
      const D = truth.names.length
      const moments = wasmMoments(wasm, truth.data, truth.n, D)
      try {
        const { span } = linearConstraints(moments, truth.data, truth.n, D, truth.names)
        const d = span.free.length
        expect(d).toBe(2)
        const check = dataTangents(truth.data, truth.n, D, span, 1, 0)!
        // The rotation of the ellipse the circle became: in standardised coordinates z, its field is A z + b with A
        // from the ellipse's quadratic form; read it from the spectrum instead: exactly one field below the acceptance,
        // and the next one orders of magnitude above it (the gap).
        expect(check.spectrum.filter((v) => v < check.threshold)).toHaveLength(1)
        expect(check.spectrum[1]).toBeGreaterThan(100 * check.threshold)
        // A translation is no symmetry of a circle.
        const translation = new Float64Array(d * d + d)
        translation[d * d] = 1
        expect(check.worst([translation])).toBeGreaterThan(check.threshold)
      } finally {
        moments.dispose()
      }
    }
  })

  it('a cubic\'s shear and a sine curve\'s "none" are named, a curve on a cylinder is withheld', () => {
    // Seed 16's cases 218 (y = x³ + c x: one field, δx = x, δy = 3y − 2c x), 39 (a sine curve: no affine field) and
    // 120 ((cos t, sin t, t²): no field, but a rotation with a drift along the cylinder reads within the events'
    // acceptance, its next field only ~50× beyond). Where the constraints do not decide, the events do only across a
    // gap of 10³.
    for (const [index, expected] of [[218, 'right'], [39, 'right'], [120, 'withheld']] as const) {
      const truth = truthCase(index, { n: 4000 })
      const s = findSymmetries(wasm, { names: truth.names, data: truth.data, n: truth.n })
      const { verdict, reason } = grade(s, truth)
      expect(`${truth.label}: ${verdict} ${reason}`).toMatch(new RegExp(`: ${expected}`))
      // The cubic, refined onto the events' exact null space (exactNullSpace.ts), now holds to rounding and its own
      // tangency system decides; the sine curve has no constraint that could, and the events decide.
      if (index === 218) expect(s.manifoldAlgebra!.reason).toBeNull()
      if (index === 39) expect(s.manifoldAlgebra!.reason).toMatch(/leaves the events' own tangent spaces/)
    }
  })

  it('a compact proposal refined to pass the test must pass on both halves: a weak broken harmonic is not claimed', () => {
    // Seed 16's cases 105 and 231 (spheres whose azimuth ∝ 1 + a cos(2φ + φ0), a = 0.38 and 0.31, in random
    // coordinates: no invariance). The direction refined on the proposal half reads p 0.02–0.3 on the test half, where
    // the test has little power against it, and 231 was claimed invariant (wrong); on the proposal half, where it is
    // the best direction, it still reads p ~1e-3, and the two halves' p-values join by Bonferroni. Both are withheld.
    for (const index of [105, 231]) {
      const truth = truthCase(index, { n: 4000 })
      expect(truth.label).toMatch(/broken harmonic .*sphere.*cos\(2φ/)
      const s = findSymmetries(wasm, { names: truth.names, data: truth.data, n: truth.n })
      const d = s.distributionAlgebra!
      expect(d.dimension).toBe(0)
      expect(d.tests.some((t) => t.source === 'proposed' && !t.invariant)).toBe(true)
      expect(grade(s, truth).verdict).not.toBe('wrong')
    }
  })

  it('structure constants: a set whose brackets leave it reads a closure far above the tolerance', () => {
    // δx = y and δy = x (a boost) with δx = x (a scaling of x alone): their bracket has a δy = y part outside.
    const boost = Float64Array.from([0, 1, 1, 0, 0, 0])
    const scaleX = Float64Array.from([1, 0, 0, 0, 0, 0])
    expect(structureConstants([boost, scaleX], 2).closure).toBeGreaterThan(0.5)
  })

  it('discrete classes (issue 20), one case each: the exchange of identical objects found, a broken reflection rejected, no reflection of chiral pairs', () => {
    const run = (index: number) => {
      const truth = discreteTruthCase(index)
      const s = findSymmetries(wasm, { names: truth.names, data: truth.data, n: truth.n })
      expect(() => symmetriesSchema.parse(s)).not.toThrow()
      return { truth, s, graded: gradeDiscrete(s.discrete, truth) }
    }
    // Case 6: two identical objects in the same random affine coordinates; their exchange is the one symmetry.
    const exchange = run(6)
    expect(exchange.truth.label).toMatch(/two identical objects/)
    expect(exchange.graded).toEqual({ verdict: 'right', reason: '' })
    expect(exchange.s.discrete!.group).toBe('ℤ₂')
    // Case 4: the mirror in unit scales with a known asymmetry: x → −x keeps the support, and its test rejects it.
    const broken = run(4)
    expect(broken.truth.label).toMatch(/mirror with asymmetry 0\.\d+, unit scales only/)
    expect(broken.graded).toEqual({ verdict: 'right', reason: '' })
    expect(broken.s.discrete!.generators).toHaveLength(0)
    // Case 2: chiral pairs in 7 random affine coordinates: no discrete generator at all.
    const chiral = run(2)
    expect(chiral.truth.label).toMatch(/chiral pairs/)
    expect(chiral.graded.verdict).toBe('right')
    expect(chiral.s.discrete!.generators).toHaveLength(0)
    // The grading can fail: the chiral case's flip of its first feature, claimed as a generator, is graded wrong.
    const flip = chiral.truth.names.map((_, r) => chiral.truth.names.map((_, c) => (r === c ? (r === 0 ? -1 : 1) : 0)))
    const claimed = { continuous: 'trivial', generators: [{ description: 'x1 → −x1', test: 0 }], tests: [{ description: 'x1 → −x1', matrix: flip, decision: 'symmetric' }] }
    expect(gradeDiscrete(claimed, chiral.truth).verdict).toBe('wrong')
  })

  it('smeared cases, held out: no false field set is stated as determined, and a withheld one says why (issue 16)', () => {
    // The first 17 smearing cases of seed 18 (nothing was tuned on it): circles, spheres and two-body events whose
    // every momentum component is smeared, in random coordinates. Before the thin approximate relations joined the
    // tangency system, two-body events were named so(3,1) or a 15-field "algebra" where the truth is so(3).
    const verdicts: string[] = []
    for (let k = 0; k < 17; k++) {
      const truth = truthCase(4 + k * TRUTH_CLASSES.length, { n: 4000, seed: 18 })
      expect(truth.truthClass).toBe('smearing')
      const s = findSymmetries(wasm, { names: truth.names, data: truth.data, n: truth.n })
      const { verdict, reason } = grade(s, truth)
      verdicts.push(verdict)
      expect(`${truth.label}: ${verdict} ${reason}`).not.toMatch(/: wrong /)
      if (s.manifoldAlgebra!.status === 'determined') {
        expect(s.manifoldAlgebra!.dimension).toBe(truth.manifold.velocities.length)
        expect(s.manifoldAlgebra!.closure).toBeLessThan(1e-3)
      } else expect(s.manifoldAlgebra!.reason).toBeTruthy()
      if (s.distributionAlgebra!.status === 'undetermined') expect(s.distributionAlgebra!.reason).toBeTruthy()
    }
    // Not all withheld: the sample holds right answers among the two-body events too (seed 18: cases 22, 49, 103).
    expect(verdicts.filter((v) => v === 'right').length).toBeGreaterThanOrEqual(4)
  }, 180_000)

  it('fields not known tangent hand no invariance to the distribution algebra (issue 16)', () => {
    // Seed 18's case 130: two-body events smeared by 4.1 %, whose manifold fields leave the events' tangent spaces (and
    // do not close); two of them (δx4 = x2, δx8 = −976 x2 among them) passed the invariance test by its lack of power
    // and were claimed as invariances.
    const truth = truthCase(130, { n: 4000, seed: 18 })
    expect(truth.label).toMatch(/two-body events/)
    const s = findSymmetries(wasm, { names: truth.names, data: truth.data, n: truth.n })
    expect(s.manifoldAlgebra!.status).toBe('undetermined')
    expect(s.manifoldAlgebra!.reason).toMatch(/leaves the events' own tangent spaces|do not close/)
    expect(s.distributionAlgebra!.generators).toHaveLength(0)
    expect(s.distributionAlgebra!.status).toBe('undetermined')
    expect(s.distributionAlgebra!.reason).toMatch(/not known to be tangent/)
    expect(grade(s, truth).verdict).toBe('withheld')
  })

  it('a circle whose azimuth carries a harmonic past the moments\' degree 4 is never claimed invariant (issue 16, item 4)', () => {
    // Built here: azimuth ∝ 1 + a cos(kφ + φ0) with k = 5 … 12, which no monomial of degree ≤ 4 on a circle sees, in
    // random affine coordinates and unit scales; its rotation is no invariance. Before the harmonic test it was claimed.
    const verdicts: string[] = []
    for (let seed = 1; seed <= 6; seed++) {
      const random = mulberry32(4242 + seed)
      const normal = normalSampler(random)
      const k = 5 + Math.floor(8 * random())
      const a = 0.3 + 0.4 * random()
      const phase = 2 * Math.PI * random()
      const truth = embedShape({
        label: `circle, azimuth ∝ 1 + ${a.toFixed(2)} cos(${k}φ)`, truthClass: 'broken harmonic', k: 2,
        draw: (r) => {
          for (;;) {
            const phi = 2 * Math.PI * r()
            if (r() * (1 + a) < 1 + a * Math.cos(k * phi + phase)) return [[Math.cos(phi), Math.sin(phi)], [Math.cos(phi), Math.sin(phi)]]
          }
        },
        manifold: [plane(2, 0, 1)], distribution: [],
      }, seed, 2000, random, normal)
      const s = findSymmetries(wasm, { names: truth.names, data: truth.data, n: truth.n })
      const { verdict, reason } = grade(s, truth)
      verdicts.push(verdict)
      expect(`${truth.label}: ${verdict} ${reason}`).not.toMatch(/: wrong /)
      expect(s.distributionAlgebra!.generators).toHaveLength(0)
    }
    expect(verdicts.filter((v) => v === 'right').length).toBeGreaterThanOrEqual(5)
  })

  it('spheres with a broken azimuthal harmonic: where the halves disagree on exact fields, the best direction decides (issue 16)', () => {
    // Seed 16's spheres 15, 33 and 69 were withheld ("the halves disagree"): the best direction of so(3), sought
    // on the test half itself, is rejected too, so "no invariance" is decided. None may be stated wrongly.
    const verdicts: string[] = []
    for (const index of [15, 33, 69]) {
      const truth = truthCase(index, { n: 4000 })
      expect(truth.label).toMatch(/broken harmonic #\d+: sphere S², azimuth/)
      const s = findSymmetries(wasm, { names: truth.names, data: truth.data, n: truth.n })
      const { verdict, reason } = grade(s, truth)
      verdicts.push(verdict)
      expect(`${truth.label}: ${verdict} ${reason}`).not.toMatch(/: wrong /)
      if (verdict === 'withheld') expect(s.distributionAlgebra!.reason).toMatch(/best direction of the span on the test half/)
    }
    expect(verdicts.filter((v) => v === 'right').length).toBeGreaterThanOrEqual(2)
  }, 180_000)
})
