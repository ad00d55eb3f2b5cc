// Linear relations in a sparse, canonical basis (issue 16, item 5), tested by construction: random sparse integer
// relations among random columns, in random unit scales and random column order, exact or smeared, must come back as
// exactly those relations with coprime integer coefficients; a relation with irrational coefficients is not rounded.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findSymmetries } from '../../../core/index.js'
import { cmsDimuonInput } from '../../../core/transforms/cmsDimuon.js'
import { linearConstraints, type LinearConstraint } from '../../../core/symmetries/constraints/linearConstraints.js'
import { integerRelation } from '../../../core/symmetries/constraints/sparseRelations.js'
import { wasmMoments } from '../../../core/symmetries/kernels/blockMoments.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { mulberry32, normalSampler } from '../../../testdata/random.js'

const wasm = await loadWasm()

interface Case {
  names: string[]
  data: Float64Array
  n: number
  /** The relations as made: coefficients over the (shuffled) columns, coprime integers, first nonzero positive. */
  relations: number[][]
}

/** The relation written as linearConstraints writes one: coprime integers, its first nonzero coefficient positive. */
const canonical = (coefficients: number[]) => {
  const sign = coefficients.find((c) => c !== 0)! < 0 ? -1 : 1
  return coefficients.map((c) => sign * c || 0)
}

/**
 * `k` relations y_r = Σ a_i x_i + c_r on disjoint sets of 1–3 base columns (a_i ∈ ±{1, 2, 3}: their sparsest basis
 * is then unique up to scale), beside 0–2 free columns; each base column uniform or normal with a random unit scale
 * 10^U(−2, 2) per relation and offset; `noise` smears each y_r by that fraction of its spread. Columns come in random order.
 */
function sparseCase(seed: number, noise: number): Case {
  const random = mulberry32(seed)
  const normal = normalSampler(random)
  const n = 1500
  const k = 1 + Math.floor(random() * 3)
  const supports = Array.from({ length: k }, () => 1 + Math.floor(random() * 3))
  const base = supports.reduce((a, b) => a + b, 0) + Math.floor(random() * 3)
  const width = base + k
  // Random unit scales: one per relation (and per free column), each term within a factor 2 of it, so that every term
  // of a smeared relation stands above its smearing (a term below the spread cannot be told from none).
  const unit = Array.from({ length: k }, () => 10 ** (4 * random() - 2))
  const owner = supports.flatMap((size, r) => new Array(size).fill(r))
  const scales = Array.from({ length: base }, (_, j) => (j < owner.length ? unit[owner[j]] * 2 ** (2 * random() - 1) : 10 ** (4 * random() - 2)))
  const offsets = scales.map((s) => (10 * random() - 5) * s)
  const kinds = scales.map(() => (random() < 0.5 ? 'uniform' : 'normal'))
  const weights: number[][] = []
  let next = 0
  for (const size of supports) {
    const row = new Array(base).fill(0)
    for (let t = 0; t < size; t++) row[next++] = (1 + Math.floor(random() * 3)) * (random() < 0.5 ? -1 : 1)
    weights.push(row)
  }
  const constants = weights.map(() => Math.round(20 * random() - 10))
  const order = Array.from({ length: width }, (_, j) => j)
  for (let j = width - 1; j > 0; j--) {
    const swap = Math.floor(random() * (j + 1))
    ;[order[j], order[swap]] = [order[swap], order[j]]
  }
  // Unshuffled columns: base 0 … base − 1, then y_0 … y_{k−1}; column `order[j]` is written at position j.
  const rows: number[][] = []
  for (let i = 0; i < n; i++) {
    const x = scales.map((s, j) => offsets[j] + s * (kinds[j] === 'uniform' ? 2 * random() - 1 : normal()))
    const y = weights.map((w, r) => w.reduce((sum, a, j) => sum + a * x[j], constants[r]))
    rows.push([...x, ...y])
  }
  if (noise > 0) {
    for (let r = 0; r < k; r++) {
      const column = rows.map((row) => row[base + r])
      const mean = column.reduce((a, b) => a + b, 0) / n
      const spread = Math.sqrt(column.reduce((a, b) => a + (b - mean) ** 2, 0) / n)
      for (const row of rows) row[base + r] += noise * spread * normal()
    }
  }
  const position = new Array(width)
  order.forEach((column, j) => (position[column] = j))
  const data = new Float64Array(n * width)
  rows.forEach((row, i) => row.forEach((v, column) => (data[i * width + position[column]] = v)))
  const relations = weights.map((w, r) => {
    const full = new Array(width).fill(0)
    w.forEach((a, j) => (full[position[j]] = a))
    full[position[base + r]] = -1
    return canonical(integerRelation(full).coefficients)
  })
  return { names: Array.from({ length: width }, (_, j) => `c${j}`), data, n, relations }
}

const relationsOf = (c: { names: string[]; data: Float64Array; n: number }): LinearConstraint[] => {
  const width = c.names.length
  const moments = wasmMoments(wasm, c.data, c.n, width)
  try {
    return linearConstraints(moments, c.data, c.n, width, c.names).constraints
  } finally {
    moments.dispose()
  }
}

/**
 * A found relation's coefficients as its formula writes them: coprime integers (the relations that restrict the
 * coordinates keep their pivot at 1 in `coefficients`, the span's, and are scaled only as written).
 */
const written = (c: LinearConstraint) => canonical(integerRelation(c.coefficients).coefficients)

const byFirstColumn = (rows: number[][]) => [...rows].sort((a, b) => a.findIndex((v) => v !== 0) - b.findIndex((v) => v !== 0))

describe('linear relations in a sparse, canonical basis', () => {
  it('recovers 100 random sparse integer relations exactly, in random unit scales and column order', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const made = sparseCase(seed, 0)
      const found = relationsOf(made)
      expect(found.every((c) => c.exact), `seed ${seed}`).toBe(true)
      expect(byFirstColumn(found.map(written)), `seed ${seed}: ${found.map((c) => c.formula).join('; ')}`).toEqual(byFirstColumn(made.relations))
      for (const c of found) expect(c.formula.split(' = ')[0], `seed ${seed}`).not.toMatch(/\d\.\d/)
    }
  })

  it('recovers 60 more smeared by 1–5 % of their spread (each term above it), as approximate relations with the same integers', () => {
    for (let seed = 101; seed <= 160; seed++) {
      const noise = 0.01 + 0.04 * mulberry32(seed * 7)()
      const made = sparseCase(seed, noise)
      const found = relationsOf(made).filter((c) => !c.exact)
      for (const c of found) expect(c.formula.split(' ≈ ')[0], `seed ${seed}`).not.toMatch(/\d\.\d/)
      expect(byFirstColumn(found.map(written)), `seed ${seed}, noise ${noise.toFixed(3)}: ${found.map((c) => c.formula).join('; ')}`).toEqual(byFirstColumn(made.relations))
    }
  })

  it('does not round a relation with irrational coefficients, exact or smeared below its rounding error', () => {
    const random = mulberry32(2)
    const normal = normalSampler(random)
    for (const noise of [0, 1e-6]) {
      const n = 1500
      const data = new Float64Array(n * 3)
      for (let i = 0; i < n; i++) {
        const a = 3 * normal()
        const b = 0.02 * (random() - 0.5)
        data.set([a, b, Math.SQRT2 * a + Math.PI * b + noise * normal()], i * 3)
      }
      const found = relationsOf({ names: ['a', 'b', 'y'], data, n })
      expect(found).toHaveLength(1)
      const [ca, cb, cy] = found[0].coefficients
      // 17/12 = 1.41667 and 22/7 = 3.14286 are the nearest simple fractions: they would not hold within the spread.
      expect(Math.abs(-ca / cy - Math.SQRT2)).toBeLessThan(1e-4)
      expect(Math.abs(-cb / cy - Math.PI)).toBeLessThan(1e-2)
      expect(Number.isInteger(ca) && Number.isInteger(cy)).toBe(false)
    }
  })

  it('scales simple fractions to coprime integers and leaves other numbers alone', () => {
    expect(integerRelation([1, -2 / 3, 0, 1 / 2]).coefficients).toEqual([6, -4, 0, 3])
    expect(integerRelation([2, 4, -6]).coefficients).toEqual([1, 2, -3])
    expect(integerRelation([1, Math.SQRT2]).coefficients).toEqual([1, Math.SQRT2])
  })

  it("writes the CMS recoil on the issue's 2,000 events as a physicist reads it: px1 + px2 ≈ 0, py1 + py2 ≈ 0", () => {
    const text = readFileSync(new URL('../../../data/cms/Zmumu_Run2011A.csv', import.meta.url), 'utf8')
    const input = cmsDimuonInput(wasm, text, 'Zmumu_Run2011A.csv', { takeRows: 2000 })
    const s = findSymmetries(wasm, { names: input.featureNames, data: input.features, n: input.n })
    const linear = s.constraints.filter((c) => c.kind === 'linear')
    // It read 0.0545662 E1 + 1.14286 px1 + 0.0254874 pz1 − 0.125 E2 + px2 − 0.0466507 pz2 ≈ −4.36 (spread 18).
    expect(linear.map((c) => c.formula)).toEqual(['px1 + px2 ≈ 0', 'py1 + py2 ≈ 0'])
    // Written 0: each mean is within two standard errors (spread / √n) of zero.
    for (const c of linear) expect(Math.abs(c.constant)).toBeLessThanOrEqual((2 * c.rmsAbsolute) / Math.sqrt(input.n))
  })
})
