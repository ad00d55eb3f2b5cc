import type { AnalysisInput } from '../analysis/input.js'
import { readCsv } from '../csv/readCsv.js'
import { DIMUON_FEATURES, MUON_MASS_GEV } from '../datasets/fourMomenta.js'
import { SymscopeError } from '../errors.js'
import { DIMUON_TRUTH, dimuonTruth } from '../physics/dimuonTruth.js'
import type { SymscopeWasm } from '../wasm/module.js'

/** Columns a CMS dimuon CSV must have (CMS open data, e.g. Zmumu_Run2011A.csv): per muon p_T (GeV), η, φ, charge. */
export const CMS_DIMUON_COLUMNS = ['pt1', 'eta1', 'phi1', 'Q1', 'pt2', 'eta2', 'phi2', 'Q2'] as const

/**
 * Reads a CMS dimuon CSV and turns each opposite-sign event's (p_T, η, φ) of two muons into lab-frame four-vectors,
 * μ⁻ first as
 * every symscope dimuon dataset orders them: p_x = p_T cos φ, p_y = p_T sin φ, p_z = p_T sinh η,
 * E = √(p² + m_μ²). Truth: M, y and the Collins–Soper angles, computed as for the drell_yan generator. Other columns
 * (run and event numbers, impact parameters, isolation) are ignored. `takeRows` reads only the first rows.
 * Same-sign pairs (μ⁺μ⁺, μ⁻μ⁻: background, not Z → μ⁺μ⁻; 356 of the 10,583 events of Zmumu_Run2011A.csv) are left
 * out, as a Z selection does, and counted in the input's parameters as `sameSignDropped`.
 *
 * @throws {SymscopeError} invalid_csv for a malformed file (line and column named), a missing column, a charge other
 *   than ±1 (its data row named), or no opposite-sign event at all
 */
export function cmsDimuonInput(wasm: SymscopeWasm, text: string, name: string, options: { maxRows?: number; takeRows?: number } = {}): AnalysisInput {
  const table = readCsv(text, { features: CMS_DIMUON_COLUMNS, truth: [], ...options })
  const features = new Float64Array(8 * table.n)
  let n = 0
  for (let i = 0; i < table.n; i++) {
    const row = table.features.subarray(8 * i, 8 * i + 8)
    const [pt1, eta1, phi1, q1, pt2, eta2, phi2, q2] = row
    if (Math.abs(q1) !== 1 || Math.abs(q2) !== 1) {
      throw new SymscopeError('invalid_csv', `data row ${i + 1}: charges Q1 = ${q1}, Q2 = ${q2}; a muon's charge is +1 or −1`, { row: i + 1 })
    }
    if (q1 === q2) continue
    const negativeFirst = q1 === -1
    const muons = negativeFirst ? [[pt1, eta1, phi1], [pt2, eta2, phi2]] : [[pt2, eta2, phi2], [pt1, eta1, phi1]]
    muons.forEach(([pt, eta, phi], m) => {
      const px = pt * Math.cos(phi)
      const py = pt * Math.sin(phi)
      const pz = pt * Math.sinh(eta)
      const o = 8 * n + 4 * m
      features[o] = Math.sqrt(px * px + py * py + pz * pz + MUON_MASS_GEV * MUON_MASS_GEV)
      features[o + 1] = px
      features[o + 2] = py
      features[o + 3] = pz
    })
    n++
  }
  if (n === 0) throw new SymscopeError('invalid_csv', `no opposite-sign muon pair among the ${table.n} events`)
  const kept = features.slice(0, 8 * n)
  return {
    name,
    source: 'csv',
    parameters: { from: 'cms-dimuon', sameSignDropped: table.n - n },
    featureNames: DIMUON_FEATURES,
    truthNames: DIMUON_TRUTH,
    angularTruth: ['truth_phiCS'],
    n,
    features: kept,
    truth: dimuonTruth(wasm, kept),
    expectedDegreesOfFreedom: null,
  }
}
