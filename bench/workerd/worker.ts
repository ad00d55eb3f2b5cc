// Benchmark worker: GET /gen?impl=wasm|ts&dataset=ee_mumu|circle&n=N[&z=1] makes N events in chunks into one reused
// buffer, wasm through core's `generateChunks` or the plain TypeScript reference (reference/generators/), and answers a
// checksum, so that bench/workerdGenerators.ts can time both sides from outside (workerd freezes Date.now and
// performance.now during a request). GET /train?trainer=fused|tfjs-wasm&dataset=circle|drell_yan&steps=N trains N
// optimiser steps of the design's VAE (batch 256) with core's `trainVae`, for bench/workerdTraining.ts.
import { CHUNK_EVENTS, generateChunks, generateEvents, isSymscopeError, MUON_MASS_GEV } from '../../core/index.js'
import { standardise } from '../../core/stats/index.js'
import { setupTensorflow } from '../../core/tf/workerd.js'
import { disposeVae, resolveVaeConfig, trainVae } from '../../core/vae/index.js'
import { loadWasm } from '../../core/wasm/workerd.js'
import { generateCircle } from '../../reference/generators/circle.js'
import { generateEeMumu } from '../../reference/generators/eeMumu.js'

const SEED = 1

/** Sum over chunks of the first truth value and the last feature: touches every chunk, the same on both sides. */
async function wasmChecksum(dataset: string, n: number, params: Record<string, number | boolean>): Promise<number> {
  const wasm = await loadWasm()
  let sum = 0
  for (const chunk of generateChunks(wasm, { dataset, n, seed: SEED, params })) {
    sum += chunk.truth[0] + chunk.features[chunk.features.length - 1]
  }
  return sum
}

function referenceChecksum(dataset: string, n: number, sqrtS: number, z: boolean): number {
  const nf = dataset === 'circle' ? 2 : 8
  const nt = dataset === 'circle' ? 1 : 2
  const features = new Float64Array(CHUNK_EVENTS * nf)
  const truth = new Float64Array(CHUNK_EVENTS * nt)
  let sum = 0
  for (let first = 0; first < n; first += CHUNK_EVENTS) {
    const count = Math.min(CHUNK_EVENTS, n - first)
    if (dataset === 'circle') generateCircle(SEED, first, count, 1, 0, features, truth)
    else generateEeMumu(SEED, first, count, sqrtS, z, MUON_MASS_GEV, features, truth)
    sum += truth[0] + features[count * nf - 1]
  }
  return sum
}

const matrices = new Map<string, ReturnType<typeof standardise>>()

/** Trains `steps` steps on 12,800 standardised events of `dataset` (generated once per isolate); answers the steps. */
async function trainSteps(trainer: 'fused' | 'tfjs-wasm', dataset: string, steps: number): Promise<number> {
  const wasm = await loadWasm()
  if (trainer === 'tfjs-wasm') await setupTensorflow()
  if (!matrices.has(dataset)) {
    const events = generateEvents(wasm, { dataset, n: 12_800, seed: SEED })
    matrices.set(dataset, standardise(wasm, Float32Array.from(events.features), events.n, events.featureNames.length))
  }
  const m = matrices.get(dataset)!
  const config = resolveVaeConfig({ epochs: 10_000, latent: m.cols <= 2 ? 4 : 8 }, m.cols)
  const trained = await trainVae(wasm, m.data, m.rows, m.cols, config, { trainer, maxSteps: steps })
  disposeVae(trained.vae)
  return trained.stepsThisCall
}

const failure = (code: string, message: string, status = 400) => Response.json({ error: { code, message } }, { status })

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname === '/train') {
      const trainer = url.searchParams.get('trainer')
      const dataset = url.searchParams.get('dataset') ?? 'circle'
      const steps = Number(url.searchParams.get('steps') ?? '1')
      if (!(trainer === 'fused' || trainer === 'tfjs-wasm') || !(dataset === 'circle' || dataset === 'drell_yan') || !Number.isInteger(steps) || steps < 1) {
        return failure('invalid_parameter', 'trainer=fused|tfjs-wasm, dataset=circle|drell_yan, steps ≥ 1')
      }
      return Response.json({ trainer, dataset, steps: await trainSteps(trainer, dataset, steps) })
    }
    if (url.pathname !== '/gen') return failure('not_found', 'GET /gen or /train', 404)
    const impl = url.searchParams.get('impl')
    const dataset = url.searchParams.get('dataset') ?? 'ee_mumu'
    const n = Number(url.searchParams.get('n') ?? '1')
    const z = url.searchParams.get('z') === '1'
    const sqrtS = z ? 91.19 : 10
    const valid = (impl === 'wasm' || impl === 'ts') && (dataset === 'ee_mumu' || dataset === 'circle') && Number.isInteger(n) && n >= 1
    if (!valid) return failure('invalid_parameter', 'impl=wasm|ts, dataset=ee_mumu|circle, n ≥ 1')
    try {
      const params: Record<string, number | boolean> = dataset === 'circle' ? {} : { sqrtS, z }
      const checksum = impl === 'wasm' ? await wasmChecksum(dataset, n, params) : referenceChecksum(dataset, n, sqrtS, z)
      return Response.json({ impl, dataset, n, checksum })
    } catch (error) {
      if (isSymscopeError(error)) return failure(error.code, error.message)
      throw error
    }
  },
}
