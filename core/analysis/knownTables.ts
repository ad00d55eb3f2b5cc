// Tables symscope knows a better reading of: a CMS dilepton file (pt1, eta1, phi1, Q1, pt2, …) read column by column
// is angles and momenta in detector coordinates plus identifiers; `from: 'cms-dilepton'` builds the four-vectors and
// the Collins–Soper truth the analysis is meant for. The CLI, the API and the web app offer it when they see one.
import { CMS_DILEPTON_COLUMNS, type Lepton } from '../transforms/cmsDilepton.js'

/** Transforms `from` names: the CMS dilepton files (`cms-dimuon` and `cms-dielectron` fix the lepton). */
export const FROM_FORMATS = ['cms-dilepton', 'cms-dimuon', 'cms-dielectron'] as const
export type FromFormat = (typeof FROM_FORMATS)[number]

export interface KnownTable {
  /** The transform that reads it (inputFromSource's `from`). */
  from: FromFormat
  /** The lepton when the file name says it (Zee / Zmumu), else null: the reader must be told. */
  lepton: Lepton | null
  /** What it is, for a label: "CMS dimuon events (pt, η, φ and charge of two muons)". */
  title: string
  /** One sentence for the report and the CLI: what the table is and how to read it as such. */
  advice: string
}

/** The lepton a CMS file name names (Zee… / Zmumu…, dielectron / dimuon), or null. */
export function leptonOfName(name: string): Lepton | null {
  if (/(^|[^a-z])(zee|ee|dielectron|electrons?)([^a-z]|$)/i.test(name)) return 'e'
  if (/(^|[^a-z])(zmumu|mumu|dimuon|muons?)([^a-z]|$)/i.test(name)) return 'mu'
  return null
}

/** The known table whose columns `columns` holds (every CMS dilepton column), or null. */
export function recogniseTable(columns: readonly string[], name: string): KnownTable | null {
  if (!CMS_DILEPTON_COLUMNS.every((c) => columns.includes(c))) return null
  const lepton = leptonOfName(name)
  const from: FromFormat = lepton === 'e' ? 'cms-dielectron' : lepton === 'mu' ? 'cms-dimuon' : 'cms-dilepton'
  const which = lepton === 'e' ? 'dielectron' : lepton === 'mu' ? 'dimuon' : 'dilepton'
  return {
    from,
    lepton,
    title: `CMS ${which} events (p_T, η, φ and charge of two leptons)`,
    advice: `a CMS ${which} table: --from ${from} (the web app's "Read as CMS ${which} events") reads it as four-vectors with M, y and the Collins–Soper angles as truth`,
  }
}
