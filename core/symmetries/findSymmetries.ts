import { SymscopeError } from '../errors.js'
import type { Pause } from '../stats/pause.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { describeGenerator } from './tangentFields/describe.js'
import { distributionAlgebra } from './invariance/distributionAlgebra.js'
import { featureGroups, type FeatureGroups } from './featureGroups.js'
import { algebraBudgetNote } from './budget.js'
import { wasmKernels, type SymmetryKernels } from './kernels/kernels.js'
import { algebraName } from './tangentFields/algebraName.js'
import { commutatorList, structureConstants } from './tangentFields/lieAlgebra.js'
import { linearConstraints } from './constraints/linearConstraints.js'
import { floorGapReason, readableAlgebra, tangentNullSpace } from './tangentFields/manifoldAlgebra.js'
import { searchWithThinRelations } from './constraints/thickRelations.js'
import { eventsAlgebra, tangentCheck } from './tangentFields/algebraChecks.js'
import { overruledAlgebra } from './tangentFields/overruled.js'
import type { Generator } from './tangentFields/readableBasis.js'
import { SYMMETRIES_VERSION, type GeneratorRecord, type Symmetries } from './schema.js'
import { spanMoments } from './kernels/spanMoments.js'
import { freeSystem, relationDecidesTangency, tangencySystem } from './tangentFields/tangency.js'
import { eventOrder } from './kernels/eventOrder.js'
import { discreteSection, testDiscrete } from './discrete/discreteSymmetries.js'
import {
  INVARIANCE_BLOCKS, INVARIANCE_LEVEL, MAX_SPAN_DIMENSION, MAX_SYMMETRY_EVENTS, MIN_SYMMETRY_EVENTS, MONTE_CARLO_COPIES, TANGENCY_GAP,
} from './tolerances.js'

/** Events as the symmetry search reads them: raw features in physical units (not standardised), row-major n × D. */
export interface SymmetryInput {
  names: readonly string[]
  data: ArrayLike<number>
  n: number
}

export interface SymmetryOptions {
  /** The per-event passes (moments, polynomial measurements, Monte Carlo copies, row order): wasm by default; the benchmark passes their plain-TypeScript twins. */
  kernels?: SymmetryKernels
  /** Events read, drawn at random (default MAX_SYMMETRY_EVENTS). */
  maxEvents?: number
  /** Family-wise error rate of the invariance tests (default INVARIANCE_LEVEL = 0.01). */
  level?: number
  /** Transformed copies per Monte Carlo invariance test (default MONTE_CARLO_COPIES). */
  copies?: number
  /** Search for discrete symmetries (issue 20; default true): the benchmark measures the section without them too. */
  discrete?: boolean
}

const KINDS = ['linear', 'quadratic', 'cubic', 'quartic'] as const

const finiteOr = (value: number, fallback: number) => (Number.isFinite(value) ? value : fallback)

function record(generator: Generator & { statistic?: number; pValue?: number; adjustedPValue?: number }, names: readonly string[], groups: FeatureGroups): GeneratorRecord {
  const { matrix, offset } = generator.field
  const clean = (v: number) => (Object.is(v, -0) ? 0 : v)
  return {
    matrix: matrix.map((row) => row.map(clean)),
    ...(offset.some((b) => b !== 0) ? { offset: offset.map(clean) } : {}),
    description: describeGenerator(generator.field, names, groups),
    tangency: finiteOr(generator.tangency, 1),
    ...(generator.statistic !== undefined ? { statistic: finiteOr(generator.statistic, Number.MAX_VALUE) } : {}),
    ...(generator.pValue !== undefined ? { pValue: generator.pValue, adjustedPValue: generator.adjustedPValue } : {}),
  }
}

function algebraSummary(generators: readonly (Generator & { statistic?: number; pValue?: number; adjustedPValue?: number })[], d: number, names: readonly string[], groups: FeatureGroups) {
  const thetas = generators.map((g) => g.theta)
  const structure = structureConstants(thetas, d)
  return {
    dimension: generators.length,
    name: algebraName(thetas, d),
    generators: generators.map((g) => record(g, names, groups)),
    commutators: commutatorList(structure),
    closure: finiteOr(structure.closure, 1),
  }
}

/**
 * Constraints and symmetries of a dataset (issue 6), deterministic, in five steps over one copy of the events:
 * 1. linear constraints (near-null directions of the correlation matrix, and constant features), which fix the affine
 *    span and its coordinates (a subset of the features);
 * 2. quadratic constraints in those coordinates (near-null space of the monomial correlation matrix);
 * 3. the manifold algebra: affine fields tangent to every constraint on the data (null space of the tangency system);
 * 4. the distribution algebra: the fields among those whose flow leaves the moments of degree ≤ 4 unchanged within
 *    the noise of batch means;
 * 5. names, readable generators and commutators. The VAE alignment is added by `symmetryAlignment`.
 * Every pass over the events is a wasm kernel (kernels.ts: block sums of monomials up to degree 4, the constraints
 * measured on the events, the Monte Carlo copies, the row order); the linear algebra is small.
 * Runs in O(n · C(d + 4, 4)) plus O(d⁶) for the algebra, d the number of coordinates (≤ MAX_SPAN_DIMENSION).
 * Tolerances: core/symmetries/tolerances.ts; method and numbers: docs/symmetries.md.
 *
 * @throws {SymscopeError} invalid_data for fewer than MIN_SYMMETRY_EVENTS events, a length that is not n × D, no
 *   feature, or a value that is not finite
 * @example
 * findSymmetries(wasm, { names: ['x1', 'x2'], data: circle.features, n: 10000 }).constraints[0].formula
 * // "x1² + x2² = 1"
 */
export function findSymmetries(wasm: SymscopeWasm, input: SymmetryInput, options: SymmetryOptions = {}): Symmetries {
  const steps = symmetrySteps(wasm, input, options)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/**
 * `findSymmetries`, awaiting `pause` between its steps (core/stats/pause.ts), so that a single-threaded host serves
 * other requests meanwhile: the same section, from the same steps.
 */
export async function findSymmetriesPaced(wasm: SymscopeWasm, input: SymmetryInput, pause: Pause, options: SymmetryOptions = {}): Promise<Symmetries> {
  const steps = symmetrySteps(wasm, input, options)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    await pause()
  }
}

/** The search of findSymmetries as a generator that yields between its steps (a pause point each, nothing else). */
function* symmetrySteps(wasm: SymscopeWasm, input: SymmetryInput, options: SymmetryOptions): Iterator<void, Symmetries> {
  const { names, n } = input
  const cols = names.length
  if (cols < 1) throw new SymscopeError('invalid_data', 'findSymmetries requires at least one feature')
  if (!Number.isInteger(n) || n < MIN_SYMMETRY_EVENTS) {
    throw new SymscopeError('invalid_data', `findSymmetries requires at least ${MIN_SYMMETRY_EVENTS} events (got ${n})`)
  }
  if (input.data.length !== n * cols) {
    throw new SymscopeError('invalid_data', `findSymmetries requires n × D = ${n * cols} values (got ${input.data.length})`)
  }
  const rows = Math.min(n, options.maxEvents ?? MAX_SYMMETRY_EVENTS)
  const level = options.level ?? INVARIANCE_LEVEL
  const copies = options.copies ?? MONTE_CARLO_COPIES
  if (!(level > 0 && level < 1)) throw new SymscopeError('invalid_parameter', `level: the invariance tests' family-wise error rate is between 0 and 1 (got ${level})`)
  if (!Number.isInteger(copies) || copies < 19 || copies > 100_000) {
    throw new SymscopeError('invalid_parameter', `copies: the Monte Carlo invariance test draws 19 to 100,000 copies (got ${copies})`)
  }
  const source = input.data
  for (let i = 0; i < n * cols; i++) {
    if (!Number.isFinite(source[i])) {
      throw new SymscopeError('invalid_data', `findSymmetries requires finite values (event ${Math.floor(i / cols) + 1}, feature '${names[i % cols]}' is ${source[i]})`)
    }
  }
  const kernels = options.kernels ?? wasmKernels
  const data = eventOrder(wasm, source, n, cols, rows, kernels.rowOrder)
  const groups = featureGroups(names)
  const notes: string[] = []
  if (rows < n) notes.push(`read ${rows.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} events, drawn at random`)
  yield
  const accumulator = kernels.moments(wasm, data, rows, cols)
  try {
    yield
    const first = linearConstraints(accumulator, data, rows, cols, names)
    yield
    const d0 = first.span.free.length
    const checked = d0 > 0 && d0 <= MAX_SPAN_DIMENSION ? yield* searchWithThinRelations(wasm, accumulator, data, rows, cols, first, names, groups) : null
    yield
    const linear = checked?.linear ?? first
    const { span } = linear
    const d = span.free.length
    const record = (c: { formula: string; constant: number; rms: number; rmsAbsolute: number; exact: boolean }, degree: number, distance: number, restricts: boolean) => ({
      kind: KINDS[degree - 1], degree, formula: c.formula, constant: c.constant, rms: c.rms, rmsAbsolute: c.rmsAbsolute,
      distance: finiteOr(distance, 0), exact: c.exact, restrictsCoordinates: restricts,
    })
    const restricting = linear.constraints.filter((c) => c.restricts)
    const loose = linear.constraints.filter((c) => !c.restricts)
    const section: Symmetries = {
      version: SYMMETRIES_VERSION,
      events: rows,
      features: [...names],
      coordinates: span.free.map((f) => names[f]),
      constraints: restricting.map((c) => record(c, 1, c.rmsAbsolute / Math.hypot(...c.coefficients), true)),
      dimension: null,
      manifoldAlgebra: null,
      distributionAlgebra: null,
      discrete: null,
      alignment: [],
      notes,
    }
    if (d === 0) {
      notes.push('the linear constraints fix every feature: no coordinates are left for polynomial constraints or symmetries')
      return section
    }
    if (d > MAX_SPAN_DIMENSION) {
      notes.push(`${d} coordinates after the linear constraints exceed ${MAX_SPAN_DIMENSION}: polynomial constraints and algebras skipped`)
      return section
    }
    const search = checked!.search
    notes.push(...search.notes)
    if (search.status === 'determined' && search.linear.length && !search.constraints.length) {
      // Approximate linear relations join the tangency system only beside polynomial constraints (below): alone, every
      // affine field would be "tangent", including those that leave their planes — no symmetry of the data.
      search.status = 'undetermined'
      search.reason = `the only constraints are approximate linear relations (${search.linear.map((c) => c.formula).join(', ')}), which the tangency system leaves out: the fields along them are not determined`
    }
    const thin = restricting.filter((c) => !c.exact)
    if (search.status === 'open' && thin.length) {
      // The coordinates left after approximate linear relations fill an open region, but the relations have a
      // thickness of their own, and a curve or surface may lie within it (a cubic that is nearly a line): the region
      // is open only in the projection, so nothing is claimed (issue 16).
      search.status = 'undetermined'
      search.reason = `the coordinates left by the approximate linear relation${thin.length > 1 ? 's' : ''} ${thin.map((c) => c.formula).join(', ')} fill an open region, but the events may lie on a curve or surface within ${thin.length > 1 ? 'their' : 'its'} spread, which is not examined`
    }
    const dropped = loose.flatMap((c, i) => (search.linearKept[i] || search.superseded[i] ? [] : [[c, search.linearDistances[i]] as const]))
    if (dropped.length) {
      notes.push(`${dropped.map(([c]) => c.formula).join(', ')}: correlated, but thicker than the noise scale (${dropped.map(([, distance]) => distance.toPrecision(2)).join(', ')} against ~${search.dimension.scale.toPrecision(2)}): not a constraint`)
    }
    for (const c of [...search.linear, ...search.constraints]) section.constraints.push(record(c, c.degree, c.distance, false))
    section.dimension = {
      intrinsic: search.dimension.top?.dimension ?? null,
      noiseScale: search.dimension.scale,
      plateaus: search.dimension.plateaus.map((p) => ({ dimension: p.dimension, from: p.from, to: p.to, mean: p.mean })),
      curve: search.dimension.curve.map((p) => ({ k: p.k, points: p.points, dimension: p.dimension, scale: p.medianDistance })),
      searchedDegree: search.degree,
      constraintRank: search.rank,
      freeCoordinates: d - search.rank,
      status: search.status,
      reason: search.reason,
    }
    const moments = spanMoments(accumulator, span, rows, Math.min(INVARIANCE_BLOCKS, rows))
    yield
    // The approximate linear relations stay out of the polynomial ideal (constraintSearch.ts) but not out of the
    // tangency system when they can decide (issue 16): they count in the rank, so the manifold lies within each, and a
    // field must keep it to within its own tolerance τ_q = TANGENCY_FACTOR × its standardised thickness, as an
    // approximate quadric's fields must. Left out, a smeared two-body sample's fitted quadric on coordinates that a
    // thin relation ties together admitted the boosts of an indefinite form (so(3,1) where the truth is so(3)), which
    // nothing else checks (the events' tangent spaces are not posed beside an approximate relation: algebraChecks.ts).
    // A relation with τ_q ≥ 1 is left out: a unit field (standardised units) leaves a unit-normalised constraint at a
    // rate of order 1, so such a relation cannot tell a tangent field from any other (CMS's transverse balance,
    // thickness ~0.5 of the muons' spread, against the muons' mass-shell boosts).
    const deciding = search.linear.filter(relationDecidesTangency)
    const tangent = search.constraints.length ? [...deciding, ...search.constraints] : search.constraints
    const system = search.metric ? tangencySystem(search.metric, tangent) : freeSystem(d)
    const nullSpace = tangentNullSpace(system, d, search.constraints.length > 0)
    yield
    // The stages after the tangency system cost ~m³ · (d² + d) in its m fields (budget.ts): estimated before they
    // start, and past the budget the algebras are reported undetermined with the reason, never as "none".
    const overBudget = algebraBudgetNote(d, nullSpace.nullVectors.length)
    if (overBudget) {
      section.manifoldAlgebra = {
        dimension: 0, name: 'undetermined', generators: [], commutators: [], closure: 0, status: 'undetermined', reason: overBudget,
        approximate: false, tolerance: system.tolerance, nearestRejected: nullSpace.nearest,
      }
      notes.push(overBudget)
      return section
    }
    const manifold = readableAlgebra(nullSpace, system, span, groups)
    yield
    // The relations may only take fields away: where the polynomial constraints' own system is not separated above
    // its floor, adding a relation's rows does not make it decided (a curve on a cylinder, whose thin fitted relation
    // lifted the next field past TANGENCY_GAP and let the cylinder's rotation through).
    const withoutRelations = () => {
      const own = tangencySystem(search.metric!, search.constraints)
      return floorGapReason(tangentNullSpace(own, d, true), own)
    }
    const floorGap = search.status === 'determined'
      ? floorGapReason(nullSpace, system) ?? (search.metric && deciding.length && search.constraints.length ? withoutRelations() : null)
      : null
    const check = floorGap ? { reason: floorGap, kind: null, record: null, tangents: null } : search.status === 'determined' ? tangentCheck(manifold.generators, d, data, rows, cols, span, search, restricting.every((c) => c.exact), nullSpace.nearest) : null
    // The events decide (issue 16, item 1) where the constraints cannot: a set larger than the manifold
    // (search undetermined), or a tangency system whose null space is not separated while the events admit more
    // fields or reject one of its fields; and where the constraints found contradict the events (they cut below the
    // events' dimension, or an approximate one disagrees with them), within the exact constraints' null space
    // (tangentFields/overruled.ts).
    const undecided = (check?.kind === 'more' || check?.kind === 'leaves') && (nullSpace.nearest ?? Infinity) < TANGENCY_GAP
    const plain = search.status === 'undetermined' || undecided
      ? eventsAlgebra(data, rows, cols, span, search, system, groups, { undecided, tangents: check?.tangents ?? null })
      : null
    const fromEvents = plain ?? overruledAlgebra(data, rows, cols, span, search, system, groups, check)
    yield
    const status = fromEvents ? 'determined' : check?.reason ? 'undetermined' : search.status
    const reason = fromEvents ? `${check?.reason ?? search.reason}; the algebra is ${fromEvents.reason}` : check?.reason ?? search.reason
    const determined = status === 'determined'
    const tangentFields = fromEvents ? fromEvents.generators : manifold.generators
    const tangentRecord = fromEvents?.record ?? check?.record ?? null
    section.manifoldAlgebra = {
      ...(determined
        ? algebraSummary(tangentFields, d, names, groups)
        : { dimension: 0, name: status === 'open' ? 'none (open region)' : 'undetermined', generators: [], commutators: [], closure: 0 }),
      status,
      reason,
      approximate: determined && system.approximate,
      tolerance: system.tolerance,
      nearestRejected: manifold.nearest,
      ...(tangentRecord ? { dataTangents: tangentRecord } : {}),
    }
    // Discrete maps (issue 20): proposed and tested before the distribution algebra, so that Holm runs over both.
    const discrete = options.discrete === false ? null : yield* testDiscrete({
      wasm, kernels: kernels.image, data, rows, cols, names, groups, span, linear: linear.constraints, polynomial: [...search.linear, ...search.constraints], level,
    })
    yield
    const invariance = yield* distributionAlgebra(moments, tangentFields, span, system, {
      wasm, kernels, data, rows, cols, level, copies, familyPValues: discrete?.pValues ?? [], ...(status === 'open' ? { whitenWith: groups } : {}),
      exactFields: determined && !fromEvents && !system.approximate && !search.linear.length && linear.constraints.every((c) => !c.restricts || c.exact),
      estimatedFields: determined && !fromEvents && system.approximate, groups,
    })
    yield
    // Fields that leave the events' tangent spaces or do not close under the bracket are not all tangent to the
    // manifold (issue 16), so an invariance among them is a field the data were never shown to keep: its test passing
    // is the test's lack of power, not a symmetry (a smeared two-body sample's δx4 = x2, δx8 = −976 x2 read p 0.53).
    // None is claimed; the tests stay on record.
    const untangent = !determined && (check?.kind === 'closure' || check?.kind === 'leaves') && invariance.generators.length > 0
    section.distributionAlgebra = {
      ...algebraSummary(untangent ? [] : invariance.generators, d, names, groups),
      status: untangent ? 'undetermined' : invariance.status,
      reason: untangent
        ? `${invariance.generators.length} of the manifold's candidate fields pass the invariance test, but those fields ${check!.kind === 'closure' ? 'do not close under the bracket' : 'leave the events\' tangent spaces'}, so they are not known to be tangent to the manifold: no invariance is claimed`
        : invariance.reason,
      level,
      tests: invariance.tests.map((t) => ({
        description: describeGenerator(t.generator.field, names, groups),
        source: t.source,
        method: t.test.method,
        statistic: finiteOr(t.test.statistic, Number.MAX_VALUE),
        degreesOfFreedom: finiteOr(t.test.degreesOfFreedom, 0),
        copies: t.test.copies,
        events: t.test.events,
        testFunctions: t.test.testFunctions,
        pValue: t.test.pValue,
        adjustedPValue: t.adjustedPValue,
        invariant: t.invariant,
      })),
      proposalEvents: invariance.proposalEvents,
      testEvents: invariance.testEvents,
      margin: invariance.margin === null ? null : finiteOr(invariance.margin, Number.MAX_VALUE),
      threshold: invariance.threshold,
      statistics: invariance.statistics.map((r) => finiteOr(r, Number.MAX_VALUE)),
      testFunctions: invariance.testFunctions,
      blocks: invariance.blocks,
    }
    if (discrete) section.discrete = discreteSection(discrete, invariance.familyAdjusted, level, span, invariance.generators.map((g) => g.theta), section.distributionAlgebra.name)
    if (!determined) notes.push(`manifold algebra ${section.manifoldAlgebra.name}: ${reason}; the invariance tests still ran over every field tangent to the constraints found`)
    else if (system.approximate) notes.push('the constraints include approximate ones: the manifold algebra is a set of approximate symmetries, tangent within each constraint\'s spread')
    for (const [label, algebra] of [['manifold', section.manifoldAlgebra], ['distribution', section.distributionAlgebra]] as const) {
      if (algebra.closure > 1e-6) notes.push(`the ${label} algebra's brackets leave it by ${algebra.closure.toExponential(1)} (relative): approximate`)
    }
    return section
  } finally {
    accumulator.dispose()
  }
}
