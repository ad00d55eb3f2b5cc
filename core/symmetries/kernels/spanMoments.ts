import { blockSizes, type MomentAccumulator } from './blockMoments.js'
import type { AffineSpan } from '../constraints/linearConstraints.js'
import { monomialBasis, type MonomialBasis } from '../constraints/monomials.js'

/**
 * Moments E[z^α] up to degree 4 of the standardised span coordinates z = (u − μ)/σ, over all events and per block
 * of consecutive events: everything the quadratic constraints (degree 4 = products of two quadratics), the tangency
 * system and the invariance test (degree 4) need, from one pass over the events.
 */
export interface SpanMoments {
  basis: MonomialBasis
  /** E[z^α] over all events, indexed like `basis`. */
  mean: Float64Array
  /** E[z^α] within each block, and the block sizes. */
  blocks: Float64Array[]
  blockRows: number[]
  /** μ and σ of the span coordinates (physical units). */
  shift: number[]
  scale: number[]
  /** E[z^α] over all events for an exponent vector (degree ≤ 4). */
  moment(alpha: ArrayLike<number>): number
}

export function spanMoments(accumulator: MomentAccumulator, span: AffineSpan, rows: number, blocks: number): SpanMoments {
  const d = span.free.length
  const basis = monomialBasis(d, 4)
  const shift = span.free.map((f) => span.means[f])
  const scale = span.free.map((f) => span.spreads[f])
  const sums = accumulator.sums(
    { columns: Int32Array.from(span.free), shift: Float64Array.from(shift), scale: Float64Array.from(scale, (s) => 1 / s) },
    basis,
    blocks,
  )
  const blockRows = blockSizes(rows, blocks)
  const mean = new Float64Array(basis.count)
  const perBlock = blockRows.map((size, b) => {
    const block = new Float64Array(basis.count)
    for (let m = 0; m < basis.count; m++) {
      const sum = sums[b * basis.count + m]
      block[m] = sum / size
      mean[m] += sum
    }
    return block
  })
  for (let m = 0; m < basis.count; m++) mean[m] /= rows
  return {
    basis, mean, blocks: perBlock, blockRows, shift, scale,
    moment: (alpha) => mean[basis.indexOf(alpha)],
  }
}

/** Moments over blocks [from, to) of the random order: a sample of its own. */
export function partMoments(moments: SpanMoments, from: number, to: number): SpanMoments & { rows: number; firstRow: number } {
  const blocks = moments.blocks.slice(from, to)
  const blockRows = moments.blockRows.slice(from, to)
  const rows = blockRows.reduce((s, r) => s + r, 0)
  const mean = new Float64Array(moments.basis.count)
  blocks.forEach((block, b) => block.forEach((v, m) => (mean[m] += (v * blockRows[b]) / rows)))
  const firstRow = moments.blockRows.slice(0, from).reduce((s, r) => s + r, 0)
  return { ...moments, mean, blocks, blockRows, rows, firstRow, moment: (alpha) => mean[moments.basis.indexOf(alpha)] }
}
