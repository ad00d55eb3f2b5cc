// The symmetry truth suite (issue 16): seeded random cases whose constraints and symmetries are known because of how
// they are made, for bench/symmetryTruth.ts (the confusion table) and a fast sample in
// test/core/symmetries/truthSuite.test.ts. Each case draws points x on a shape in its own k intrinsic coordinates,
// where its symmetry fields v(x) = A x + b are written down, then maps them into the data by a random affine
// embedding y = M x + c into D ≤ 20 features with random unit scales (M = diag(s) G, G Gaussian, s log-uniform over
// six decades): the true fields are then y ↦ M (A x + b), compared on the noise-free points (grade.ts).
import { mulberry32, normalSampler } from '../../testdata/random.js'

export const TRUTH_CLASSES = [
  'compact orbit', 'non-compact orbit', 'variety', 'non-polynomial curve', 'smearing', 'acceptance cut',
  'broken harmonic', 'anisotropic', 'correlated',
] as const
export type TruthClass = (typeof TRUTH_CLASSES)[number]
/** The discrete classes (issue 20; discreteCases.ts): an exact involution, a broken one, a chiral continuous symmetry. */
export const DISCRETE_TRUTH_CLASSES = ['exact reflection or exchange', 'broken reflection', 'chiral'] as const
export type DiscreteTruthClass = (typeof DISCRETE_TRUTH_CLASSES)[number]

/** An affine field on a shape's intrinsic coordinates: v(x) = A x + b. */
export interface IntrinsicField {
  A: number[][]
  b: number[]
}

export interface TruthCase {
  /** "variety #17: plane quartic y = x⁴ + a x² + b x": what it is, for the benchmark's list of failures. */
  label: string
  truthClass: TruthClass | DiscreteTruthClass
  names: string[]
  /** n × D events, row-major, in the data's units. */
  data: Float64Array
  n: number
  /** Noise-free points on the shape, in the data's coordinates (anchors × D): where fields are compared. */
  anchors: number[][]
  /** The true fields' velocities at the anchors (each anchors × D, flattened): they span the true algebra. */
  manifold: { open: boolean; smeared: boolean; velocities: number[][] }
  distribution: { velocities: number[][] }
  /**
   * The discrete classes' answer (discreteCases.ts), as the images of the anchors under each map (each anchors × D):
   * `symmetries` every involution that keeps the distribution (an empty list: none beyond the continuous part),
   * `broken` those that keep the support but not the distribution, with the asymmetry that breaks them, `inContinuous`
   * the involutions that lie in the continuous part (the common half-turn of a rotation).
   */
  discrete?: { symmetries: number[][][]; broken: number[][][]; inContinuous: number[][][]; asymmetry: number }
}

/** An affine map on a shape's intrinsic coordinates, x ↦ A x + b (an involution, for the discrete classes). */
export type IntrinsicMap = IntrinsicField

export interface Shape {
  label: string
  truthClass: TruthClass | DiscreteTruthClass
  k: number
  /** One event: [observed, noise-free] intrinsic coordinates. */
  draw(random: () => number, normal: () => number): [number[], number[]]
  manifold: IntrinsicField[]
  distribution: IntrinsicField[]
  open?: boolean
  smeared?: boolean
  /** Keep the features as they are up to unit scales (physics-like cases): no mixing, no extra dimensions. */
  physical?: boolean
  /**
   * The coordinates are this many identical objects of k / blocks features each: every object gets the same random
   * mixing, scales and offsets (so exchanging objects stays a symmetry), named u1, v1, … u2, v2, ….
   */
  blocks?: number
  discrete?: { symmetries: IntrinsicMap[]; broken: IntrinsicMap[]; inContinuous?: IntrinsicMap[]; asymmetry: number }
}

const ANCHORS = 48

export const zeros = (k: number) => Array.from({ length: k }, () => new Array<number>(k).fill(0))
/** The generator of rotations in the (i, j) plane: δx_j = x_i, δx_i = −x_j (or a boost, sign +1: δx_i = x_j). */
export function plane(k: number, i: number, j: number, sign = -1): IntrinsicField {
  const A = zeros(k)
  A[j][i] = 1
  A[i][j] = sign
  return { A, b: new Array(k).fill(0) }
}
const rotations = (k: number) => Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => [i, j] as const)).flat().filter(([i, j]) => i < j).map(([i, j]) => plane(k, i, j))
const field = (A: number[][], b: number[]): IntrinsicField => ({ A, b })

export function unitVector(normal: () => number, k: number): number[] {
  for (;;) {
    const v = Array.from({ length: k }, normal)
    const size = Math.hypot(...v)
    if (size > 1e-6) return v.map((x) => x / size)
  }
}

/** Azimuth with density ∝ 1 + a cos(kφ + φ0) (rejection). */
function modulatedAzimuth(random: () => number, a: number, k: number, phase: number): number {
  for (;;) {
    const phi = 2 * Math.PI * random()
    if (random() * (1 + a) < 1 + a * Math.cos(k * phi + phase)) return phi
  }
}

/** Haar-random rotation of ℝ³ from a uniform unit quaternion. */
function haarRotation(normal: () => number): number[][] {
  const [w, x, y, z] = unitVector(normal, 4)
  return [
    [1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)],
    [2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)],
    [2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)],
  ]
}

const clean = (x: number[]): [number[], number[]] => [x, x]
export const between = (random: () => number, lo: number, hi: number) => lo + (hi - lo) * random()

/** The shapes of one class, parameters drawn from `random` (each call a new random instance). */
function shapes(truthClass: TruthClass, random: () => number, normal: () => number): Shape[] {
  const sphere = (k: number) => (r: () => number, g: () => number) => clean(unitVector(g, k))
  switch (truthClass) {
    case 'compact orbit':
      return [
        { label: 'circle, uniform', truthClass, k: 2, draw: sphere(2), manifold: rotations(2), distribution: rotations(2) },
        { label: 'sphere S², uniform', truthClass, k: 3, draw: sphere(3), manifold: rotations(3), distribution: rotations(3) },
        { label: 'sphere S³ ⊂ ℝ⁴, uniform', truthClass, k: 4, draw: sphere(4), manifold: rotations(4), distribution: rotations(4) },
        {
          label: 'torus T² ⊂ ℝ⁴ (two circles), uniform', truthClass, k: 4,
          draw: (r) => {
            const [a, b] = [2 * Math.PI * r(), 2 * Math.PI * r()]
            return clean([Math.cos(a), Math.sin(a), Math.cos(b), Math.sin(b)])
          },
          manifold: [plane(4, 0, 1), plane(4, 2, 3)], distribution: [plane(4, 0, 1), plane(4, 2, 3)],
        },
      ]
    case 'non-compact orbit': {
      const spread = between(random, 0.4, 1)
      return [
        {
          label: `hyperbola x² − y² = 1, rapidity ~ N(0, ${spread.toFixed(2)})`, truthClass, k: 2,
          draw: (r, g) => {
            const s = spread * g()
            return clean([Math.cosh(s), Math.sinh(s)])
          },
          manifold: [plane(2, 0, 1, 1)], distribution: [],
        },
        {
          label: `hyperboloid x² + y² − z² = 1, rapidity ~ N(0, ${spread.toFixed(2)}), azimuth uniform`, truthClass, k: 3,
          draw: (r, g) => {
            const s = spread * g()
            const phi = 2 * Math.PI * r()
            return clean([Math.cosh(s) * Math.cos(phi), Math.cosh(s) * Math.sin(phi), Math.sinh(s)])
          },
          manifold: [plane(3, 0, 1), plane(3, 0, 2, 1), plane(3, 1, 2, 1)], distribution: [plane(3, 0, 1)],
        },
      ]
    }
    case 'variety': {
      const c = (random() < 0.5 ? -1 : 1) * between(random, 0.5, 2)
      const a = (random() < 0.5 ? -1 : 1) * between(random, 0.5, 2)
      const b = between(random, -1, 1)
      return [
        {
          // Every cubic graph is affinely y = x³ (shear y − c x): δx = x, δy = 3y − 2c x is tangent.
          label: `plane cubic y = x³ + ${c.toFixed(2)} x`, truthClass, k: 2,
          draw: (r) => {
            const x = between(r, -1.5, 1.5)
            return clean([x, x ** 3 + c * x])
          },
          manifold: [field([[1, 0], [-2 * c, 3]], [0, 0])], distribution: [],
        },
        {
          // A depressed quartic with an x² term has no continuous affine symmetry.
          label: `plane quartic y = x⁴ + ${a.toFixed(2)} x² + ${b.toFixed(2)} x`, truthClass, k: 2,
          draw: (r) => {
            const x = between(r, -1.5, 1.5)
            return clean([x, x ** 4 + a * x * x + b * x])
          },
          manifold: [], distribution: [],
        },
        {
          // x² + y² = 1 with z free: the rotation, and δz = x, y, z, 1 (z is unconstrained); only the rotation keeps
          // the distribution (z Gaussian, independent of the azimuth).
          label: 'cylinder x² + y² = 1, z ~ N(0, 1)', truthClass, k: 3,
          draw: (r, g) => {
            const phi = 2 * Math.PI * r()
            return clean([Math.cos(phi), Math.sin(phi), g()])
          },
          manifold: [plane(3, 0, 1), ...[0, 1, 2].map((j) => {
            const A = zeros(3)
            A[2][j] = 1
            return field(A, [0, 0, 0])
          }), field(zeros(3), [0, 0, 1])],
          distribution: [plane(3, 0, 1)],
        },
      ]
    }
    case 'non-polynomial curve': {
      const pitch = between(random, 0.1, 0.4)
      const growth = between(random, 0.1, 0.3)
      const omega = between(random, 1.5, 4)
      return [
        {
          label: `helix (cos t, sin t, ${pitch.toFixed(2)} t), t ∈ [0, 4π)`, truthClass, k: 3,
          draw: (r) => {
            const t = 4 * Math.PI * r()
            return clean([Math.cos(t), Math.sin(t), pitch * t])
          },
          manifold: [field(plane(3, 0, 1).A, [0, 0, pitch])], distribution: [],
        },
        {
          label: 'exponential curve (t, eᵗ), t ∈ [−1, 1.5)', truthClass, k: 2,
          draw: (r) => {
            const t = between(r, -1, 1.5)
            return clean([t, Math.exp(t)])
          },
          manifold: [field([[0, 0], [0, 1]], [1, 0])], distribution: [],
        },
        {
          label: `logarithmic spiral e^(${growth.toFixed(2)} t)(cos t, sin t), t ∈ [0, 3π)`, truthClass, k: 2,
          draw: (r) => {
            const t = 3 * Math.PI * r()
            const rho = Math.exp(growth * t)
            return clean([rho * Math.cos(t), rho * Math.sin(t)])
          },
          manifold: [field([[growth, -1], [1, growth]], [0, 0])], distribution: [],
        },
        {
          label: `curve on a cylinder (cos t, sin t, t²), t ∈ [0.3, 3)`, truthClass, k: 3,
          draw: (r) => {
            const t = between(r, 0.3, 3)
            return clean([Math.cos(t), Math.sin(t), t * t])
          },
          manifold: [], distribution: [],
        },
        {
          label: `sine curve (t, sin ${omega.toFixed(2)} t), t ∈ [−2, 2)`, truthClass, k: 2,
          draw: (r) => {
            const t = between(r, -2, 2)
            return clean([t, Math.sin(omega * t)])
          },
          manifold: [], distribution: [],
        },
      ]
    }
    case 'smearing': {
      const sigma = between(random, 0.01, 0.06)
      const smeared = (k: number) => (r: () => number, g: () => number): [number[], number[]] => {
        const x = unitVector(g, k)
        return [x.map((v) => v + sigma * g()), x]
      }
      const energy = Math.exp(between(random, Math.log(2), Math.log(50)))
      const relative = between(random, 0.005, 0.05)
      // Both momenta rotated together: δp_j = p_i, δp_i = −p_j on (px1, py1, pz1) = 1…3 and (px2, py2, pz2) = 5…7.
      const both = [[0, 1], [0, 2], [1, 2]].map(([i, j]) => {
        const A = zeros(8)
        for (const m of [1, 5]) {
          A[m + j][m + i] = 1
          A[m + i][m + j] = -1
        }
        return field(A, new Array(8).fill(0))
      })
      return [
        { label: `circle, isotropic Gaussian smearing ${sigma.toFixed(3)}`, truthClass, k: 2, draw: smeared(2), manifold: rotations(2), distribution: rotations(2), smeared: true },
        { label: `sphere S², isotropic Gaussian smearing ${sigma.toFixed(3)}`, truthClass, k: 3, draw: smeared(3), manifold: rotations(3), distribution: rotations(3), smeared: true },
        {
          // Detector-like: back-to-back momenta of size E, every momentum component smeared independently by
          // relative·E, energies exact. Isotropic, so the rotations of both momenta together keep the distribution.
          label: `two-body events, E = ${energy.toFixed(1)}, components smeared by ${(relative * 100).toFixed(1)} %`, truthClass, k: 8, physical: true, smeared: true,
          draw: (r, g) => {
            const n = unitVector(g, 3)
            const x = [energy, ...n.map((v) => energy * v), energy, ...n.map((v) => -energy * v)]
            const y = x.map((v, j) => (j % 4 === 0 ? v : v + relative * energy * g()))
            return [y, x]
          },
          manifold: both, distribution: both,
        },
      ]
    }
    case 'acceptance cut': {
      const cut = between(random, 0.4, 0.9)
      const arc = between(random, 0.5, 1.6) * Math.PI
      return [
        {
          label: `sphere S², |x3| < ${cut.toFixed(2)}`, truthClass, k: 3,
          draw: (r, g) => {
            for (;;) {
              const x = unitVector(g, 3)
              if (Math.abs(x[2]) < cut) return clean(x)
            }
          },
          manifold: rotations(3), distribution: [plane(3, 0, 1)],
        },
        {
          label: `circle arc φ ∈ [0, ${(arc / Math.PI).toFixed(2)}π)`, truthClass, k: 2,
          draw: (r) => {
            const phi = arc * r()
            return clean([Math.cos(phi), Math.sin(phi)])
          },
          manifold: rotations(2), distribution: [],
        },
      ]
    }
    case 'broken harmonic': {
      const a = between(random, 0.3, 0.7)
      const k = 1 + Math.floor(4 * random())
      const phase = 2 * Math.PI * random()
      return [
        {
          label: `circle, azimuth ∝ 1 + ${a.toFixed(2)} cos(${k}φ + ${phase.toFixed(2)})`, truthClass, k: 2,
          draw: (r) => {
            const phi = modulatedAzimuth(r, a, k, phase)
            return clean([Math.cos(phi), Math.sin(phi)])
          },
          manifold: rotations(2), distribution: [],
        },
        {
          label: `sphere S², azimuth ∝ 1 + ${a.toFixed(2)} cos(${k}φ + ${phase.toFixed(2)})`, truthClass, k: 3,
          draw: (r) => {
            const phi = modulatedAzimuth(r, a, k, phase)
            const c = 2 * r() - 1
            const s = Math.sqrt(1 - c * c)
            return clean([s * Math.cos(phi), s * Math.sin(phi), c])
          },
          manifold: rotations(3), distribution: [],
        },
      ]
    }
    case 'anisotropic': {
      const k = 2 + Math.floor(3 * random())
      // Isotropic in the intrinsic frame; the random embedding makes it anisotropic and correlated, and the true
      // invariances are the conjugated rotations M K M⁺.
      return [
        { label: `correlated Gaussian in ${k} dimensions`, truthClass, k, draw: (r, g) => clean(Array.from({ length: k }, g)), manifold: [], distribution: rotations(k), open: true },
        {
          label: `uniform in a random ellipsoid, ${Math.min(k, 3)} dimensions`, truthClass, k: Math.min(k, 3), open: true,
          draw: (r, g) => {
            const kk = Math.min(k, 3)
            const u = unitVector(g, kk)
            const radius = r() ** (1 / kk)
            return clean(u.map((v) => v * radius))
          },
          manifold: [], distribution: rotations(Math.min(k, 3)),
        },
      ]
    }
    case 'correlated': {
      const degree = 3 + Math.floor(2 * random())
      // Left and right rotations of a rotation matrix R (9 entries, row-major): δR = K R and δR = R K.
      const left = rotations(3).map(({ A: K }) => {
        const A = zeros(9)
        for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (let m = 0; m < 3; m++) A[i * 3 + j][m * 3 + j] += K[i][m]
        return field(A, new Array(9).fill(0))
      })
      const right = rotations(3).map(({ A: K }) => {
        const A = zeros(9)
        for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (let m = 0; m < 3; m++) A[i * 3 + j][i * 3 + m] += K[m][j]
        return field(A, new Array(9).fill(0))
      })
      // (t, t², …, tᵐ): translation t → t + s and scaling t → λ t act affinely.
      const translation = zeros(degree)
      for (let j = 1; j < degree; j++) translation[j][j - 1] = j + 1
      const scaling = zeros(degree)
      for (let j = 0; j < degree; j++) scaling[j][j] = j + 1
      return [
        {
          label: `moment curve (t, t², …, t^${degree}), t ∈ [−1, 1)`, truthClass, k: degree,
          draw: (r) => {
            const t = between(r, -1, 1)
            return clean(Array.from({ length: degree }, (_, j) => t ** (j + 1)))
          },
          manifold: [field(translation, [1, ...new Array(degree - 1).fill(0)]), field(scaling, new Array(degree).fill(0))], distribution: [],
        },
        {
          label: 'rotation matrices of SO(3), Haar (9 entries)', truthClass, k: 9, physical: true,
          draw: (r, g) => clean(haarRotation(g).flat()),
          manifold: [...left, ...right], distribution: [...left, ...right],
        },
      ]
    }
  }
}

/**
 * Case `index` of the suite (seeded by `seed` and index): classes in turn, the shapes of a class in turn, every
 * parameter and the embedding drawn afresh. Same arguments, same case.
 */
export function truthCase(index: number, { seed = 16, n = 4000 }: { seed?: number; n?: number } = {}): TruthCase {
  const random = mulberry32((seed * 1_000_003 + index * 7919) >>> 0)
  const normal = normalSampler(random)
  const truthClass = TRUTH_CLASSES[index % TRUTH_CLASSES.length]
  const options = shapes(truthClass, random, normal)
  const shape = options[Math.floor(index / TRUTH_CLASSES.length) % options.length]
  return embedShape(shape, index, n, random, normal)
}

/** Draws n events of a shape and embeds them by a random affine map (see the head of this file); the case's truth. */
export function embedShape(shape: Shape, index: number, n: number, random: () => number, normal: () => number): TruthCase {
  const truthClass = shape.truthClass
  const k = shape.k
  const blocks = shape.blocks ?? 1
  const D = shape.physical || blocks > 1 ? k : Math.min(20, k + (random() < 0.5 ? 0 : 1 + Math.floor(random() * Math.min(8, 20 - k))))
  // y = M x + c, M = diag(s) G: unit scales over six decades, a Gaussian mixing (physical cases: scales only).
  // Objects (blocks > 1): G block-diagonal with the same block, scales and offsets repeated per object. The draws
  // keep their order of issue 16 for the other cases, so those stay the same cases.
  const width = k / blocks
  const scales = Array.from({ length: D / blocks }, () => 10 ** between(random, -2, 4))
  const block = blocks > 1 && !shape.physical ? Array.from({ length: width }, () => Array.from({ length: width }, normal)) : []
  const mixing = shape.physical
    ? Array.from({ length: D }, (_, r) => Array.from({ length: k }, (_, c) => (r === c ? 1 : 0)))
    : blocks > 1
      ? Array.from({ length: D }, (_, r) => Array.from({ length: k }, (_, c) => (Math.floor(r / width) === Math.floor(c / width) ? block[r % width][c % width] : 0)))
      : Array.from({ length: D }, () => Array.from({ length: k }, normal))
  const offsets = shape.physical ? new Array<number>(D / blocks).fill(0) : scales.map((s) => s * 3 * normal())
  const M = mixing.map((row, r) => row.map((v) => v * scales[r % scales.length]))
  const c = Array.from({ length: D }, (_, r) => offsets[r % offsets.length])
  const embed = (x: readonly number[]) => M.map((row, r) => row.reduce((sum, m, j) => sum + m * x[j], c[r]))
  const data = new Float64Array(n * D)
  const anchorsIntrinsic: number[][] = []
  for (let i = 0; i < n; i++) {
    const [observed, noiseFree] = shape.draw(random, normal)
    data.set(embed(observed), i * D)
    if (i < ANCHORS) anchorsIntrinsic.push(noiseFree)
  }
  const velocities = (fields: IntrinsicField[]) => fields.map(({ A, b }) => anchorsIntrinsic.flatMap((x) => {
    const v = A.map((row, a) => row.reduce((s, m, j) => s + m * x[j], b[a]))
    return M.map((row) => row.reduce((s, m, j) => s + m * v[j], 0))
  }))
  const images = (maps: IntrinsicMap[]) => maps.map(({ A, b }) => anchorsIntrinsic.map((x) => embed(A.map((row, a) => row.reduce((s, m, j) => s + m * x[j], b[a])))))
  return {
    label: `${truthClass} #${index}: ${shape.label}${D > k && !shape.physical ? `, embedded in ${D} dimensions` : ''}`,
    truthClass,
    names: blocks > 1
      ? Array.from({ length: D }, (_, j) => `${'uvwxyz'[j % width]}${Math.floor(j / width) + 1}`)
      : Array.from({ length: D }, (_, j) => `x${j + 1}`),
    data,
    n,
    anchors: anchorsIntrinsic.map(embed),
    manifold: { open: shape.open ?? false, smeared: shape.smeared ?? false, velocities: velocities(shape.manifold) },
    distribution: { velocities: velocities(shape.distribution) },
    ...(shape.discrete
      ? { discrete: { symmetries: images(shape.discrete.symmetries), broken: images(shape.discrete.broken), inContinuous: images(shape.discrete.inContinuous ?? []), asymmetry: shape.discrete.asymmetry } }
      : {}),
  }
}
