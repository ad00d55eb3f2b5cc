// From what the form or the URL says (text) to what runs: the worker's RunMessage or the API's request body. Every
// check is core's: the generator's parameter schema (resolveRequest), the VAE settings (resolveVaeConfig), so a bad
// value reads the same here as in the CLI and the API.
import { DEFAULT_THRESHOLD } from '../../../core/analysis/index.js'
import { getDataset, parseParameterText, resolveRequest } from '../../../core/datasets/index.js'
import { SymscopeError } from '../../../core/index.js'
import { MAX_SCAN_SEEDS, parseBetaGrid } from '../../../core/scan/index.js'
import { checkThreadCount, DEFAULT_VAE_CONFIG, resolveVaeConfig, type Activation, type VaeConfig } from '../../../core/vae/index.js'
import type { AnalysisRequestBody, ScanRequestBody } from '../../element/api.js'
import type { BackendChoice, DataSource } from './protocol.js'
import type { AnalysisState, RunWhere, SettingKey } from './urlState.js'

/** Events generated when the form or URL gives no count: the API's default too. */
export const DEFAULT_EVENTS = 10_000

/** Which VaeConfig field each URL setting is (the CLI's option names: batch, lr). */
type ConfigKey = Exclude<SettingKey, 'threshold' | 'betas' | 'seeds' | 'threads'>
const CONFIG_FIELD: Record<ConfigKey, keyof VaeConfig> = {
  epochs: 'epochs',
  seed: 'seed',
  latent: 'latent',
  beta: 'beta',
  hidden: 'hidden',
  layers: 'layers',
  activation: 'activation',
  batch: 'batchSize',
  lr: 'learningRate',
  patience: 'patience',
}

/** The documented defaults, as the form shows them (latent has none: it depends on the feature count). */
export const SETTING_DEFAULTS: Partial<Record<SettingKey, string>> = {
  epochs: String(DEFAULT_VAE_CONFIG.epochs),
  seed: String(DEFAULT_VAE_CONFIG.seed),
  beta: String(DEFAULT_VAE_CONFIG.beta),
  threshold: String(DEFAULT_THRESHOLD),
  hidden: String(DEFAULT_VAE_CONFIG.hidden),
  layers: String(DEFAULT_VAE_CONFIG.layers),
  activation: DEFAULT_VAE_CONFIG.activation,
  batch: String(DEFAULT_VAE_CONFIG.batchSize),
  lr: String(DEFAULT_VAE_CONFIG.learningRate),
  patience: String(DEFAULT_VAE_CONFIG.patience),
}

/** A setting's text as a number, or an error naming it. */
function numberOf(key: string, text: string): number {
  const value = Number(text.trim())
  if (text.trim() === '' || !Number.isFinite(value)) throw new SymscopeError('invalid_parameter', `${key}: '${text}' is not a number`, { parameter: key })
  return value
}

/** The training settings of a state, checked by core against `features` input columns. */
export function trainingSettings(settings: AnalysisState['settings'], features: number): { config: Partial<VaeConfig>; threshold: number | undefined } {
  const config: Partial<VaeConfig> = {}
  for (const [key, field] of Object.entries(CONFIG_FIELD) as [ConfigKey, keyof VaeConfig][]) {
    const text = settings[key]
    if (text === undefined || text.trim() === '') continue
    ;(config as Record<string, unknown>)[field] = key === 'activation' ? (text as Activation) : numberOf(key, text)
  }
  resolveVaeConfig(config, features) // throws naming the setting and its range
  const thresholdText = settings.threshold
  const threshold = thresholdText === undefined || thresholdText.trim() === '' ? undefined : numberOf('threshold', thresholdText)
  if (threshold !== undefined && !(threshold > 0 && threshold < 1)) {
    throw new SymscopeError('invalid_parameter', `threshold must be a number > 0 and < 1; got ${threshold}`, { parameter: 'threshold' })
  }
  return { config, threshold }
}

/** A ready analysis: the data, checked settings, where it runs and, for shareable ones, its URL query. */
export interface AnalysisSpec {
  source: DataSource
  config: Partial<VaeConfig>
  threshold: number | undefined
  run: RunWhere
  backend: BackendChoice
  /** A scan instead of one analysis: the β grid's text (core's parseBetaGrid) and the training seeds per β. */
  scan?: { betas: string; seeds: number }
  /** Threads of the fused trainer in this browser (undefined: the worker's default). */
  threads?: number
}

/** The thread count a state asks for, checked against core's limit (1 … 16); undefined when none is given. */
export function threadsSetting(settings: AnalysisState['settings']): number | undefined {
  const text = settings.threads?.trim() ?? ''
  if (text === '') return undefined
  const threads = numberOf('threads', text)
  checkThreadCount(threads) // throws naming the limit
  return threads
}

/**
 * The scan a state asks for (a non-empty β grid), its grid text checked by core's parseBetaGrid and its seed count by
 * the scan limit; undefined for one analysis.
 */
export function scanSettings(settings: AnalysisState['settings']): AnalysisSpec['scan'] {
  const betas = settings.betas?.trim() ?? ''
  const seedsText = settings.seeds?.trim() ?? ''
  if (betas === '') {
    if (seedsText !== '') throw new SymscopeError('invalid_parameter', 'seeds: a seed count needs a β grid (betas) to scan over', { parameter: 'seeds' })
    return undefined
  }
  parseBetaGrid(betas) // throws naming the problem
  const seeds = seedsText === '' ? 1 : numberOf('seeds', seedsText)
  if (!(Number.isInteger(seeds) && seeds >= 1 && seeds <= MAX_SCAN_SEEDS)) {
    throw new SymscopeError('invalid_parameter', `seeds must be an integer from 1 to ${MAX_SCAN_SEEDS}; got ${seedsText}`, { parameter: 'seeds' })
  }
  return { betas, seeds }
}

/** A generator source from text: parameters parsed as the CLI's --set, then checked by the generator's schema. */
export function generatorSource(dataset: string, nText: string, seed: number, params: Record<string, string>): DataSource {
  const parsed: Record<string, number | boolean | null | string> = {}
  for (const [name, text] of Object.entries(params)) parsed[name] = parseParameterText(text)
  const n = nText.trim() === '' ? DEFAULT_EVENTS : numberOf('n', nText)
  const resolved = resolveRequest({ dataset, n, seed, params: parsed })
  return { kind: 'generator', dataset, n, seed, params: resolved.params }
}

/** Feature columns a source will have before constant ones are dropped (for checking the latent size). */
export function featureCount(source: DataSource): number {
  if (source.kind === 'generator') return getDataset(source.dataset).features.length
  if (source.kind === 'cms') return 8
  return 2 // an uploaded file: checked for real when prepared; 2 keeps every latent size allowed here
}

/** The body of `POST /api/v1/analyses` for a spec; a CMS example must first be turned into plain CSV (`csvText`). */
export function requestBody(spec: AnalysisSpec, csv?: { text: string; name: string; angular: string[] }): AnalysisRequestBody {
  const config = { ...spec.config, threshold: spec.threshold }
  if (spec.source.kind === 'generator') {
    const { dataset, n, seed, params } = spec.source
    return { dataset: { generator: { name: dataset, n, seed, params } }, config }
  }
  if (spec.source.kind === 'file') throw new Error('a binary file goes to the server as an upload (uploadQuery), not as JSON')
  const data = csv ?? { text: spec.source.text, name: spec.source.name, angular: [] }
  return { dataset: { csv: data.text, name: data.name }, config: { ...config, angular: data.angular.length ? data.angular : undefined } }
}

/**
 * The body of `POST /api/v1/scans` for a scan spec: the analysis's dataset, the grid (the β text as typed, `seeds`
 * training seeds from config.seed on, the latent size if one is set, as the scan in this browser and
 * `symscope scan --seed S --seeds n` take them) and the rest of the config, which every point shares.
 */
export function scanRequestBody(spec: AnalysisSpec, scan: NonNullable<AnalysisSpec['scan']>, csv?: { text: string; name: string; angular: string[] }): ScanRequestBody {
  const { dataset, config } = requestBody(spec, csv)
  const { beta: _beta, seed, latent, ...shared } = (config ?? {}) as Record<string, unknown> & { seed?: number; latent?: number }
  const first = seed ?? DEFAULT_VAE_CONFIG.seed
  return {
    dataset,
    grid: { beta: scan.betas, seeds: Array.from({ length: scan.seeds }, (_, i) => first + i), latent: latent === undefined ? [] : [latent] },
    config: shared as ScanRequestBody['config'],
  }
}
