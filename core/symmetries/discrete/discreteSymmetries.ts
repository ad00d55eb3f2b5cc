import type { SymscopeWasm } from '../../wasm/module.js'
import type { FeatureGroups } from '../featureGroups.js'
import { fieldToTheta, thetaToField, toPhysical, toStandardised, type Theta } from '../tangentFields/fields.js'
import type { AffineSpan, LinearConstraint } from '../constraints/linearConstraints.js'
import type { PolynomialConstraint } from '../constraints/polynomialConstraints.js'
import { proposeCandidates, type Candidate } from './candidates.js'
import { nameGroup } from './group.js'
import type { ImageKernels } from './imageKernels.js'
import { discreteTestDegree, measureAsymmetries, pendingImageTest, type Halves, type ImageTest, type PendingImageTest } from './imageTest.js'
import { checkManifold, prepareConstraints, type ManifoldCheck } from './manifoldCheck.js'
import { identitySpan, spanDistance, spanMap, type SpanMap } from './maps.js'
import { monomialCount } from '../constraints/monomials.js'
import type { Discrete, DiscreteTest } from './schema.js'
import { MAX_DISCRETE_TESTS } from './tolerances.js'

/** What the discrete step reads from the search: the events, the span and the continuous section's constraints. */
export interface DiscreteInput {
  wasm: SymscopeWasm
  kernels: ImageKernels
  /** Events in the search's random order, rows × cols, physical units. */
  data: Float64Array
  rows: number
  cols: number
  names: readonly string[]
  groups: FeatureGroups
  span: AffineSpan
  /** Every linear constraint (the restricting ones are kept by a map that stays on the span). */
  linear: readonly LinearConstraint[]
  /** The approximate linear and the polynomial constraints, on the span coordinates. */
  polynomial: readonly PolynomialConstraint[]
  /** The family-wise level: a composition is tested only when neither factor looks symmetric at it on the first half. */
  level: number
}

interface Examined {
  candidate: Candidate
  map: SpanMap
  manifold: ManifoldCheck
  test: ImageTest | null
  /** A composition not tested: one factor looked symmetric on the first half, so it stands or falls with the other. */
  implied: boolean
  /** Other proposed maps that act alike on the data (parity and the exchange of two back-to-back muons). */
  aliases: string[]
}

/** The discrete maps examined before the family-wise decision: their p-values join the continuous tests' Holm. */
export interface DiscreteTests {
  examined: Examined[]
  tried: number
  distinct: number
  pValues: number[]
  /** Index into `examined` of each p-value. */
  tested: number[]
  halves: Halves
  /** The proposal half's mean and spread of the span coordinates: the maps' standardisation. */
  shift: number[]
  scale: number[]
}

/**
 * Steps 1–3 of the discrete section (issue 20): candidates from the first half, each map's image checked against the
 * constraints (on the first half), and the maps that keep them tested against their images (second half).
 * Cost: one manifold check per distinct map (MANIFOLD_EVENTS events), then per test two pair-sum passes of
 * PAIR_EVENTS events, then for all tests together two sign passes over all events, O(n · K · (1 + tests)), K the test
 * functions.
 */
export function* testDiscrete(input: DiscreteInput): IterableIterator<void, DiscreteTests> {
  // A generator: findSymmetries' pause points (core/stats/pause.ts) after the manifold checks and after each image
  // test, each a pass over all events; nothing else.
  const { data, rows, cols, span } = input
  const d = span.free.length
  const half = Math.floor(rows / 2)
  const quadrics = input.polynomial.filter((c) => c.degree === 2).map((c) => c.physical)
  // Every pass over the events' columns is a wasm kernel (columnKernels.ts) over one copy of them.
  const passes = input.kernels.columns(input.wasm, data, rows, cols)
  let candidates: Candidate[]
  let halves: Halves
  let shift: number[]
  let scale: number[]
  try {
    candidates = proposeCandidates(passes, half, cols, input.names, input.groups, span, quadrics)
    // The proposal half's mean and spread standardise the span coordinates (the test half is not looked at).
    const free = Int32Array.from(span.free)
    const sums = passes.range(half).sums
    shift = span.free.map((f) => sums[f] / half)
    const centre = new Float64Array(cols)
    span.free.forEach((f, a) => (centre[f] = shift[a]))
    const squares = passes.squares(half, centre)
    scale = span.free.map((f) => Math.sqrt(squares[f] / Math.max(half - 1, 1)) || 1)
    halves = { first: passes.coordinates(0, half, free, shift, scale), firstRows: half, second: passes.coordinates(half, rows, free, shift, scale), secondRows: rows - half, d }
  } finally {
    passes.dispose()
  }
  const constraints = prepareConstraints(input.linear, input.polynomial, span)
  const identity = identitySpan(d)
  const examined: Examined[] = []
  // Each candidate's entry in `examined` (a duplicate points at the first map equal to it; −1: the identity on the data).
  const entry: number[] = []
  // Two maps that agree on the span act alike on events that keep the constraints, but one may break them (a flip of
  // px1 alone and of px1 and px2 together read the same on the span coordinates): the check comes first.
  for (const candidate of candidates) {
    const map = spanMap(candidate.map, span, shift, scale)
    const size = Math.sqrt(map.length)
    const manifold = checkManifold(candidate.map, constraints, data, half, cols, span)
    if (manifold.ratio <= 1) {
      if (spanDistance(map, identity) < 1e-9 * size) {
        entry.push(-1)
        continue
      }
      const same = examined.findIndex((e) => e.manifold.ratio <= 1 && spanDistance(e.map, map) < 1e-9 * size)
      if (same >= 0) {
        entry.push(same)
        if (candidate.kind !== 'composition' && examined[same].aliases.length < 4) examined[same].aliases.push(describe(candidate))
        continue
      }
    }
    entry.push(examined.length)
    examined.push({ candidate, map, manifold, test: null, implied: false, aliases: [] })
  }
  yield
  const tested: number[] = []
  const pValues: number[] = []
  const waiting: PendingImageTest[] = []
  const names = span.free.map((f) => input.names[f])
  for (const [k, e] of examined.entries()) {
    if (e.manifold.ratio > 1 || tested.length >= MAX_DISCRETE_TESTS) continue
    // A composition of a map that looks symmetric (first half) with another is as symmetric as the other: implied, not tested.
    const factors = e.candidate.factors?.map((c) => examined[entry[c]]) ?? []
    if (factors.some((f) => f?.test && f.test.proposalPValue >= input.level)) {
      e.implied = true
      continue
    }
    const pending = pendingImageTest(input.wasm, input.kernels, halves, e.map, names)
    e.test = pending.test
    waiting.push(pending)
    tested.push(k)
    pValues.push(e.test.pValue)
    yield
  }
  // Every tested map's asymmetry from one sign pass per half (the events' monomials filled once for all maps).
  measureAsymmetries(input.wasm, input.kernels, halves, waiting).forEach((test, i) => (examined[tested[i]].test = test))
  return { examined, tried: candidates.length, distinct: examined.length, pValues, tested, halves, shift, scale }
}

const clean = (v: number) => (Object.is(v, -0) ? 0 : v)
const describe = (c: Candidate) => c.parts.join(', then ')

/**
 * Steps 4–5: the decisions at the family-wise level (Holm over the continuous and these tests together, `adjusted`
 * in the order of `tests.pValues`) and the group they form with the continuous part (the distribution algebra).
 */
export function discreteSection(
  tests: DiscreteTests, adjusted: readonly number[], level: number, span: AffineSpan, thetas: readonly Theta[], algebraName: string,
): Discrete {
  const d = tests.halves.d
  const records: DiscreteTest[] = []
  const symmetricMaps: SpanMap[] = []
  const symmetricRecords: number[] = []
  tests.tested.forEach((k, i) => {
    const e = tests.examined[k]
    const t = e.test!
    const symmetric = adjusted[i] > level
    const a = t.asymmetry
    records.push({
      description: describe(e.candidate), kind: e.candidate.kind,
      matrix: e.candidate.map.matrix.map((row) => row.map(clean)),
      ...(e.candidate.map.offset.some((v) => v !== 0) ? { offset: e.candidate.map.offset.map(clean) } : {}),
      sameOnTheData: e.aliases,
      manifoldRatio: e.manifold.ratio, brokenConstraint: null,
      statistic: t.statistic, degreesOfFreedom: t.degreesOfFreedom, events: t.events, pValue: t.pValue, adjustedPValue: adjusted[i],
      asymmetry: a ? { ...a } : null,
      decision: symmetric ? 'symmetric' : 'rejected',
    })
    if (symmetric) {
      symmetricMaps.push(e.map)
      symmetricRecords.push(records.length - 1)
    }
  })
  for (const e of tests.examined) {
    if (e.manifold.ratio <= 1 || e.candidate.kind === 'composition') continue
    records.push({
      description: describe(e.candidate), kind: e.candidate.kind,
      matrix: e.candidate.map.matrix.map((row) => row.map(clean)),
      ...(e.candidate.map.offset.some((v) => v !== 0) ? { offset: e.candidate.map.offset.map(clean) } : {}),
      sameOnTheData: [],
      manifoldRatio: Number.isFinite(e.manifold.ratio) ? e.manifold.ratio : Number.MAX_VALUE, brokenConstraint: e.manifold.worst,
      statistic: null, degreesOfFreedom: null, events: null, pValue: null, adjustedPValue: null, asymmetry: null, decision: 'off the manifold',
    })
  }
  // The continuous generators, standardised as the whole search does, in the maps' standardisation.
  const [mu, sigma] = [span.free.map((f) => span.means[f]), span.free.map((f) => span.spreads[f])]
  const converted = thetas.map((t) => fieldToTheta(toStandardised(toPhysical(thetaToField(t, d), mu, sigma), tests.shift, tests.scale)))
  const group = nameGroup(converted, algebraName, symmetricMaps, d)
  return {
    group: group.name,
    continuous: group.continuous,
    components: group.components,
    generators: group.generators.map((g) => ({ description: records[symmetricRecords[g]].description, test: symmetricRecords[g], relation: group.relations[g] })),
    tried: tests.tried,
    distinct: tests.distinct,
    tested: tests.tested.length,
    implied: tests.examined.filter((e) => e.implied).length,
    level,
    proposalEvents: tests.halves.firstRows,
    testEvents: tests.halves.secondRows,
    testFunctions: monomialCount(d, discreteTestDegree(d)) - 1,
    tests: records,
  }
}
