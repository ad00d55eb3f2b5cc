// The sections of a report after training, one function each, in the order reportFromTraining (analyze.ts) calls
// them: the latents' relevance, the intrinsic dimensions, the truth correlations, the latent maps and the verdict's
// facts. Each takes what it reads and returns its part of the report; none keeps state.
import type { ConvergenceRecord, Report } from '../report/schema.js'
import { groupText } from '../report/discreteWording.js'
import { scaleLadder } from '../report/symmetryWording.js'
import { relevance } from '../stats/relevance.js'
import { relevanceBootstrap } from '../stats/relevanceBootstrap.js'
import type { Pause } from '../stats/pause.js'
import type { StandardisedMatrix } from '../stats/standardise.js'
import type { Symmetries } from '../symmetries/schema.js'
import type { VaeConfig } from '../vae/config.js'
import type { Encoded } from '../vae/encodeData.js'
import type { Vae } from '../vae/model.js'
import type { TrainedVae } from '../vae/train.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { samplesText } from './convergenceReport.js'
import { jointTruthCorrelations, latentTruthCorrelations, latentTruthDependence } from './correlations.js'
import { dimensionOf } from './dimensions.js'
import type { AnalysisInput } from './input.js'
import { latentProfile, planeMap } from './latentMaps.js'
import { BOOTSTRAP_RESAMPLES, INTERVAL_LEVEL, MAX_DIMENSION_ROWS } from './limits.js'
import { relevanceSpectrum } from './spectrum.js'
import type { VerdictFacts } from './verdict.js'

/** Rows `rows` of a row-major matrix, `cols` wide, as a new Float32Array (row order kept). */
export function gatherRows(values: ArrayLike<number>, cols: number, rows: ArrayLike<number>, count = rows.length): Float32Array {
  const out = new Float32Array(count * cols)
  for (let i = 0; i < count; i++) for (let c = 0; c < cols; c++) out[i * cols + c] = values[rows[i] * cols + c]
  return out
}

/** `latents`: each latent's relevance with its bootstrap interval over the evaluation events (seeded by the training's seed), sorted. */
export function latentSection(wasm: SymscopeWasm, encoded: Encoded, rows: number, config: VaeConfig, threshold: number) {
  const k = config.latent
  const intervals = relevanceBootstrap(wasm, encoded.means, rows, k, { resamples: BOOTSTRAP_RESAMPLES, level: INTERVAL_LEVEL, seed: config.seed })
  const statistics = relevance(wasm, encoded.means, encoded.logVars, rows, k).map((s, j) => {
    const { lower, upper, standardError } = intervals[j]
    return { ...s, relevanceInterval: { lower, upper, standardError } }
  })
  const spectrum = relevanceSpectrum(statistics, threshold)
  return {
    spectrum,
    order: spectrum.latents.map((l) => l.index),
    relevant: spectrum.latents.filter((l) => l.relevant).map((l) => l.index),
  }
}

/**
 * `intrinsicDimension`: of the data (a prefix of the events in their random order is a fair subsample) and of the
 * relevant latents; with `pause`, paced (dimensionOf).
 */
export async function dimensionSection(
  wasm: SymscopeWasm, matrix: StandardisedMatrix, trained: TrainedVae, encoded: Encoded, rows: number, k: number, relevant: number[], pause?: Pause,
) {
  const allRows = Int32Array.from([...trained.validationRows, ...trained.trainRows])
  const idRows = Math.min(allRows.length, MAX_DIMENSION_ROWS)
  const data = await dimensionOf(wasm, gatherRows(matrix.data, matrix.cols, allRows, idRows), idRows, matrix.cols, pause)
  const relevantMeans = gatherRows(encoded.means, k, Int32Array.from({ length: rows }, (_, i) => i)).filter((_, j) => relevant.includes(j % k))
  const latent = relevant.length ? await dimensionOf(wasm, relevantMeans, rows, relevant.length, pause) : { twoNN: null, interval: null, curve: [] }
  const intrinsicDimension: Report['intrinsicDimension'] = {
    data: data.twoNN,
    latent: latent.twoNN,
    dataCurve: data.curve,
    latentCurve: latent.curve,
    dataInterval: data.interval,
    latentInterval: latent.interval,
  }
  return { data, latent, intrinsicDimension }
}

/** The evaluation events' truth values, row-major (rows × truth observables). */
export function evaluationTruth(input: AnalysisInput, evalRows: Int32Array): Float64Array {
  const nt = input.truthNames.length
  const truth = new Float64Array(evalRows.length * nt)
  for (let i = 0; i < evalRows.length; i++) for (let t = 0; t < nt; t++) truth[i * nt + t] = input.truth[evalRows[i] * nt + t]
  return truth
}

/**
 * `correlations` and `relevantSetCorrelations`: every latent, and the relevant set together, against every truth
 * observable; with `pause`, awaited between pairs (each O(rows²)).
 */
export async function truthSection(
  wasm: SymscopeWasm, input: AnalysisInput, truth: Float64Array, encoded: Encoded, rows: number, k: number, order: number[], relevant: number[], pause?: Pause,
) {
  const correlations = await latentTruthCorrelations(wasm, encoded.means, order, k, truth, input.truthNames, input.angularTruth, rows, pause)
  await pause?.()
  return {
    correlations,
    relevantSetCorrelations: await jointTruthCorrelations(wasm, encoded.means, relevant, k, truth, input.truthNames, input.angularTruth, rows, pause),
  }
}

/** `latentMaps`: ⟨z⟩ against every feature and truth observable, and over the input plane for two features (the paper's Figs. 3–4). */
export function latentMapsSection(vae: Vae, input: AnalysisInput, matrix: StandardisedMatrix, evalRows: Int32Array, truth: Float64Array, encoded: Encoded, k: number, order: number[]): Report['latentMaps'] {
  const rows = evalRows.length
  const nf = input.featureNames.length
  const nt = input.truthNames.length
  const raw = new Float64Array(rows * nf)
  for (let i = 0; i < rows; i++) for (let c = 0; c < nf; c++) raw[i * nf + c] = input.features[evalRows[i] * nf + c]
  const profiles = [
    ...matrix.columns.map((c) => latentProfile(input.featureNames[c], 'feature', raw, nf, c, encoded.means, k, order, rows)),
    ...input.truthNames.map((name, t) => latentProfile(name, 'truth', truth, nt, t, encoded.means, k, order, rows)),
  ]
  const plane = nf === 2 && matrix.cols === 2 ? planeMap(vae, [input.featureNames[0], input.featureNames[1]], input.features, input.n, matrix, order) : null
  return { plane, profiles }
}

/**
 * The truth observable most dependent with the top latent, with the level independent samples of this size stay
 * below, so that the verdict says "follows" only above it (core/analysis/verdict.ts).
 */
export function topLatentFacts(wasm: SymscopeWasm, input: AnalysisInput, truth: Float64Array, encoded: Encoded, rows: number, k: number, order: number[], correlations: Report['correlations']): VerdictFacts['top'] {
  const top = correlations.filter((c) => c.latent === order[0]).sort((a, b) => b.distance - a.distance)[0] ?? null
  if (!top) return null
  const level = latentTruthDependence(wasm, encoded.means, top.latent, k, truth, input.truthNames, top.truth, input.angularTruth, rows)
  return level ? { truth: top.truth, distance: top.distance, independenceLevel: level.independenceLevel, n: level.n } : null
}

/** The symmetry section's and the stopping rule's parts of the verdict's facts. */
export function symmetryAndConvergenceFacts(symmetries: Symmetries, convergence: ConvergenceRecord): Pick<VerdictFacts, 'scale' | 'group' | 'convergence'> {
  return {
    scale: scaleLadder(symmetries),
    group: symmetries.discrete ? groupText(symmetries.discrete) : null,
    convergence: {
      converged: convergence.converged,
      samples: samplesText(convergence.samples),
      largestDrift: convergence.lossDrift === null ? null : Math.max(0, ...convergence.latents.map((l) => Math.abs(l.drift))),
      collapsing: convergence.latents.filter((l) => l.collapsing).length,
    },
  }
}
