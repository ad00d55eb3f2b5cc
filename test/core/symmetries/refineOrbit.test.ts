// The refinement of a compact proposal in the Monte Carlo test's metric (issue 16; core/symmetries/invariance/
// refineOrbit.ts), on events whose invariance is known by construction: a sphere cut at |x3| < c, turned by a random
// rotation R and offset, so that its only invariance is the rotation about R e3, which only the finite orbit sees well.
import { describe, expect, it } from 'vitest'
import { refineCompact, refineConjugate } from '../../../core/symmetries/invariance/refineOrbit.js'
import { monomialBasis } from '../../../core/symmetries/constraints/monomials.js'
import { mulberry32, normalSampler } from '../../../testdata/random.js'

const d = 3

/** θ of the rotation about axis e_i (A = K_i, b = −K_i o: about the point o), row-major A then b. */
function rotationTheta(i: number, origin: readonly number[]): Float64Array {
  const K = [[0, 0, 0], [0, 0, 0], [0, 0, 0]]
  const [j, k] = [(i + 1) % 3, (i + 2) % 3]
  K[k][j] = 1
  K[j][k] = -1
  const theta = new Float64Array(d * d + d)
  for (let a = 0; a < d; a++) for (let c = 0; c < d; c++) theta[a * d + c] = K[a][c]
  for (let a = 0; a < d; a++) theta[d * d + a] = -K[a].reduce((s, v, c) => s + v * origin[c], 0)
  return theta
}

function randomRotation(normal: () => number): number[][] {
  // Gram–Schmidt on a Gaussian matrix: a Haar-distributed orthogonal matrix (sign fixed to a rotation).
  const rows: number[][] = []
  for (let r = 0; r < 3; r++) {
    const v = [normal(), normal(), normal()]
    for (const q of rows) {
      const dot = q.reduce((s, x, i) => s + x * v[i], 0)
      for (let i = 0; i < 3; i++) v[i] -= dot * q[i]
    }
    const size = Math.hypot(...v)
    rows.push(v.map((x) => x / size))
  }
  const det = rows[0][0] * (rows[1][1] * rows[2][2] - rows[1][2] * rows[2][1]) - rows[0][1] * (rows[1][0] * rows[2][2] - rows[1][2] * rows[2][0]) + rows[0][2] * (rows[1][0] * rows[2][1] - rows[1][1] * rows[2][0])
  if (det < 0) rows[2] = rows[2].map((x) => -x)
  return rows
}

const angle = (x: readonly number[], y: readonly number[]) => {
  const dot = Math.abs(x.reduce((s, v, i) => s + v * y[i], 0)) / (Math.hypot(...x) * Math.hypot(...y))
  return Math.acos(Math.min(1, dot))
}

describe('refineCompact: a proposal refined on its own half in the orbit metric', () => {
  it('moves a perturbed axis of a randomly turned cut sphere toward the true one, on every seed', () => {
    const basis = monomialBasis(d, 4)
    for (let seed = 1; seed <= 6; seed++) {
      const random = mulberry32(1000 + seed)
      const normal = normalSampler(random)
      const R = randomRotation(normal)
      const origin = [normal(), normal(), normal()]
      const cut = 0.4 + 0.5 * random()
      const rows = 2000
      const z = new Float64Array(rows * d)
      for (let i = 0; i < rows; ) {
        const u = [normal(), normal(), normal()]
        const size = Math.hypot(...u)
        if (Math.abs(u[2] / size) >= cut) continue
        for (let a = 0; a < d; a++) z[i * d + a] = origin[a] + R[a].reduce((s, v, c) => s + (v * u[c]) / size, 0)
        i++
      }
      // The rotations about e1, e2, e3 through the origin span so(3) there; about R e3 is Σ (R e3)_i K_i.
      const thetas = [0, 1, 2].map((i) => rotationTheta(i, origin))
      const truth = [R[0][2], R[1][2], R[2][2]]
      // Tilted by 0.15 rad in a random direction: many times the estimate's own sampling error at 2,000 events.
      const tilt = [normal(), normal(), normal()]
      const along = tilt.reduce((s, v, i) => s + v * truth[i], 0)
      const across = tilt.map((v, i) => v - along * truth[i])
      const size = Math.hypot(...across)
      const start = truth.map((v, i) => Math.cos(0.15) * v + (Math.sin(0.15) * across[i]) / size)
      const refined = refineCompact(z, rows, d, basis, thetas, start)
      expect(refined).not.toBeNull()
      const before = angle(start, truth)
      const after = angle(refined!, truth)
      // Back to within the sampling error of an axis from 2,000 events (a few hundredths of a radian).
      expect(before).toBeCloseTo(0.15, 6)
      expect(after).toBeLessThan(0.04)
    }
  })

  it('refuses past its budget and with a single candidate field', () => {
    const basis = monomialBasis(d, 4)
    const z = new Float64Array(30 * d).map((_, i) => Math.sin(i))
    expect(refineCompact(z, 30, d, basis, [rotationTheta(2, [0, 0, 0])], [1])).toBeNull()
    const big = 1_000_000
    expect(refineCompact(new Float64Array(big * d), big, d, basis, [0, 1, 2].map((i) => rotationTheta(i, [0, 0, 0])), [0, 0, 1])).toBeNull()
  })

  it('refineConjugate moves a smeared circle\'s rotation, estimated in a wrong metric and centre, back toward the true one', () => {
    // A circle smeared by σ (uniform azimuth, isotropic Gaussian smearing: invariant under its rotation) in random
    // affine coordinates z = M x + c; the true field is M K M⁻¹ (z − c). The start is its pushforward by a random
    // affine map 3 % from the identity, as a fitted ellipse would give: the refinement must bring it closer.
    const basis = monomialBasis(2, 4)
    for (let seed = 1; seed <= 2; seed++) {
      const random = mulberry32(700 + seed)
      const normal = normalSampler(random)
      const M = [[1 + 0.3 * normal(), 0.3 * normal()], [0.3 * normal(), 1 + 0.3 * normal()]]
      const c = [normal(), normal()]
      const sigma = 0.02 + 0.03 * random()
      const rows = 2000
      const z = new Float64Array(rows * 2)
      for (let i = 0; i < rows; i++) {
        const phi = 2 * Math.PI * random()
        const x = [Math.cos(phi) + sigma * normal(), Math.sin(phi) + sigma * normal()]
        for (let a = 0; a < 2; a++) z[i * 2 + a] = c[a] + M[a][0] * x[0] + M[a][1] * x[1]
      }
      const pushforward = (G: number[][], shift: number[]) => {
        // (G M) K (G M)⁻¹ about G c + shift.
        const P = [[G[0][0] * M[0][0] + G[0][1] * M[1][0], G[0][0] * M[0][1] + G[0][1] * M[1][1]], [G[1][0] * M[0][0] + G[1][1] * M[1][0], G[1][0] * M[0][1] + G[1][1] * M[1][1]]]
        const det = P[0][0] * P[1][1] - P[0][1] * P[1][0]
        const inverse = [[P[1][1] / det, -P[0][1] / det], [-P[1][0] / det, P[0][0] / det]]
        const K = [[0, -1], [1, 0]]
        const A = [0, 1].map((r) => [0, 1].map((q) => [0, 1].reduce((s1, j) => s1 + P[r][j] * [0, 1].reduce((s2, l) => s2 + K[j][l] * inverse[l][q], 0), 0)))
        const centre = [0, 1].map((r) => G[r][0] * c[0] + G[r][1] * c[1] + shift[r])
        const theta = Float64Array.of(A[0][0], A[0][1], A[1][0], A[1][1], -(A[0][0] * centre[0] + A[0][1] * centre[1]), -(A[1][0] * centre[0] + A[1][1] * centre[1]))
        const size = Math.hypot(...theta)
        return theta.map((v) => v / size)
      }
      const truth = pushforward([[1, 0], [0, 1]], [0, 0])
      const start = pushforward([[1 + 0.03 * normal(), 0.03 * normal()], [0.03 * normal(), 1 + 0.03 * normal()]], [0.03 * normal(), 0.03 * normal()])
      const refined = refineConjugate(z, rows, 2, basis, start)
      expect(refined).not.toBeNull()
      const unit = (t: ArrayLike<number>) => Array.from(t, (v) => v / Math.hypot(...Array.from(t)))
      const distance = (t: ArrayLike<number>) => Math.min(...[1, -1].map((sign) => Math.hypot(...unit(t).map((v, i) => v - sign * truth[i]))))
      expect(distance(refined!), `seed ${seed}`).toBeLessThan(0.5 * distance(start))
    }
  })
})
