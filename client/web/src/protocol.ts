// Messages between the page and the analysis worker (client/web/worker/analysisWorker.ts). Plain data only: each
// crosses a postMessage.
import type { Report, Scan } from '../../../core/report/index.js'
import type { EpochRecord, VaeConfig } from '../../../core/vae/index.js'

/**
 * What to train with: `auto` takes tfjs's WebGPU backend on a real adapter, else the fused WebAssembly trainer;
 * `fused` is that trainer; `webgpu`, `wasm` and `cpu` are tfjs's backends.
 */
export type BackendChoice = 'auto' | 'fused' | 'webgpu' | 'wasm' | 'cpu'
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'fused', 'webgpu', 'wasm', 'cpu']

/**
 * The data of one analysis: a registry generator run in the worker, an uploaded CSV, an uploaded file of another
 * format (NumPy, Parquet, LHE, HDF5: its bytes, read in the worker by core), or the CMS dimuon example.
 */
export type DataSource =
  | { kind: 'generator'; dataset: string; n: number; seed: number; params: Record<string, number | boolean | null> }
  | { kind: 'csv'; name: string; text: string }
  | { kind: 'file'; name: string; bytes: Uint8Array }
  /** A CMS dilepton table (the bundled example, or an upload recognised by core's recogniseTable); muons unless `lepton` says e. */
  | { kind: 'cms'; name: string; text: string; lepton?: 'e' | 'mu' }

export interface RunMessage {
  type: 'run'
  source: DataSource
  config: Partial<VaeConfig>
  threshold?: number
  backend: BackendChoice
  /** Threads of the fused trainer (1 … 16; undefined: client/web/worker/threads.ts's default). */
  threads?: number
}

/**
 * A scan in this browser: the run's data and settings over a β grid (core's parseBetaGrid text) and `seeds` training
 * seeds from config.seed on, as `symscope scan --beta … --seeds …` runs it. The points train one at a time.
 */
export interface ScanMessage extends Omit<RunMessage, 'type'> {
  type: 'scan'
  betas: string
  seeds: number
}

export type ToWorker = RunMessage | ScanMessage | { type: 'stop' }

/** The backend a run trains on, as the page shows it. */
export interface BackendInfo {
  name: 'fused' | 'webgpu' | 'wasm' | 'cpu'
  /** For people: "WebAssembly (SIMD, 4 threads)". */
  label: string
  /** Threads the fused trainer runs on. */
  threads?: number
  /** Why a faster backend was not taken, when one was not. */
  note?: string
}

export type Phase = 'starting' | 'data' | 'training' | 'statistics'

export type FromWorker =
  | { type: 'backend'; backend: BackendInfo }
  | { type: 'phase'; phase: Phase }
  | { type: 'prepared'; id: string; events: number; features: number; epochs: number }
  | { type: 'epoch'; record: EpochRecord; epochs: number }
  | { type: 'report'; report: Report; stopped: boolean }
  | { type: 'point'; index: number; points: number; beta: number; seed: number }
  | { type: 'scan'; scan: Scan; reports: Report[] }
  | { type: 'stopped' }
  | { type: 'error'; code: string; message: string }
