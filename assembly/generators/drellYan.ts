// pp → γ*/Z → μ⁺μ⁻ (Drell–Yan) at leading order: q q̄ annihilation with CTEQ5L parton densities, unweighted
// events by accept–reject. At this order the dimuon has no transverse momentum, so an event is (M, y, cos θ*, φ*):
// the muons are built back to back in the dimuon rest frame and boosted along z by the rapidity y.
//
// Cross section (factorisation scale Q = M; F = x·f momentum densities; x₁,₂ = (M/√s) e^{±y}; c = cos θ*, θ* the
// angle of μ⁻ to +z, the direction of proton 1, in the dimuon rest frame):
//   dσ/(dM dy dc) = (πα²/3) / M³ · Σ_q [F_q(x₁) F_q̄(x₂) A_q(+c) + F_q̄(x₁) F_q(x₂) A_q(−c)],
//   A_q(c) = A₀(M²)(1 + c²) + A₁(M²) c  (lib/electroweak.ts: up-type Q = 2/3, T₃ = ½; down-type Q = −1/3, T₃ = −½).
// From σ = Σ ∫dx₁dx₂ f f σ̂ with dx₁dx₂ = dτ dy, τ = M²/s, and dσ̂/dc = (1/3)(πα²/2ŝ) A(c) (colour factor 1/3);
// a quark from proton 2 moves along −z and sees cos θ = −c. Quarks u, d, s, c, b and their antiquarks.
//
// Proposal: M from α·(Breit–Wigner in M², m_Z and Γ_Z) + (1 − α)·(M⁻³ power law) on [mMin, mMax]; y uniform on
// |y| < y_max(M); c from (3/8)(1 + c²); φ* uniform. Weight w = dσ/(dM dy dc) / g(M, y, c) in pb, so the mean weight
// over the proposal is the cross section. Envelope: w ≤ W(M, y) = max over c (closed form), W scanned on a grid in
// (M, y) and on a fixed-seed presample, times SAFETY; α minimises the grid maximum. Docs: docs/drell-yan.md.

import { cosThetaCS, dimuonObservables, phiCS } from '../lib/collinsSoper'
import { seedStream, uniform } from '../rng'
import { ALPHA_MZ, GAMMA_Z_GEV, MZ_GEV } from '../lib/constants'
import { angularCoefficients, coefficientA0, coefficientA1 } from '../lib/electroweak'
import { quarkMomentumDensities, setPdfScale, xBottom, xCharm, xDown, xDownBar, xStrange, xUp, xUpBar } from '../lib/cteq5l'
import { boostedEnergy, boostedPz } from '../lib/boost'
import { passesAcceptance, twoBodyMomentum } from '../lib/fourVector'

const FEATURES = 8
const TRUTH = 4
/** Lowest x of the CTEQ5L parametrisation (Ctq5Par.f): rapidities that would need a smaller x are not generated. */
const X_MIN: f64 = 1e-6
/** (ħc)² = 0.3893793721 GeV² mb (PDG), here in GeV² pb: weights and the cross section come out in pb. */
const GEV2_PB: f64 = 0.3893793721e9
/** Envelope = SAFETY × (largest bound seen on the grid and the presample); violations are counted, never hidden. */
const SAFETY: f64 = 1.1
const GRID_MASSES: i32 = 128 // per proposal component: uniform in each component's own sampling variable
const GRID_RAPIDITIES: i32 = 48 // on [0, y_max(M)]; the bound is even in y
const MIXTURE_STEPS: i32 = 50 // α = 0, 0.02, …, 1
const PRESAMPLE: i32 = 20000
const PRESAMPLE_SEED: u64 = 0x4452454c4c59414e // "DRELLYAN": fixed, independent of the user's seed
/** An event that needs more trials than this fails the call with status 2 (cuts that almost nothing passes). */
const MAX_TRIALS_PER_EVENT: i32 = 1000000

// Envelope cache: the parameters it was computed for, and what it found.
const CACHED_KEY: usize = memory.data(6 * 8) // zeros: nothing cached yet (sqrtS = 0 is never valid)
// @ts-ignore: decorator
@lazy let envelope: f64 = 0.0
// @ts-ignore: decorator
@lazy let envelopeStatus: i32 = 0
// @ts-ignore: decorator
@lazy let mixture: f64 = 0.5
// @ts-ignore: decorator
@lazy let bwLow: f64 = 0.0
// @ts-ignore: decorator
@lazy let bwHigh: f64 = 0.0
// @ts-ignore: decorator
@lazy let plLow: f64 = 0.0
// @ts-ignore: decorator
@lazy let plHigh: f64 = 0.0
// Counters of the last generateDrellYan call.
// @ts-ignore: decorator
@lazy let violations: i32 = 0
// @ts-ignore: decorator
@lazy let trials: f64 = 0.0
// @ts-ignore: decorator
@lazy let largestWeight: f64 = 0.0
// Outputs of evaluateBound and drawProposal, read right after the call.
// @ts-ignore: decorator
@lazy let weightEven: f64 = 0.0
// @ts-ignore: decorator
@lazy let weightOdd: f64 = 0.0
// @ts-ignore: decorator
@lazy let trialMass: f64 = 0.0
// @ts-ignore: decorator
@lazy let trialRapidity: f64 = 0.0
// @ts-ignore: decorator
@lazy let trialCos: f64 = 0.0
// @ts-ignore: decorator
@lazy let trialRapidityLimit: f64 = 0.0
// Longitudinal kinematics of the current draw (lab frame), from buildLongitudinal.
// @ts-ignore: decorator
@lazy let kinMomentum: f64 = 0.0
// @ts-ignore: decorator
@lazy let kinPt2: f64 = 0.0
// @ts-ignore: decorator
@lazy let kinEnergy1: f64 = 0.0
// @ts-ignore: decorator
@lazy let kinPz1: f64 = 0.0
// @ts-ignore: decorator
@lazy let kinEnergy2: f64 = 0.0
// @ts-ignore: decorator
@lazy let kinPz2: f64 = 0.0

const GRID_BOUND: usize = memory.data(2 * GRID_MASSES * 8)
const GRID_BW: usize = memory.data(2 * GRID_MASSES * 8)
const GRID_PL: usize = memory.data(2 * GRID_MASSES * 8)

/** Largest |y| generated at mass M: x₁,₂ = (M/√s) e^{±y} must lie in [X_MIN, 1]. */
// @ts-ignore: decorator
@inline function rapidityLimit(mass: f64, sqrtS: f64): f64 {
  return Math.min(Math.log(sqrtS / mass), Math.log(mass / (sqrtS * X_MIN)))
}

/** Breit–Wigner proposal density in M (GeV⁻¹): 2M · m_ZΓ_Z / ((θ₂ − θ₁)((M² − m_Z²)² + m_Z²Γ_Z²)). */
// @ts-ignore: decorator
@inline function breitWignerDensity(mass: f64): f64 {
  const mg = MZ_GEV * GAMMA_Z_GEV
  const d = mass * mass - MZ_GEV * MZ_GEV
  return 2.0 * mass * mg / ((bwHigh - bwLow) * (d * d + mg * mg))
}

/** Power-law proposal density in M (GeV⁻¹): 2 / (M³ (mMin⁻² − mMax⁻²)). */
// @ts-ignore: decorator
@inline function powerLawDensity(mass: f64): f64 {
  return 2.0 / (mass * mass * mass * (plLow - plHigh))
}

// @ts-ignore: decorator
@inline function breitWignerMass(u: f64, mMin: f64, mMax: f64): f64 {
  const theta = bwLow + u * (bwHigh - bwLow)
  const mass = Math.sqrt(MZ_GEV * MZ_GEV + MZ_GEV * GAMMA_Z_GEV * Math.tan(theta))
  return Math.min(Math.max(mass, mMin), mMax)
}

// @ts-ignore: decorator
@inline function powerLawMass(u: f64, mMin: f64, mMax: f64): f64 {
  const mass = 1.0 / Math.sqrt(plLow + u * (plHigh - plLow))
  return Math.min(Math.max(mass, mMin), mMax)
}

/**
 * Weight pieces at (M, y) with the proposal's y density folded in but not its M density:
 * w · g(M) = weightEven + weightOdd · c/(1 + c²), so max over c is weightEven + |weightOdd|/2.
 */
function evaluateBound(mass: f64, rapidity: f64, yMax: f64, sqrtS: f64): void {
  const tau = mass / sqrtS
  const e = Math.exp(rapidity)
  setPdfScale(mass, false)
  quarkMomentumDensities(tau * e, false)
  const u1 = xUp, ub1 = xUpBar, d1 = xDown, db1 = xDownBar, s1 = xStrange, c1 = xCharm, b1 = xBottom
  quarkMomentumDensities(tau / e, false)
  // P± = Σ F_q(x₁)F_q̄(x₂) and Σ F_q̄(x₁)F_q(x₂), up-type (u, c) and down-type (d, s, b) apart
  const heavyUp = c1 * xCharm
  const heavyDown = s1 * xStrange + b1 * xBottom
  const upPlus = u1 * xUpBar + heavyUp
  const upMinus = ub1 * xUp + heavyUp
  const downPlus = d1 * xDownBar + heavyDown
  const downMinus = db1 * xDown + heavyDown
  const s = mass * mass
  angularCoefficients(s, 2.0 / 3.0, 0.5, true)
  const a0Up = coefficientA0, a1Up = coefficientA1
  angularCoefficients(s, -1.0 / 3.0, -0.5, true)
  // (πα²/3)(ħc)² / M³ · 2y_max (from g(y)) · 8/3 (from g(c) = (3/8)(1 + c²))
  const prefactor = Math.PI * ALPHA_MZ * ALPHA_MZ / 3.0 * GEV2_PB * (16.0 / 3.0) * yMax / (s * mass)
  weightEven = prefactor * (a0Up * (upPlus + upMinus) + coefficientA0 * (downPlus + downMinus))
  weightOdd = prefactor * (a1Up * (upPlus - upMinus) + coefficientA1 * (downPlus - downMinus))
}

/** One proposal draw (M, y, c) from g(M) g(y|M) g(c), into trialMass, trialRapidity, trialCos. */
function drawProposal(sqrtS: f64, mMin: f64, mMax: f64): void {
  const pick = uniform()
  const u = uniform()
  const mass = pick < mixture ? breitWignerMass(u, mMin, mMax) : powerLawMass(u, mMin, mMax)
  const yMax = rapidityLimit(mass, sqrtS)
  const rapidity = yMax * (2.0 * uniform() - 1.0)
  // c from (3/8)(1 + c²): c³ + 3c = 8u − 4, Cardano's root of the depressed cubic
  const q = 4.0 * uniform() - 2.0
  const r = Math.sqrt(q * q + 1.0)
  trialMass = mass
  trialRapidity = rapidity
  trialRapidityLimit = yMax
  trialCos = Math.min(Math.max(Math.cbrt(q + r) + Math.cbrt(q - r), -1.0), 1.0)
}

/** Weight w = dσ/(dM dy dc) / g(M, y, c) of the current draw, in pb. */
function trialWeight(sqrtS: f64): f64 {
  const mass = trialMass
  const c = trialCos
  evaluateBound(mass, trialRapidity, trialRapidityLimit, sqrtS)
  const massDensity = mixture * breitWignerDensity(mass) + (1.0 - mixture) * powerLawDensity(mass)
  return (weightEven + weightOdd * c / (1.0 + c * c)) / massDensity
}

/** Energies, p_z and p_T² of μ⁻ (1) and μ⁺ (2) in the lab: back to back in the rest frame, boosted by y. */
function buildLongitudinal(muonMass: f64): void {
  const p = twoBodyMomentum(trialMass, muonMass)
  const c = trialCos
  const pzStar = p * c
  const energy = 0.5 * trialMass
  const coshY = Math.cosh(trialRapidity)
  const sinhY = Math.sinh(trialRapidity)
  kinMomentum = p
  kinPt2 = p * p * (1.0 - c) * (1.0 + c)
  kinEnergy1 = boostedEnergy(energy, pzStar, coshY, sinhY)
  kinPz1 = boostedPz(energy, pzStar, coshY, sinhY)
  kinEnergy2 = boostedEnergy(energy, -pzStar, coshY, sinhY)
  kinPz2 = boostedPz(energy, -pzStar, coshY, sinhY)
}

// @ts-ignore: decorator
@inline function passesCuts(ptMin2: f64, sinhEtaMax: f64): bool {
  return passesAcceptance(kinPt2, kinPz1, ptMin2, sinhEtaMax) && passesAcceptance(kinPt2, kinPz2, ptMin2, sinhEtaMax)
}

function sameKey(a: f64, b: f64, c: f64, d: f64, e: f64, f: f64): bool {
  const k = CACHED_KEY
  return load<f64>(k) == a && load<f64>(k, 8) == b && load<f64>(k, 16) == c && load<f64>(k, 24) == d &&
    load<f64>(k, 32) == e && load<f64>(k, 40) == f
}

/**
 * Computes (or reuses) the envelope for these parameters. Returns 0, or 1 when no presample draw passes the cuts
 * (phase space empty or nearly so). Deterministic: depends on the parameters only.
 */
function prepareEnvelope(sqrtS: f64, mMin: f64, mMax: f64, ptMin: f64, sinhEtaMax: f64, muonMass: f64): i32 {
  if (sameKey(sqrtS, mMin, mMax, ptMin, sinhEtaMax, muonMass)) return envelopeStatus
  const mg = MZ_GEV * GAMMA_Z_GEV
  bwLow = Math.atan((mMin * mMin - MZ_GEV * MZ_GEV) / mg)
  bwHigh = Math.atan((mMax * mMax - MZ_GEV * MZ_GEV) / mg)
  plLow = 1.0 / (mMin * mMin)
  plHigh = 1.0 / (mMax * mMax)
  // Grid: bound W(M) = max over y of (weightEven + |weightOdd|/2), at masses spread by each proposal component.
  for (let j = 0; j < 2 * GRID_MASSES; j++) {
    const u = <f64>(j % GRID_MASSES) / <f64>(GRID_MASSES - 1)
    const mass = j < GRID_MASSES ? breitWignerMass(u, mMin, mMax) : powerLawMass(u, mMin, mMax)
    const yMax = rapidityLimit(mass, sqrtS)
    let best = 0.0
    for (let k = 0; k < GRID_RAPIDITIES; k++) {
      evaluateBound(mass, yMax * <f64>k / <f64>(GRID_RAPIDITIES - 1), yMax, sqrtS)
      best = Math.max(best, weightEven + 0.5 * Math.abs(weightOdd))
    }
    const offset = (<usize>j) << 3
    store<f64>(GRID_BOUND + offset, best)
    store<f64>(GRID_BW + offset, breitWignerDensity(mass))
    store<f64>(GRID_PL + offset, powerLawDensity(mass))
  }
  // Mixture α minimising the grid maximum of W(M)/g(M): the efficiency is σ / envelope.
  let gridMaximum = Infinity
  for (let step = 0; step <= MIXTURE_STEPS; step++) {
    const alpha = <f64>step / <f64>MIXTURE_STEPS
    let worst = 0.0
    for (let j = 0; j < 2 * GRID_MASSES; j++) {
      const offset = (<usize>j) << 3
      const density = alpha * load<f64>(GRID_BW + offset) + (1.0 - alpha) * load<f64>(GRID_PL + offset)
      worst = Math.max(worst, load<f64>(GRID_BOUND + offset) / density)
    }
    if (worst < gridMaximum) {
      gridMaximum = worst
      mixture = alpha
    }
  }
  // Fixed-seed presample: the bound at proposal draws, and whether anything passes the cuts.
  let presampleMaximum = 0.0
  let passes = 0
  const ptMin2 = ptMin * ptMin
  for (let i = 0; i < PRESAMPLE; i++) {
    seedStream(PRESAMPLE_SEED, <u64>i)
    drawProposal(sqrtS, mMin, mMax)
    const mass = trialMass
    evaluateBound(mass, trialRapidity, trialRapidityLimit, sqrtS)
    const density = mixture * breitWignerDensity(mass) + (1.0 - mixture) * powerLawDensity(mass)
    presampleMaximum = Math.max(presampleMaximum, (weightEven + 0.5 * Math.abs(weightOdd)) / density)
    buildLongitudinal(muonMass)
    if (passesCuts(ptMin2, sinhEtaMax)) passes++
  }
  envelope = SAFETY * Math.max(gridMaximum, presampleMaximum)
  envelopeStatus = passes > 0 ? 0 : 1
  const k = CACHED_KEY
  store<f64>(k, sqrtS)
  store<f64>(k, mMin, 8)
  store<f64>(k, mMax, 16)
  store<f64>(k, ptMin, 24)
  store<f64>(k, sinhEtaMax, 32)
  store<f64>(k, muonMass, 40)
  return envelopeStatus
}

/**
 * Fills `n` events of stream (seed, first + i). features: n × 8 f64 (E, px, py, pz of μ⁻ then μ⁺, lab frame, GeV);
 * truth: n × 4 f64 (M, y, cos θ_CS, φ_CS). `etaMax` ≤ 0 or infinite means no |η| cut; `ptMin` 0 no p_T cut.
 * Returns 0, 1 (no presample draw passes the cuts: phase space empty) or 2 (an event needed more than 10⁶ trials).
 * Preconditions (checked by core): 2 GeV ≤ mMin < mMax ≤ 10 TeV, mMax < sqrtS, mMin > 2·muonMass ≥ 0, ptMin ≥ 0.
 */
export function generateDrellYan(
  seed: u64, first: u64, n: i32, sqrtS: f64, mMin: f64, mMax: f64, ptMin: f64, etaMax: f64, muonMass: f64,
  features: usize, truth: usize,
): i32 {
  violations = 0
  trials = 0.0
  largestWeight = 0.0
  const sinhEtaMax = etaMax > 0.0 && etaMax < Infinity ? Math.sinh(etaMax) : -1.0
  if (prepareEnvelope(sqrtS, mMin, mMax, ptMin, sinhEtaMax, muonMass) != 0) return 1
  const ceiling = envelope
  const ptMin2 = ptMin * ptMin
  const withCuts = ptMin > 0.0 || sinhEtaMax >= 0.0
  for (let i = 0; i < n; i++) {
    seedStream(seed, first + <u64>i)
    let attempts = 0
    // dσ/(dM dy dcos θ*) ∝ M⁻³ Σ_q [F_q F_q̄ A(+c) + F_q̄ F_q A(−c)]: cuts first (cheap), then accept–reject
    while (true) {
      if (attempts == MAX_TRIALS_PER_EVENT) return 2
      attempts++
      drawProposal(sqrtS, mMin, mMax)
      buildLongitudinal(muonMass)
      if (withCuts && !passesCuts(ptMin2, sinhEtaMax)) continue
      const weight = trialWeight(sqrtS)
      if (weight > largestWeight) largestWeight = weight
      if (weight > ceiling) violations++
      if (uniform() * ceiling >= weight) continue
      const mass = trialMass
      const p = kinMomentum
      const e1 = kinEnergy1
      const pz1 = kinPz1
      const e2 = kinEnergy2
      const pz2 = kinPz2
      const pt = Math.sqrt(kinPt2)
      NativeMath.sincos(Math.PI * (2.0 * uniform() - 1.0)) // φ* uniform on [−π, π)
      const px = pt * NativeMath.sincos_cos
      const py = pt * NativeMath.sincos_sin
      const row = features + (<usize>(i * FEATURES) << 3)
      store<f64>(row, e1)
      store<f64>(row, px, 8)
      store<f64>(row, py, 16)
      store<f64>(row, pz1, 24)
      store<f64>(row, e2, 32)
      store<f64>(row, -px, 40)
      store<f64>(row, -py, 48)
      store<f64>(row, pz2, 56)
      // Truth from the four-vectors, as for real data: M, y and the Collins–Soper angles (assembly/lib/collinsSoper.ts)
      dimuonObservables(e1, px, py, pz1, e2, -px, -py, pz2)
      const t = truth + (<usize>(i * TRUTH) << 3)
      store<f64>(t, mass)
      store<f64>(t, trialRapidity, 8)
      store<f64>(t, cosThetaCS, 16)
      store<f64>(t, phiCS, 24)
      break
    }
    trials += <f64>attempts
  }
  return 0
}

/** Trials (proposal draws, rejected ones included) in the last generateDrellYan call. */
export function drellYanTrials(): f64 {
  return trials
}

/** Trials of the last call whose weight exceeded the envelope (should be 0; each is a bias). */
export function drellYanEnvelopeViolations(): i32 {
  return violations
}

/** Largest weight (pb) drawn in the last call: how close the weights came to the envelope. */
export function drellYanLargestWeight(): f64 {
  return largestWeight
}

/** The envelope (pb) in use: the cross section is envelope × accepted / trials. */
export function drellYanEnvelope(): f64 {
  return envelope
}
