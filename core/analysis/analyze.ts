import { SymscopeError } from '../errors.js'
import { reportSchema, type Report } from '../report/schema.js'
import type { Pause } from '../stats/pause.js'
import { alignSymmetries, dataSymmetries, dataSymmetriesPaced } from '../symmetries/reportSection.js'
import type { Symmetries } from '../symmetries/schema.js'
import type { TrainingThreads } from '../vae/fused/threads.js'
import { resolveVaeConfig, type VaeConfig } from '../vae/config.js'
import { encodeRows } from '../vae/encodeData.js'
import { disposeVae, type TrainerName } from '../vae/model.js'
import { plannedTrainingSteps, trainVae, type EpochRecord, type TrainedVae, type TrainOptions } from '../vae/train.js'
import { VERSION } from '../version.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { canonicalJson, sha256Hex } from './hash.js'
import type { AnalysisInput } from './input.js'
import { convergenceSection } from './convergenceReport.js'
import { BOOTSTRAP_RESAMPLES, DEFAULT_THRESHOLD, INTERVAL_LEVEL } from './limits.js'
import { linearToyComparison } from './linearToyReport.js'
import { prepareFeatures, type PreparedFeatures } from './prepare.js'
import {
  dimensionSection, evaluationTruth, latentMapsSection, latentSection, symmetryAndConvergenceFacts, topLatentFacts, truthSection,
} from './reportSections.js'
import { statisticsSeconds, symmetrySeconds } from './stepEstimates.js'
import { verdict } from './verdict.js'

export type AnalysisPhase = 'symmetries' | 'training' | 'statistics'

export interface AnalyzeOptions {
  /** VAE settings; defaults in docs/method.md (core/vae/config.ts). */
  config?: Partial<VaeConfig>
  /** Relevance threshold: a latent with R ≥ threshold is relevant. Default 0.05. */
  threshold?: number
  onEpoch?: (record: EpochRecord, epochs: number) => void | Promise<void>
  /**
   * Called as each phase starts, with the seconds it is estimated to take from the shape (stepEstimates.ts; null for
   * the training, whose progress is `onEpoch`).
   */
  onPhase?: (phase: AnalysisPhase, estimatedSeconds: number | null) => void
  /**
   * Awaited between the parts of the symmetry section and of the statistics (core/stats/pause.ts): a host yields to
   * its event loop there, a CLI draws its progress. Never changes the report.
   */
  pause?: Pause
  signal?: AbortSignal
  /** Which trainer (core/vae/model.ts): 'fused' by default; a tfjs one needs its backend set up first. */
  trainer?: TrainerName
  /** Threads for the fused trainer (core/vae/train.ts): the same report on any count, so not in the id. */
  threads?: TrainingThreads
  /**
   * Train to the cap (`epochs`, `samples`) whatever the stopping rule says; the report still says whether it had
   * converged at the last check. For checks of an optimum past what the report states (test/core/linearToy.test.ts).
   * Not in the id: callers that use it choose their own settings.
   */
  untilCap?: boolean
}

/** An analysis ready to train: the checked input, the standardised features, the settings and the report's id. */
export interface PreparedAnalysis {
  input: AnalysisInput
  features: PreparedFeatures
  config: VaeConfig
  threshold: number
  /** The report's id, known before training: SHA-256 of the data, the settings and the trainer. */
  id: string
  datasetSha: string
  trainer: TrainerName
}

/**
 * Checks the input and the settings, standardises the features and computes the report's id, without training.
 * A server uses the id to answer from its cache and `plannedSteps` to decide where to train.
 *
 * @throws {SymscopeError} invalid_data / too_large / invalid_parameter / unknown_parameter
 */
export async function prepareAnalysis(wasm: SymscopeWasm, input: AnalysisInput, options: AnalyzeOptions = {}): Promise<PreparedAnalysis> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD
  if (!(typeof threshold === 'number' && threshold > 0 && threshold < 1)) {
    throw new SymscopeError('invalid_parameter', `threshold must be a number above 0 and below 1; got ${JSON.stringify(threshold)}`, {
      parameter: 'threshold',
    })
  }
  const features = prepareFeatures(wasm, input)
  const config = resolveVaeConfig(options.config ?? {}, features.matrix.cols)
  const datasetSha = await sha256Hex(Float64Array.from(input.features))
  const trainer = options.trainer ?? 'fused'
  // The trainer changes the bytes (each has its own arithmetic and random streams), so it is part of the identity;
  // so are the truth values and which of them are angles, since the correlations read them.
  const truthSha = await sha256Hex(Float64Array.from(input.truth))
  const identity = {
    datasetSha, name: input.name, source: input.source, format: input.format ?? null, parameters: input.parameters, truth: input.truthNames, truthSha, angular: input.angularTruth,
    config, threshold, VERSION, trainer,
  }
  const id = await sha256Hex(canonicalJson({ ...identity, features: input.featureNames }))
  return { input, features, config, threshold, id, datasetSha, trainer }
}

/** Optimiser steps the training of a prepared analysis takes in all. */
export const plannedSteps = (prepared: PreparedAnalysis): number => plannedTrainingSteps(prepared.features.matrix.rows, prepared.config)

/** Trains the prepared analysis's VAE; with `maxSteps` and `resume`, in slices (see core/vae/train.ts). */
export function trainAnalysis(wasm: SymscopeWasm, prepared: PreparedAnalysis, options: TrainOptions = {}): Promise<TrainedVae> {
  const { matrix } = prepared.features
  return trainVae(wasm, matrix.data, matrix.rows, matrix.cols, prepared.config, { ...options, threshold: prepared.threshold, trainer: prepared.trainer })
}

/**
 * The symmetry section of a prepared analysis, from its raw features alone (constraints, symmetry algebras,
 * invariances; core/symmetries): it needs no training, so it is computed before it (on a server, in a job's first
 * slice) and handed to reportFromTraining, which adds only the alignment with the trained latents. With `pause`, its
 * steps await it in between (a server's single thread serves other requests meanwhile; core/stats/pause.ts).
 */
export async function symmetriesOf(wasm: SymscopeWasm, prepared: PreparedAnalysis, pause?: Pause): Promise<Symmetries> {
  const { input } = prepared
  const events = { featureNames: input.featureNames, features: input.features, n: input.n }
  return pause ? dataSymmetriesPaced(wasm, events, pause) : dataSymmetries(wasm, events)
}

/**
 * The report of a finished training: encode the held-out events, rank latents by relevance, measure intrinsic
 * dimensions, correlate with the truth, draw the latent maps, align the symmetry section (`dataSection`, from
 * symmetriesOf before training; computed here when not given) with the relevant latents, say it in words. Disposes
 * the trained VAE. With `pause`, awaited between the sections and inside the long ones (the intrinsic dimensions, the
 * symmetry section when not given), so that a single-threaded host is never held for long: the same bytes
 * (core/stats/pause.ts, docs/limits.md).
 */
export async function reportFromTraining(wasm: SymscopeWasm, prepared: PreparedAnalysis, trained: TrainedVae, dataSection?: Symmetries, pause?: Pause): Promise<Report> {
  const { input, config, threshold, datasetSha } = prepared
  // A training stopped before its planned steps (aborted) gives other bytes than the full one: it gets its own id,
  // derived from the full one and the steps it ran. (An early stop by patience follows from the settings in the id.)
  const id = trained.aborted ? await sha256Hex(canonicalJson({ id: prepared.id, stoppedAtStep: trained.steps })) : prepared.id
  const { matrix } = prepared.features
  try {
    const evalRows = trained.validationRows
    const rows = evalRows.length
    const k = config.latent
    const encoded = encodeRows(trained.vae, matrix.data, matrix.cols, evalRows)
    await pause?.()
    const { spectrum, order, relevant } = latentSection(wasm, encoded, rows, config, threshold)
    await pause?.()
    const { data, latent, intrinsicDimension } = await dimensionSection(wasm, matrix, trained, encoded, rows, k, relevant, pause)
    await pause?.()
    const truth = evaluationTruth(input, evalRows)
    const { correlations, relevantSetCorrelations } = await truthSection(wasm, input, truth, encoded, rows, k, order, relevant, pause)
    await pause?.()
    const latentMaps = latentMapsSection(trained.vae, input, matrix, evalRows, truth, encoded, k, order)
    await pause?.()
    // The relevant latents' alignment with the orbits of the symmetry section found before training (guarded).
    const symmetries = alignSymmetries(dataSection ?? (await symmetriesOf(wasm, prepared, pause)), {
      featureNames: input.featureNames, n: input.n, vae: trained.vae,
      means: encoded.means, rows, latents: relevant, columns: matrix.columns, featureMeans: matrix.means, featureScales: matrix.scales,
    })
    await pause?.()
    const convergence = convergenceSection(trained.convergence)
    const top = topLatentFacts(wasm, input, truth, encoded, rows, k, order, correlations)
    const report: Report = {
      id,
      version: VERSION,
      dataset: {
        name: input.name,
        source: input.source,
        ...(input.format === undefined ? {} : { format: input.format }),
        parameters: input.parameters,
        n: input.n,
        sha256: datasetSha,
        features: [...input.featureNames],
        truth: [...input.truthNames],
        constantFeatures: prepared.features.constantFeatures,
        expectedDegreesOfFreedom: input.expectedDegreesOfFreedom,
      },
      config: { ...config, threshold },
      latents: spectrum.latents,
      relevantCount: spectrum.relevantCount,
      largestGap: spectrum.largestGap,
      intrinsicDimension,
      uncertainty: { level: INTERVAL_LEVEL, bootstrapResamples: BOOTSTRAP_RESAMPLES, bootstrapSeed: config.seed },
      ...(config.linear
        ? { linearToy: linearToyComparison(wasm, matrix.data, matrix.rows, matrix.cols, config.beta, spectrum.latents) }
        : {}),
      correlations,
      relevantSetCorrelations,
      latentMaps,
      verdict: verdict({
        features: input.featureNames.length,
        constantFeatures: prepared.features.constantFeatures.length,
        relevantCount: spectrum.relevantCount,
        latentDimension: latent.twoNN,
        dataDimension: data.twoNN ?? matrix.cols,
        expectedDegreesOfFreedom: input.expectedDegreesOfFreedom,
        top,
        ...symmetryAndConvergenceFacts(symmetries, convergence),
      }),
      training: {
        backend: trained.vae.trainer,
        seconds: trained.seconds,
        steps: trained.steps,
        bestEpoch: trained.bestEpoch,
        stoppedEarly: trained.stoppedEarly,
        history: trained.history,
        convergence,
      },
      software: { symscope: VERSION, tfjs: trained.vae.tfjsVersion ?? 'not used' },
      symmetries,
    }
    return reportSchema.parse(report)
  } finally {
    disposeVae(trained.vae)
  }
}

/**
 * The whole analysis of docs/method.md: standardise the features (dropping constant ones as exact
 * constraints), train the VAE, encode the held-out events, rank latents by relevance R_i = Var[μ_i], measure the
 * intrinsic dimension of the data and of the relevant-latent means, correlate latents with the truth, draw the
 * latent maps, and say it in words. Trains with `options.trainer` (the fused trainer by default), which the report names
 * and its id covers. Deterministic for the same input, settings and trainer.
 *
 * @throws {SymscopeError} invalid_data / too_large / invalid_parameter for input or settings that cannot be analysed
 */
export async function analyze(wasm: SymscopeWasm, input: AnalysisInput, options: AnalyzeOptions = {}): Promise<Report> {
  const prepared = await prepareAnalysis(wasm, input, options)
  // data → symmetry section first: it reads only the raw features; the trained latents are aligned with it afterwards
  const { n, featureNames } = prepared.input
  options.onPhase?.('symmetries', symmetrySeconds(n, featureNames.length))
  const symmetries = await symmetriesOf(wasm, prepared, options.pause)
  options.onPhase?.('training', null)
  const trained = await trainAnalysis(wasm, prepared, { onEpoch: options.onEpoch, signal: options.signal, threads: options.threads, untilCap: options.untilCap })
  options.onPhase?.('statistics', statisticsSeconds(n, prepared.features.matrix.cols, prepared.config.latent, prepared.config.validationSplit))
  return reportFromTraining(wasm, prepared, trained, symmetries, options.pause)
}
