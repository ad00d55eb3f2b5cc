// The truth suite's discrete classes (issue 20): seeded cases whose discrete symmetries are known by construction,
// drawn in their intrinsic coordinates by the generators of testdata/discreteCases.ts (the mirror with a set
// asymmetry, the chiral pairs) and embedded like every truth case (cases.ts: random affine coordinates, unit scales
// over six decades, embeddings up to 20 dimensions), so the true involution in the data is the intrinsic one
// conjugated by the random map, y ↦ M F M⁺ (y − c) + c on the support. Graded by discreteGrade.ts.
import { mulberry32, normalSampler } from '../random.js'
import { chiralPair, mirrorPoint } from '../discreteCases.js'
import { DISCRETE_TRUTH_CLASSES, between, embedShape, plane, zeros, type DiscreteTruthClass, type IntrinsicMap, type Shape, type TruthCase } from './cases.js'

/** The reflection x_i → −x_i of k intrinsic coordinates. */
function flip(k: number, i: number): IntrinsicMap {
  const A = zeros(k).map((row, r) => row.map((_, c) => (r === c ? (r === i ? -1 : 1) : 0)))
  return { A, b: new Array<number>(k).fill(0) }
}

/** The exchange of the two halves (objects) of k intrinsic coordinates. */
function exchange(k: number): IntrinsicMap {
  const h = k / 2
  const A = zeros(k).map((row, r) => row.map((_, c) => (c === (r + h) % k ? 1 : 0)))
  return { A, b: new Array<number>(k).fill(0) }
}

/**
 * The shapes of a class, parameters drawn from `random`:
 * - exact: the mirror (x = ±|a|, y = b + x²/2; its one symmetry x → −x) mixed into random coordinates, the same with
 *   unit scales only (the reflection is a plain flip there), and two identical objects, each a mirror point with
 *   asymmetry 0.5 (so no reflection keeps either), given the same random coordinates: the exchange is their one symmetry;
 * - broken: the mirror with asymmetry A ∈ [0.15, 0.4] (the share of x > 0 is (1 + A)/2, a 5–13 σ effect at 4,000
 *   events), mixed and scales only: the reflection keeps the support, not the distribution;
 * - chiral: the chiral pairs (two circles turned together, their relative angle with density ∝ 1 + 0.4 sin δ +
 *   0.4 sin 2δ), mixed and scales only: the common rotation is the one symmetry, and no reflection or exchange is.
 */
function shapes(truthClass: DiscreteTruthClass, random: () => number): Shape[] {
  const mirror = (asymmetry: number) => (r: () => number, g: () => number): [number[], number[]] => {
    const x = mirrorPoint(g(), g(), r(), asymmetry)
    return [x, x]
  }
  switch (truthClass) {
    case 'exact reflection or exchange':
      return [
        { label: 'mirror x = ±|a|, y = b + x²/2', truthClass, k: 2, draw: mirror(0), manifold: [], distribution: [], open: true, discrete: { symmetries: [flip(2, 0)], broken: [], asymmetry: 0 } },
        { label: 'mirror x = ±|a|, y = b + x²/2, unit scales only', truthClass, k: 2, physical: true, draw: mirror(0), manifold: [], distribution: [], open: true, discrete: { symmetries: [flip(2, 0)], broken: [], asymmetry: 0 } },
        {
          label: 'two identical objects, each a mirror point with asymmetry 0.5', truthClass, k: 4, blocks: 2, open: true,
          draw: (r, g) => {
            const x = [...mirrorPoint(g(), g(), r(), 0.5), ...mirrorPoint(g(), g(), r(), 0.5)]
            return [x, x]
          },
          manifold: [], distribution: [], discrete: { symmetries: [exchange(4)], broken: [], asymmetry: 0 },
        },
      ]
    case 'broken reflection': {
      const asymmetry = between(random, 0.15, 0.4)
      return [
        { label: `mirror with asymmetry ${asymmetry.toFixed(2)}`, truthClass, k: 2, draw: mirror(asymmetry), manifold: [], distribution: [], open: true, discrete: { symmetries: [], broken: [flip(2, 0)], asymmetry } },
        { label: `mirror with asymmetry ${asymmetry.toFixed(2)}, unit scales only`, truthClass, k: 2, physical: true, draw: mirror(asymmetry), manifold: [], distribution: [], open: true, discrete: { symmetries: [], broken: [flip(2, 0)], asymmetry } },
      ]
    }
    case 'chiral': {
      const both = { A: plane(4, 0, 1).A.map((row, r) => row.map((v, c) => v + plane(4, 2, 3).A[r][c])), b: [0, 0, 0, 0] }
      const draw = (r: () => number): [number[], number[]] => {
        for (;;) {
          const pair = chiralPair(r(), r(), r())
          if (pair) return [pair, pair]
        }
      }
      // The common half-turn (every coordinate → −itself) is a symmetry, but one of the rotations (the identity component).
      const halfTurn = { A: zeros(4).map((row, r) => row.map((_, c) => (r === c ? -1 : 0))), b: [0, 0, 0, 0] }
      const shape = { truthClass, k: 4, draw, manifold: [plane(4, 0, 1), plane(4, 2, 3)], distribution: [both], discrete: { symmetries: [], broken: [], inContinuous: [halfTurn], asymmetry: 0 } }
      return [
        { label: 'chiral pairs on circles of radii 1 and 2', ...shape },
        { label: 'chiral pairs on circles of radii 1 and 2, unit scales only', ...shape, physical: true },
      ]
    }
  }
}

/** Discrete case `index` (seeded by seed and index): classes in turn, the shapes of a class in turn. */
export function discreteTruthCase(index: number, { seed = 20, n = 4000 }: { seed?: number; n?: number } = {}): TruthCase {
  const random = mulberry32((seed * 1_000_003 + index * 7919) >>> 0)
  const normal = normalSampler(random)
  const truthClass = DISCRETE_TRUTH_CLASSES[index % DISCRETE_TRUTH_CLASSES.length]
  const options = shapes(truthClass, random)
  const shape = options[Math.floor(index / DISCRETE_TRUTH_CLASSES.length) % options.length]
  return embedShape(shape, index, n, random, normal)
}
