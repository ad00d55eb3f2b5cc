import type { SymscopeWasm } from '../core/wasm/module.js'
import { draws } from './symmetries.js'

/**
 * Seeded data with a known discrete answer (issue 20), for the section's tests and its calibration benchmark
 * (bench/discreteCalibration.ts): the answer is known by how the events are made, and nothing was tuned on them.
 * Each draws from the project's RNG (assembly/rng.ts, one stream per use).
 */
export interface DiscreteCase {
  names: string[]
  data: Float64Array
  n: number
}

/**
 * A mirror with a set asymmetry: x = s·|a| with a ~ N(0, 1) and s = +1 with probability (1 + A)/2, y = b + x²/2 with
 * b ~ N(0, 1). The only discrete symmetry at A = 0 is x → −x (y is skewed, x and y have different marginals), and
 * (N(x > 0) − N(x < 0))/n estimates A exactly: the asymmetry the section should measure along x.
 */
export function mirrorCase(wasm: SymscopeWasm, { n, seed, asymmetry = 0 }: { n: number; seed: number; asymmetry?: number }): DiscreteCase {
  const normals = draws(wasm, seed, 1, 2 * n, 1)
  const uniforms = draws(wasm, seed, 2, n, 0)
  const data = new Float64Array(2 * n)
  for (let i = 0; i < n; i++) data.set(mirrorPoint(normals[2 * i], normals[2 * i + 1], uniforms[i], asymmetry), 2 * i)
  return { names: ['x', 'y'], data, n }
}

/** One event of mirrorCase from two standard normals and a uniform (shared with the truth suite's discrete classes). */
export function mirrorPoint(a: number, b: number, u: number, asymmetry = 0): [number, number] {
  const x = (u < (1 + asymmetry) / 2 ? 1 : -1) * Math.abs(a)
  return [x, b + (x * x) / 2]
}

/**
 * Chiral pairs: two points on circles of radii 1 and 2 turned together (φ₁ uniform), their relative angle
 * δ = φ₂ − φ₁ with density ∝ 1 + 0.4 sin δ + 0.4 sin 2δ. Invariant under the common rotation only: a reflection of
 * both planes maps δ to c − δ, and no c keeps both sines (sin δ needs c = π, sin 2δ needs c = π/2); a half-turn of
 * one circle maps δ to δ + π and flips sin δ; the radii differ, so no exchange keeps the circles; the common
 * half-turn lies in SO(2). sin 2δ is a moment of degree 4 ((x1·y2 − y1·x2)(x1·x2 + y1·y2)/4): below that degree
 * a common rotation's invariants are the planes' cross-covariance, which some reflection always keeps.
 */
export function chiralCase(wasm: SymscopeWasm, { n, seed }: { n: number; seed: number }): DiscreteCase {
  const data = new Float64Array(4 * n)
  let filled = 0
  for (let round = 0; filled < n; round++) {
    const u = draws(wasm, seed, 10 + round, 6 * n, 0)
    for (let i = 0; i + 2 < u.length && filled < n; i += 3) {
      const pair = chiralPair(u[i], u[i + 1], u[i + 2])
      if (pair) data.set(pair, 4 * filled++)
    }
  }
  return { names: ['x1', 'y1', 'x2', 'y2'], data, n }
}

/**
 * One try of chiralCase's rejection sampler from three uniforms: the pair (x1, y1, x2, y2), or null when rejected
 * (shared with the truth suite's discrete classes).
 */
export function chiralPair(u0: number, u1: number, u2: number): number[] | null {
  const delta = 2 * Math.PI * u0
  if (u1 * 1.8 >= 1 + 0.4 * Math.sin(delta) + 0.4 * Math.sin(2 * delta)) return null
  const phi = 2 * Math.PI * u2
  return [Math.cos(phi), Math.sin(phi), 2 * Math.cos(phi + delta), 2 * Math.sin(phi + delta)]
}

/**
 * The tilted ellipse of a conjugated rotation: x = C (cos t, sin t) + c with t uniform, C = [[2, 0.7], [−0.4, 0.8]],
 * c = (0.5, −1). Its symmetry group is C O(2) C⁻¹: the rotations C R C⁻¹ and the reflections C F C⁻¹.
 */
export function tiltedEllipseCase(wasm: SymscopeWasm, { n, seed }: { n: number; seed: number }): DiscreteCase {
  const u = draws(wasm, seed, 1, n, 0)
  const data = new Float64Array(2 * n)
  for (let i = 0; i < n; i++) {
    const t = 2 * Math.PI * u[i]
    data[2 * i] = 2 * Math.cos(t) + 0.7 * Math.sin(t) + 0.5
    data[2 * i + 1] = -0.4 * Math.cos(t) + 0.8 * Math.sin(t) - 1
  }
  return { names: ['x', 'y'], data, n }
}
