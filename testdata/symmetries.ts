// Data generated for the symmetry tests and the calibration benchmark (issue 9): shapes and distributions nobody
// tuned the search for, with known answers, seeded through the project's RNG (assembly/rng.ts via fillRandom).
import type { SymscopeWasm } from '../core/wasm/module.js'

export interface Sample {
  names: readonly string[]
  data: Float64Array
  n: number
}

/** `count` seeded uniforms on [0, 1) (kind 0) or standard normals (kind 1) of stream (seed, stream). */
export function draws(wasm: SymscopeWasm, seed: number, stream: number, count: number, kind: 0 | 1 = 0): Float64Array {
  const ptr = wasm.allocF64(count)
  try {
    wasm.exports.fillRandom(BigInt(seed), BigInt(stream), 1, count, kind, ptr)
    return wasm.copyF64(ptr, count)
  } finally {
    wasm.free(ptr)
  }
}

/**
 * Azimuths with density ∝ 1 + a cos 2φ on [0, 2π) (a = 0: uniform), by rejection from uniform proposals, and a
 * second stream for anything else the caller needs per event.
 */
function azimuths(wasm: SymscopeWasm, seed: number, n: number, modulation: number): Float64Array {
  const out = new Float64Array(n)
  let filled = 0
  for (let round = 0; filled < n; round++) {
    const u = draws(wasm, seed, 100 + round, 4 * n)
    for (let i = 0; i + 1 < u.length && filled < n; i += 2) {
      const phi = 2 * Math.PI * u[i]
      if (u[i + 1] * (1 + Math.abs(modulation)) < 1 + modulation * Math.cos(2 * phi)) out[filled++] = phi
    }
  }
  return out
}

/** Circle of radius r, relative radial noise (r → r(1 + noise·N(0, 1))), azimuth modulated by 1 + a cos 2φ. */
export function circle(wasm: SymscopeWasm, { n, seed, noise = 0, modulation = 0, radius = 1 }: { n: number; seed: number; noise?: number; modulation?: number; radius?: number }): Sample {
  const phi = azimuths(wasm, seed, n, modulation)
  const g = draws(wasm, seed, 1, n, 1)
  const data = new Float64Array(2 * n)
  for (let i = 0; i < n; i++) {
    const r = radius * (1 + noise * g[i])
    data[2 * i] = r * Math.cos(phi[i])
    data[2 * i + 1] = r * Math.sin(phi[i])
  }
  return { names: ['x1', 'x2'], data, n }
}

/** Sphere S² of radius r, relative radial noise, uniform in cos θ, azimuth modulated by 1 + a cos 2φ about x3. */
export function sphere(wasm: SymscopeWasm, { n, seed, noise = 0, modulation = 0, radius = 1 }: { n: number; seed: number; noise?: number; modulation?: number; radius?: number }): Sample {
  const phi = azimuths(wasm, seed, n, modulation)
  const u = draws(wasm, seed, 2, n)
  const g = draws(wasm, seed, 1, n, 1)
  const data = new Float64Array(3 * n)
  for (let i = 0; i < n; i++) {
    const r = radius * (1 + noise * g[i])
    const c = 2 * u[i] - 1
    const s = Math.sqrt(1 - c * c)
    data.set([r * s * Math.cos(phi[i]), r * s * Math.sin(phi[i]), r * c], 3 * i)
  }
  return { names: ['x1', 'x2', 'x3'], data, n }
}

/** Uniform points on the unit sphere S^(k−1) ⊂ ℝᵏ (normalised Gaussians). */
export function uniformSphere(wasm: SymscopeWasm, k: number, n: number, seed: number): Sample {
  const g = draws(wasm, seed, 3, n * k, 1)
  const data = new Float64Array(n * k)
  for (let i = 0; i < n; i++) {
    const norm = Math.hypot(...g.subarray(i * k, i * k + k))
    for (let a = 0; a < k; a++) data[i * k + a] = g[i * k + a] / norm
  }
  return { names: Array.from({ length: k }, (_, a) => `x${a + 1}`), data, n }
}

/** A planar curve (x(t), y(t)) at t uniform on [lo, hi). */
export function curve(wasm: SymscopeWasm, n: number, seed: number, lo: number, hi: number, point: (t: number) => [number, number]): Sample {
  const u = draws(wasm, seed, 4, n)
  const data = new Float64Array(2 * n)
  for (let i = 0; i < n; i++) data.set(point(lo + (hi - lo) * u[i]), 2 * i)
  return { names: ['x', 'y'], data, n }
}

/** Rows reordered so that one column ascends (a CSV sorted by that feature). */
export function sortedBy(sample: Sample, column: number): Sample {
  const D = sample.names.length
  const order = Array.from({ length: sample.n }, (_, i) => i).sort((a, b) => sample.data[a * D + column] - sample.data[b * D + column])
  const data = new Float64Array(sample.data.length)
  order.forEach((source, i) => data.set(sample.data.subarray(source * D, source * D + D), i * D))
  return { ...sample, data }
}
