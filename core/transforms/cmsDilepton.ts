import type { AnalysisInput } from '../analysis/input.js'
import { DIMUON_FEATURES, MUON_MASS_GEV } from '../datasets/fourMomenta.js'
import { SymscopeError } from '../errors.js'
import type { ColumnTable } from '../io/columnTable.js'
import type { InputFormat } from '../io/formats.js'
import { DIMUON_TRUTH, dimuonTruth } from '../physics/dimuonTruth.js'
import type { SymscopeWasm } from '../wasm/module.js'

/** Columns a CMS dilepton table must have (CMS open data Z → μμ and Z → ee files): per lepton p_T (GeV), η, φ, charge. */
export const CMS_DILEPTON_COLUMNS = ['pt1', 'eta1', 'phi1', 'Q1', 'pt2', 'eta2', 'phi2', 'Q2'] as const

/** Electron mass, GeV (PDG 2024). */
export const ELECTRON_MASS_GEV = 0.51099895e-3

/** The leptons of a CMS dilepton file and the mass their energies are built with. */
export const LEPTON_MASS_GEV = { e: ELECTRON_MASS_GEV, mu: MUON_MASS_GEV } as const
export type Lepton = keyof typeof LEPTON_MASS_GEV

/**
 * Turns each opposite-sign event of a CMS dilepton table (the columns of CMS_DILEPTON_COLUMNS, from a CSV or any
 * other format) into lab-frame four-vectors, the negative lepton first as every symscope dilepton dataset orders
 * them: p_x = p_T cos φ, p_y = p_T sin φ, p_z = p_T sinh η, E = √(p² + m²) with the lepton's own mass (m_e or m_μ).
 * Truth: M, y and the Collins–Soper angles, computed as for the drell_yan generator. Other columns (run and event
 * numbers, impact parameters, isolation) are ignored. Same-sign pairs (background, not Z → ℓ⁺ℓ⁻; 356 of the 10,583
 * events of Zmumu_Run2011A.csv) are left out, as a Z selection does, and counted in the parameters as `sameSignDropped`.
 *
 * @param table the file's columns, with the CMS columns as its features (readColumnTable with `features:
 *   CMS_DILEPTON_COLUMNS`)
 * @throws {SymscopeError} invalid_data for a charge other than ±1 (its data row named) or no opposite-sign event at all
 */
export function cmsDileptonInput(wasm: SymscopeWasm, table: ColumnTable, name: string, lepton: Lepton, format: InputFormat): AnalysisInput {
  const mass = LEPTON_MASS_GEV[lepton]
  const features = new Float64Array(8 * table.n)
  let n = 0
  for (let i = 0; i < table.n; i++) {
    const [pt1, eta1, phi1, q1, pt2, eta2, phi2, q2] = table.features.subarray(8 * i, 8 * i + 8)
    if (Math.abs(q1) !== 1 || Math.abs(q2) !== 1) {
      throw new SymscopeError('invalid_data', `${name}: data row ${i + 1}: charges Q1 = ${q1}, Q2 = ${q2}; a lepton's charge is +1 or −1`, { row: i + 1 })
    }
    if (q1 === q2) continue
    const leptons = q1 === -1 ? [[pt1, eta1, phi1], [pt2, eta2, phi2]] : [[pt2, eta2, phi2], [pt1, eta1, phi1]]
    leptons.forEach(([pt, eta, phi], m) => {
      const px = pt * Math.cos(phi)
      const py = pt * Math.sin(phi)
      const pz = pt * Math.sinh(eta)
      const o = 8 * n + 4 * m
      features[o] = Math.sqrt(px * px + py * py + pz * pz + mass * mass)
      features[o + 1] = px
      features[o + 2] = py
      features[o + 3] = pz
    })
    n++
  }
  if (n === 0) throw new SymscopeError('invalid_data', `${name}: no opposite-sign ${lepton === 'mu' ? 'muon' : 'electron'} pair among the ${table.n} events`)
  const kept = features.slice(0, 8 * n)
  return {
    name,
    source: 'file',
    format,
    parameters: { from: lepton === 'mu' ? 'cms-dimuon' : 'cms-dielectron', sameSignDropped: table.n - n },
    featureNames: DIMUON_FEATURES,
    truthNames: DIMUON_TRUTH,
    angularTruth: ['truth_phiCS'],
    n,
    features: kept,
    truth: dimuonTruth(wasm, kept),
    expectedDegreesOfFreedom: null,
  }
}
