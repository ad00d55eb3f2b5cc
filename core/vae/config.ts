import { SymscopeError } from '../errors.js'
import { rangeInWords } from '../rangeText.js'
import { DEFAULT_SAMPLE_BUDGET } from './convergence.js'

/** Hidden-unit nonlinearity of the MLP encoder and decoder. */
export type Activation = 'relu' | 'tanh' | 'elu' | 'sigmoid'

/**
 * Everything that defines one VAE training (docs/method.md). Defaults follow the design: MLP
 * input → h → h → (μ, log σ²) ∈ R^{2K}, mirrored decoder, ReLU, linear output; Adam 1e-3, batch 256.
 */
export interface VaeConfig {
  /** Latent size K; default 4 for data with up to 2 features, 8 otherwise (`defaultLatent`). */
  latent: number
  /** Width h of each hidden layer. */
  hidden: number
  /** Hidden layers in the encoder (the decoder mirrors it); 0 with `linear`. */
  layers: number
  activation: Activation
  /** No hidden layers and no nonlinearity: the linear VAE of the paper's toy model. */
  linear: boolean
  /** Weight β of the KL term: loss = mean squared error over features + β · Σ_k KL_k. */
  beta: number
  learningRate: number
  batchSize: number
  /**
   * Most epochs (passes over the training events): a cap. Training stops earlier, at convergence
   * (core/vae/convergence.ts), or at the `samples` budget, whichever comes first.
   */
  epochs: number
  /** Most training samples (optimiser steps × batch size): the default budget, the same at any n. */
  samples: number
  /** Fraction of events held out for validation; relevance is measured on them. */
  validationSplit: number
  /** Stop when the validation loss has not improved for this many epochs; 0 never stops early. */
  patience: number
  /** Seeds weight initialisation, the split, shuffling and the reparameterisation noise. */
  seed: number
}

export const DEFAULT_VAE_CONFIG: Omit<VaeConfig, 'latent'> = {
  hidden: 64,
  layers: 2,
  activation: 'relu',
  linear: false,
  beta: 0.1,
  learningRate: 1e-3,
  batchSize: 256,
  epochs: 10_000,
  samples: DEFAULT_SAMPLE_BUDGET,
  validationSplit: 0.2,
  patience: 0,
  seed: 1,
}

/** The design's default latent size: 4 for 2-feature data, 8 for event data. */
export const defaultLatent = (features: number): number => (features <= 2 ? 4 : 8)

type Range = { min: number; max: number; integer?: boolean; exclusiveMin?: boolean }

/** Allowed range of each numeric setting: named limits, shown in errors and in `--help`. */
export const VAE_LIMITS: Record<Exclude<keyof VaeConfig, 'activation' | 'linear'>, Range> = {
  latent: { min: 1, max: 64, integer: true },
  hidden: { min: 1, max: 1024, integer: true },
  layers: { min: 0, max: 6, integer: true },
  beta: { min: 0, max: 100 },
  learningRate: { min: 0, max: 1, exclusiveMin: true },
  batchSize: { min: 1, max: 65_536, integer: true },
  epochs: { min: 1, max: 100_000, integer: true },
  samples: { min: 1, max: 1_000_000_000, integer: true },
  validationSplit: { min: 0, max: 0.9, exclusiveMin: true },
  patience: { min: 0, max: 100_000, integer: true },
  seed: { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true },
}

const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'elu', 'sigmoid']

/** A setting's range in words ("an integer from 1 to 64"), as errors and `--help` state it. */
export const describeVaeRange = (r: Range): string => rangeInWords(r)
const describe = describeVaeRange

/**
 * Fills defaults into a partial configuration and checks every value, throwing SymscopeError('invalid_parameter')
 * that names the setting and its range. Unknown settings are refused too.
 */
export function resolveVaeConfig(given: Partial<VaeConfig> & Record<string, unknown>, features: number): VaeConfig {
  const config = { ...DEFAULT_VAE_CONFIG, latent: defaultLatent(features) } as VaeConfig & Record<string, unknown>
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue
    if (!(key in config)) {
      throw new SymscopeError('unknown_parameter', `unknown training setting '${key}' (settings: ${Object.keys(config).join(', ')})`, {
        parameter: key,
      })
    }
    if (key === 'activation') {
      if (!ACTIVATIONS.includes(value as Activation)) {
        throw new SymscopeError('invalid_parameter', `activation must be one of ${ACTIVATIONS.join(', ')}; got ${JSON.stringify(value)}`, {
          parameter: key,
        })
      }
    } else if (key === 'linear') {
      if (typeof value !== 'boolean') {
        throw new SymscopeError('invalid_parameter', `linear must be true or false; got ${JSON.stringify(value)}`, { parameter: key })
      }
    } else {
      const range = VAE_LIMITS[key as keyof typeof VAE_LIMITS]
      const ok =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (!range.integer || Number.isInteger(value)) &&
        (range.exclusiveMin ? value > range.min : value >= range.min) &&
        value <= range.max
      if (!ok) {
        throw new SymscopeError('invalid_parameter', `${key} must be ${describe(range)}; got ${JSON.stringify(value)}`, {
          parameter: key,
          allowed: describe(range),
        })
      }
    }
    config[key] = value
  }
  if (config.linear) config.layers = 0
  return config
}
