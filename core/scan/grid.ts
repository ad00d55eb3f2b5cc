import { SymscopeError } from '../errors.js'
import { VAE_LIMITS } from '../vae/config.js'
import { MAX_GRID_BETAS, MAX_GRID_LATENTS, MAX_SCAN_POINTS, MAX_SCAN_SEEDS } from './limits.js'

/** The axes of a scan: every combination of β, training seed and latent size is one analysis. */
export interface ScanGrid {
  /** β values, ascending, each > 0. */
  beta: number[]
  /** Training seeds (config.seed); the data stay the same. */
  seeds: number[]
  /** Latent sizes; [] keeps the analysis's default. */
  latent: number[]
}

const invalid = (parameter: string, message: string) => new SymscopeError('invalid_parameter', message, { parameter })

/**
 * n values log-spaced from `from` to `to`, both included: from · (to/from)^(i/(n − 1)). Each value is rounded to 12
 * significant digits, so that the same grid text gives the same β on every runtime and in every report id.
 */
export function logSpaced(from: number, to: number, n: number): number[] {
  if (n === 1) return [from]
  return Array.from({ length: n }, (_, i) => Number((from * (to / from) ** (i / (n - 1))).toPrecision(12)))
}

/**
 * β values from grid text: `from:to:n` (n log-spaced values, e.g. `0.01:3:12`) or a comma list (`0.1,0.2,0.5`).
 * Values are sorted and must be distinct.
 *
 * @throws {SymscopeError} invalid_parameter naming the problem: a value ≤ 0, NaN or above the β limit, n not an
 *   integer from 1 to MAX_GRID_BETAS, from ≥ to, repeated values
 * @example parseBetaGrid('0.01:1:3') // [0.01, 0.1, 1]
 */
export function parseBetaGrid(text: string): number[] {
  const trimmed = text.trim()
  const range = trimmed.split(':')
  let values: number[]
  if (range.length === 3) {
    const [from, to, n] = range.map((s) => (s.trim() === '' ? Number.NaN : Number(s)))
    if (!(Number.isInteger(n) && n >= 1 && n <= MAX_GRID_BETAS)) {
      throw invalid('beta', `the β grid '${text}' asks for ${range[2]} values; a grid holds an integer from 1 to ${MAX_GRID_BETAS}`)
    }
    checkBeta(from, text)
    checkBeta(to, text)
    if (n > 1 && !(to > from)) throw invalid('beta', `the β grid '${text}' must run upwards (from < to)`)
    values = logSpaced(from, to, n)
  } else if (range.length === 1) {
    values = trimmed.split(',').map((s) => (s.trim() === '' ? Number.NaN : Number(s)))
    for (const v of values) checkBeta(v, text)
    if (values.length > MAX_GRID_BETAS) throw invalid('beta', `the β grid '${text}' has ${values.length} values; at most ${MAX_GRID_BETAS}`)
  } else {
    throw invalid('beta', `the β grid '${text}' must be from:to:n (log-spaced, e.g. 0.01:3:12) or a comma list (0.1,0.2,0.5)`)
  }
  values.sort((a, b) => a - b)
  for (let i = 1; i < values.length; i++) if (values[i] === values[i - 1]) throw invalid('beta', `the β grid '${text}' repeats ${values[i]}`)
  return values
}

function checkBeta(value: number, text: string): void {
  if (!(Number.isFinite(value) && value > 0 && value <= VAE_LIMITS.beta.max)) {
    throw invalid('beta', `the β grid '${text}' holds ${value}; every β must be a number > 0 and ≤ ${VAE_LIMITS.beta.max}`)
  }
}

/**
 * Checks a grid against the scan limits and the training limits (VAE_LIMITS), before anything is trained.
 *
 * @throws {SymscopeError} invalid_parameter naming the axis and the limit; too_large when the points exceed
 *   MAX_SCAN_POINTS
 */
export function checkScanGrid(grid: ScanGrid): ScanGrid {
  if (!Array.isArray(grid.beta) || grid.beta.length < 1 || grid.beta.length > MAX_GRID_BETAS) {
    throw invalid('beta', `a scan needs 1 to ${MAX_GRID_BETAS} β values (got ${Array.isArray(grid.beta) ? grid.beta.length : 'none'})`)
  }
  for (const b of grid.beta) checkBeta(b, grid.beta.join(','))
  const beta = [...grid.beta].sort((a, b) => a - b)
  for (let i = 1; i < beta.length; i++) if (beta[i] === beta[i - 1]) throw invalid('beta', `the β grid repeats ${beta[i]}`)
  if (!Array.isArray(grid.seeds) || grid.seeds.length < 1 || grid.seeds.length > MAX_SCAN_SEEDS) {
    throw invalid('seeds', `a scan needs 1 to ${MAX_SCAN_SEEDS} seeds (got ${Array.isArray(grid.seeds) ? grid.seeds.length : 'none'})`)
  }
  const seedRange = VAE_LIMITS.seed
  for (const s of grid.seeds) {
    if (!(Number.isInteger(s) && s >= seedRange.min && s <= seedRange.max)) throw invalid('seeds', `every seed must be an integer ≥ 0 (got ${s})`)
  }
  if (new Set(grid.seeds).size !== grid.seeds.length) throw invalid('seeds', 'the seeds repeat a value')
  if (!Array.isArray(grid.latent) || grid.latent.length > MAX_GRID_LATENTS) {
    throw invalid('latent', `a scan takes at most ${MAX_GRID_LATENTS} latent sizes (got ${Array.isArray(grid.latent) ? grid.latent.length : 'none'})`)
  }
  const latentRange = VAE_LIMITS.latent
  for (const l of grid.latent) {
    if (!(Number.isInteger(l) && l >= latentRange.min && l <= latentRange.max)) {
      throw invalid('latent', `every latent size must be an integer from ${latentRange.min} to ${latentRange.max} (got ${l})`)
    }
  }
  if (new Set(grid.latent).size !== grid.latent.length) throw invalid('latent', 'the latent sizes repeat a value')
  const points = beta.length * grid.seeds.length * Math.max(grid.latent.length, 1)
  if (points > MAX_SCAN_POINTS) {
    throw new SymscopeError(
      'too_large',
      `the scan has ${points} points (${beta.length} β × ${grid.seeds.length} seeds × ${Math.max(grid.latent.length, 1)} latent sizes); at most ${MAX_SCAN_POINTS}`,
      { parameter: 'grid', limit: MAX_SCAN_POINTS },
    )
  }
  return { beta, seeds: [...grid.seeds], latent: [...grid.latent].sort((a, b) => a - b) }
}
