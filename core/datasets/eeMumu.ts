import { DIMUON_FEATURES, MUON_MASS_GEV } from './fourMomenta.js'
import type { DatasetSpec } from './types.js'

export interface EeMumuParameters {
  sqrtS: number
  z: boolean
  muonMass: number
  [key: string]: number | boolean | null
}

/** e⁺e⁻ → μ⁺μ⁻ in the centre-of-mass frame: QED (1 + cos²θ) or tree-level γ/Z interference. */
export const eeMumu: DatasetSpec<EeMumuParameters> = {
  name: 'ee_mumu',
  title: 'e⁺e⁻ → μ⁺μ⁻',
  description:
    'e⁺e⁻ → μ⁺μ⁻ at √s in the centre-of-mass frame, beam along z, θ the angle between e⁻ and μ⁻. ' +
    'QED: dσ/dcos θ ∝ 1 + cos²θ; with z=true the tree-level γ/Z form A₀(1 + cos²θ) + A₁ cos θ ' +
    '(m_Z = 91.1876 GeV, Γ_Z = 2.4952 GeV, sin²θ_W = 0.2315). 8 features, 2 degrees of freedom (cos θ, φ).',
  features: DIMUON_FEATURES,
  truth: ['truth_cosTheta', 'truth_phi'],
  angularTruth: ['truth_phi'],
  degreesOfFreedom: 2,
  parameters: [
    { name: 'sqrtS', type: 'number', default: 10, minimum: 0, exclusiveMinimum: true, maximum: 1e5, unit: 'GeV', description: 'Centre-of-mass energy √s.' },
    { name: 'z', type: 'boolean', default: false, description: 'Include the Z boson (γ/Z interference); false is pure QED.' },
    { name: 'muonMass', type: 'number', default: MUON_MASS_GEV, minimum: 0, maximum: 10, unit: 'GeV', description: 'Muon mass; 0 gives massless muons.' },
  ],
  relations: [{ parameter: 'sqrtS', must: 'exceed', bound: '2 · muonMass', value: (p) => 2 * p.muonMass, why: 'the pair threshold' }],
  fill: (wasm, r) =>
    wasm.exports.generateEeMumu(r.seed, r.first, r.n, r.params.sqrtS, r.params.z ? 1 : 0, r.params.muonMass, r.featuresPtr, r.truthPtr),
}
