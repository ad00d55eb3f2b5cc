import type { VaeConfig } from './config.js'

/**
 * What trains the VAE: `fused`, symscope's own trainer in WebAssembly SIMD (assembly/vae/, the default
 * everywhere), or tfjs on one of its backends (`tfjs-wasm`, `tfjs-cpu`, `tfjs-webgpu`), the reference the tests
 * compare against. Each gives its own bytes, so the report names it and its id covers it (docs/method.md).
 */
export type TrainerName = 'fused' | `tfjs-${string}`

/** The trainers a user can ask for by name (`--backend`); `tfjs-webgpu` only in a browser with a real GPU. */
export const TRAINER_NAMES = ['fused', 'tfjs-wasm', 'tfjs-cpu'] as const

/**
 * A trained VAE, whichever trainer made it: the encoder's posterior q(z|x) = N(μ, diag σ²) and the decoder, on
 * row-major Float32 matrices. Everything downstream (relevance, latent maps, alignment) reads the network only
 * through `encode` and `decode`, so the statistics come from the same kernels that trained it.
 */
export interface Vae {
  readonly config: VaeConfig
  readonly inputs: number
  readonly trainer: TrainerName
  /** The tfjs version that trained it; absent for the fused trainer, which does not load tfjs. */
  readonly tfjsVersion?: string
  /** Means μ and log-variances log σ² (rows × K each) of `rows` standardised events (rows × inputs). */
  encode(x: Float32Array, rows: number): { means: Float32Array; logVars: Float32Array }
  /** The reconstructions (rows × inputs) of `rows` latent points z (rows × K). */
  decode(z: Float32Array, rows: number): Float32Array
  /** The weights in tfjs's order and shapes: per dense layer its kernel (inputs × outputs) then its bias. */
  weights(): Float32Array[]
  dispose(): void
}

/** The decoder's reconstructions of `rows` latent points (row-major rows × K). */
export const decode = (vae: Vae, z: Float32Array, rows: number): Float32Array => vae.decode(z, rows)

export function disposeVae(vae: Vae): void {
  vae.dispose()
}
