import { prepareAnalysis, type PreparedAnalysis } from '../analysis/analyze.js'
import { canonicalJson, sha256Hex } from '../analysis/hash.js'
import type { AnalysisInput } from '../analysis/input.js'
import { SymscopeError } from '../errors.js'
import type { VaeConfig } from '../vae/config.js'
import type { TrainerName } from '../vae/index.js'
import { VERSION } from '../version.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { checkScanGrid, type ScanGrid } from './grid.js'

/** What a scan runs: a grid, and the settings every point shares. */
export interface ScanRequest {
  grid: ScanGrid
  /** Shared VAE settings; β, seed and latent size come from the grid and may not be given here. */
  config?: Partial<VaeConfig>
  threshold?: number
  /** The trainer of every point (core/vae/trainer.ts): 'fused' by default. It is part of each point's id and the scan's. */
  trainer?: TrainerName
}

/** One point of a scan, ready to train: its grid coordinates and its prepared analysis (with its report id). */
export interface PlannedPoint {
  beta: number
  seed: number
  latent: number
  prepared: PreparedAnalysis
}

/** A checked scan: its id, the grid as run, and its points in the scan's order (latent size, β, seed). */
export interface ScanPlan {
  id: string
  grid: ScanGrid
  points: PlannedPoint[]
  /** The shared configuration, resolved (as in every point, less β, seed and latent size). */
  config: Omit<VaeConfig, 'beta' | 'seed' | 'latent'>
  threshold: number
  datasetSha: string
}

/**
 * What a scan is once planned, as plain JSON: its id, grid, shared settings and each point's coordinates and report
 * id. The CLI builds the scan from it and the reports; the API stores it (R2) and builds the scan when every point's
 * report is in the store.
 */
export interface ScanIndex {
  id: string
  grid: ScanGrid
  config: ScanPlan['config']
  threshold: number
  points: { beta: number; seed: number; latent: number; id: string }[]
}

/** The plain-JSON index of a plan. */
export const scanIndex = (plan: ScanPlan): ScanIndex => ({
  id: plan.id,
  grid: plan.grid,
  config: plan.config,
  threshold: plan.threshold,
  points: plan.points.map((p) => ({ beta: p.beta, seed: p.seed, latent: p.latent, id: p.prepared.id })),
})

const GRID_SETTINGS = ['beta', 'seed', 'latent'] as const

/**
 * Checks a scan and prepares each of its points as `prepareAnalysis` does, so that every point's report id is known
 * before anything trains: a point whose id is already stored needs no training. Order: latent size outermost, then β
 * ascending, then seed as given. The scan id is the SHA-256 of the dataset, the grid, the shared settings and the
 * version. Nothing is trained here.
 *
 * @throws {SymscopeError} invalid_parameter / too_large for a grid outside the limits (core/scan/limits.ts) or shared
 *   settings that set β, seed or latent size; whatever `prepareAnalysis` throws for the input or the settings
 */
export async function planScan(wasm: SymscopeWasm, input: AnalysisInput, request: ScanRequest): Promise<ScanPlan> {
  const shared = request.config ?? {}
  for (const key of GRID_SETTINGS) {
    if (shared[key] !== undefined) {
      throw new SymscopeError('invalid_parameter', `a scan takes ${key} from its grid, not from the shared settings`, { parameter: key })
    }
  }
  const grid = checkScanGrid(request.grid)
  const latents: (number | undefined)[] = grid.latent.length ? grid.latent : [undefined]
  const points: PlannedPoint[] = []
  for (const latent of latents) {
    for (const beta of grid.beta) {
      for (const seed of grid.seeds) {
        const prepared = await prepareAnalysis(wasm, input, { config: { ...shared, beta, seed, latent }, threshold: request.threshold, trainer: request.trainer })
        points.push({ beta, seed, latent: prepared.config.latent, prepared })
      }
    }
  }
  const { beta: _beta, seed: _seed, latent: _latent, ...config } = points[0].prepared.config
  const { threshold, datasetSha, trainer } = points[0].prepared
  const id = await sha256Hex(
    canonicalJson({ scan: true, datasetSha, name: input.name, parameters: input.parameters, features: input.featureNames, grid, config, threshold, VERSION, trainer }),
  )
  return { id, grid, points, config, threshold, datasetSha }
}
