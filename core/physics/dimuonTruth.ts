import { SymscopeError } from '../errors.js'
import { withScratch } from '../stats/withScratch.js'
import type { SymscopeWasm } from '../wasm/module.js'

/** Names of the columns `dimuonTruth` writes, as the `drell_yan` generator names its truth. */
export const DIMUON_TRUTH = ['truth_mass', 'truth_rapidity', 'truth_cosThetaCS', 'truth_phiCS'] as const

/**
 * Invariant mass, rapidity and Collins–Soper angles (Collins & Soper, Phys. Rev. D 16 (1977) 2219) of dimuon events
 * given as rows E1, px1, py1, pz1, E2, px2, py2, pz2 (1 = μ⁻, GeV): n × 4, row-major, in DIMUON_TRUTH order.
 * The same wasm function (assembly/lib/collinsSoper.ts) the `drell_yan` generator uses for its truth, so real data
 * and generated events are described alike. Runs in O(n).
 *
 * @throws {SymscopeError} invalid_data when the length is not a multiple of 8
 */
export function dimuonTruth(wasm: SymscopeWasm, features: ArrayLike<number>): Float64Array {
  if (features.length % 8 !== 0) {
    throw new SymscopeError('invalid_data', `dimuonTruth requires rows of 8 four-momentum components (got ${features.length} values)`)
  }
  const n = features.length / 8
  return withScratch(wasm, (scratch) => {
    const featuresPtr = scratch.putF64(features)
    const truthPtr = scratch.allocF64(4 * n)
    wasm.exports.dimuonTruth(featuresPtr, n, truthPtr)
    return wasm.copyF64(truthPtr, 4 * n)
  })
}
