// The options `analyze` and `scan` share: where the data comes from, and the VAE settings a scan does not vary
// (parseArgs option specs, and the settings they give). β, the seed and the latent size are each command's own.
import type { Activation, VaeConfig } from '../../core/vae/index.js'
import type { InputOptions } from './loadInput.js'
import { parseInteger, parseNumber } from './parseValues.js'

/** How a file is read (client/cli/loadInput.ts): column roles, format, and the format-specific choices. */
export const DATA_OPTIONS = {
  features: { type: 'string' },
  truth: { type: 'string' },
  angular: { type: 'string' },
  from: { type: 'string' },
  lepton: { type: 'string' },
  format: { type: 'string' },
  columns: { type: 'string' },
  dataset: { type: 'string' },
  particles: { type: 'string' },
  mass: { type: 'boolean' },
  weights: { type: 'string' },
} as const

type DataValues = { [K in keyof typeof DATA_OPTIONS]?: (typeof DATA_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string }

/** The file-reading options of DATA_OPTIONS as loadInput takes them (comma lists split). */
export function dataSettings(values: DataValues): Omit<InputOptions, 'n' | 'seed' | 'params'> {
  return {
    features: list(values.features),
    truth: list(values.truth),
    angular: list(values.angular),
    from: values.from,
    lepton: values.lepton,
    format: values.format,
    columns: list(values.columns),
    dataset: values.dataset,
    particles: list(values.particles),
    mass: values.mass,
    weights: values.weights,
  }
}

/** The VAE settings besides β, seed and latent size, the threshold and the backend. */
export const MODEL_OPTIONS = {
  hidden: { type: 'string' },
  layers: { type: 'string' },
  activation: { type: 'string' },
  linear: { type: 'boolean', default: false },
  lr: { type: 'string' },
  batch: { type: 'string' },
  epochs: { type: 'string' },
  samples: { type: 'string' },
  validation: { type: 'string' },
  patience: { type: 'string' },
  threshold: { type: 'string' },
  backend: { type: 'string', default: 'fused' },
} as const

/** A comma list option as its trimmed, non-empty items. */
export const list = (text: string | undefined) => (text === undefined ? undefined : text.split(',').map((s) => s.trim()).filter(Boolean))

/** An optional numeric option: undefined when absent, else parsed strictly as an integer or a number. */
export const optional = (name: string, text: string | undefined, integer: boolean) =>
  text === undefined ? undefined : integer ? parseInteger(name, text) : parseNumber(name, text)

type ModelValues = { [K in keyof typeof MODEL_OPTIONS]?: (typeof MODEL_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string }

/** The VAE settings of MODEL_OPTIONS (ranges are checked by core's resolveVaeConfig). */
export function modelSettings(values: ModelValues): Partial<VaeConfig> {
  return {
    hidden: optional('hidden', values.hidden, true),
    layers: optional('layers', values.layers, true),
    activation: values.activation as Activation | undefined,
    linear: values.linear || undefined,
    learningRate: optional('lr', values.lr, false),
    batchSize: optional('batch', values.batch, true),
    epochs: optional('epochs', values.epochs, true),
    samples: optional('samples', values.samples, true),
    validationSplit: optional('validation', values.validation, false),
    patience: optional('patience', values.patience, true),
  }
}
