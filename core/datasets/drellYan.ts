import { SymscopeError } from '../errors.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { DIMUON_FEATURES, MUON_MASS_GEV } from './fourMomenta.js'
import type { DatasetSpec } from './types.js'

export interface DrellYanParameters {
  sqrtS: number
  mMin: number
  mMax: number
  ptMin: number
  etaMax: number | null
  muonMass: number
  [key: string]: number | boolean | null
}

/** Accept–reject bookkeeping of the last `drell_yan` run (all chunks of it), for tests and docs. */
export interface DrellYanEnvelopeStatistics {
  /** Events accepted (after cuts). */
  events: number
  /** Proposal draws, rejected ones included. */
  trials: number
  /** events / trials. */
  efficiency: number
  /** Draws whose weight exceeded the envelope: each one biases the sample, so this should be 0. */
  violations: number
  /** The envelope w_max (pb). */
  envelope: number
  /** Largest weight drawn (pb); largestWeight / envelope shows the margin. */
  largestWeight: number
  /** Cross section estimate in the window and cuts, envelope × events / trials (pb; LO, no K-factor). */
  crossSectionPb: number
}

const emptyStatistics = (): DrellYanEnvelopeStatistics => ({
  events: 0, trials: 0, efficiency: 0, violations: 0, envelope: 0, largestWeight: 0, crossSectionPb: 0,
})

let lastRun = emptyStatistics()

/**
 * Envelope statistics of the last `drell_yan` run in this process: a chunk with first = 0 starts a new run, later
 * chunks add to it (generateEvents and generateChunks call the generator chunk by chunk, in order).
 */
export function drellYanEnvelopeStatistics(): DrellYanEnvelopeStatistics {
  return { ...lastRun }
}

function record(wasm: SymscopeWasm, first: bigint, n: number): void {
  const e = wasm.exports
  const run = first === 0n ? emptyStatistics() : lastRun
  run.events += n
  run.trials += e.drellYanTrials()
  run.violations += e.drellYanEnvelopeViolations()
  run.envelope = e.drellYanEnvelope()
  run.largestWeight = Math.max(run.largestWeight, e.drellYanLargestWeight())
  run.efficiency = run.trials > 0 ? run.events / run.trials : 0
  run.crossSectionPb = run.trials > 0 ? (run.envelope * run.events) / run.trials : 0
  lastRun = run
}

/** Lowest x of the CTEQ5L parametrisation; the generator needs mMin/sqrtS above it (see docs/drell-yan.md). */
const PDF_X_MIN = 1e-6

/** pp → Z/γ* → μ⁺μ⁻ at leading order with CTEQ5L parton densities, unweighted. */
export const drellYan: DatasetSpec<DrellYanParameters> = {
  name: 'drell_yan',
  title: 'pp → γ*/Z → μ⁺μ⁻ (Drell–Yan, LO)',
  description:
    'pp → γ*/Z → μ⁺μ⁻ at leading order: q q̄ annihilation (u, d, s, c, b) with CTEQ5L parton densities in ' +
    "Pumplin's analytic parametrisation, tree-level γ/Z couplings (m_Z = 91.1876 GeV, Γ_Z = 2.4952 GeV, " +
    'sin²θ_W = 0.2315, α = 1/128.9), factorisation scale Q = M. Unweighted events in a dimuon mass window with ' +
    'optional p_T and |η| cuts on each muon. The dimuon has zero p_T at this order. Features: lab-frame ' +
    '(E, px, py, pz) of μ⁻ then μ⁺; truth: M, y and the Collins–Soper cos θ, φ. 4 degrees of freedom.',
  features: DIMUON_FEATURES,
  truth: ['truth_mass', 'truth_rapidity', 'truth_cosThetaCS', 'truth_phiCS'],
  angularTruth: ['truth_phiCS'],
  degreesOfFreedom: 4,
  parameters: [
    { name: 'sqrtS', type: 'number', default: 13000, minimum: 10, maximum: 1e5, unit: 'GeV', description: 'Proton–proton centre-of-mass energy √s.' },
    { name: 'mMin', type: 'number', default: 60, minimum: 2, maximum: 1e4, unit: 'GeV', description: 'Lower edge of the dimuon mass window (CTEQ5L is parametrised for Q ≥ 1.1 GeV).' },
    { name: 'mMax', type: 'number', default: 120, minimum: 2, maximum: 1e4, unit: 'GeV', description: 'Upper edge of the dimuon mass window (CTEQ5L is parametrised for Q ≤ 10 TeV).' },
    { name: 'ptMin', type: 'number', default: 0, minimum: 0, maximum: 5e3, unit: 'GeV', description: 'Minimum transverse momentum of each muon; 0 for no cut.' },
    { name: 'etaMax', type: 'number', default: null, nullable: true, minimum: 0, exclusiveMinimum: true, maximum: 20, description: 'Maximum |pseudorapidity| of each muon; none for no cut.' },
    { name: 'muonMass', type: 'number', default: MUON_MASS_GEV, minimum: 0, maximum: 1, unit: 'GeV', description: 'Muon mass (kinematics only; the matrix element is massless); 0 gives massless muons.' },
  ],
  relations: [
    { parameter: 'mMin', must: 'be below', bound: 'mMax', value: (p) => p.mMax },
    { parameter: 'mMin', must: 'exceed', bound: '2 · muonMass', value: (p) => 2 * p.muonMass, why: 'the pair threshold' },
    { parameter: 'mMax', must: 'be below', bound: 'sqrtS', value: (p) => p.sqrtS },
    { parameter: 'mMin', must: 'exceed', bound: '1e-6 · sqrtS', value: (p) => PDF_X_MIN * p.sqrtS, why: 'CTEQ5L needs x ≥ 1e-6' },
    // At leading order each muon has p_T ≤ p* < M/2 ≤ mMax/2.
    { parameter: 'ptMin', must: 'be below', bound: 'mMax / 2', value: (p) => p.mMax / 2, why: "a muon's p_T is at most M/2 at leading order" },
  ],
  fill(wasm, r) {
    const p = r.params
    const status = wasm.exports.generateDrellYan(
      r.seed, r.first, r.n, p.sqrtS, p.mMin, p.mMax, p.ptMin, p.etaMax ?? -1, p.muonMass, r.featuresPtr, r.truthPtr,
    )
    if (status !== 0) {
      const eta = p.etaMax === null ? 'none' : String(p.etaMax)
      const why = status === 1 ? 'no events pass the cuts (phase space empty or nearly so)' : 'the cuts keep too few events (an event needed more than 10⁶ trials)'
      throw new SymscopeError(
        'invalid_parameter',
        `drell_yan: ${why}: parameters 'ptMin' = ${p.ptMin} GeV, 'etaMax' = ${eta}, 'mMin' = ${p.mMin} GeV, 'mMax' = ${p.mMax} GeV; loosen the cuts or widen the mass window`,
        { parameter: 'ptMin', parameters: ['ptMin', 'etaMax', 'mMin', 'mMax'] },
      )
    }
    record(wasm, r.first, r.n)
  },
}
