import type { NamedColumns } from './columnTable.js'
import { finalStateOrder, pdgId } from './pdgId.js'
import { readError } from './readError.js'

export interface ReadLheOptions {
  /** Particles to keep, by PDG id or name (`mu-,mu+`); a name twice takes the two of highest p_T. Default: all final state. */
  particles?: readonly string[]
  /** Add each particle's mass (the 5th momentum component) as feature m1, m2, … */
  mass?: boolean
}

/** Final-state particles of LHE events as columns, and the header of each event. */
export interface LheEvents extends NamedColumns {
  /** XWGTUP of each event. */
  weights: Float64Array
  /** IDPRUP (process id) and SCALUP (scale, GeV) of each event. */
  processIds: Float64Array
  scales: Float64Array
}

interface Particle {
  id: number
  pt: number
  momentum: number[]
}

/**
 * Reads a Les Houches Event File, versions 1.0–3.0 (Alwall et al., hep-ph/0609017; v2 and v3 add header blocks and
 * `<rwgt>`/`<weights>` lines, which are skipped). Each `<event>` block opens with the event line
 * `NUP IDPRUP XWGTUP SCALUP AQEDUP AQCDUP`, then NUP particle lines `IDUP ISTUP MOTHUP(2) ICOLUP(2) PUP(5) VTIMUP
 * SPINUP`, with PUP = (px, py, pz, E, m) in GeV. Only final-state particles (ISTUP = 1) become features: incoming
 * partons (−1) and intermediate resonances (2) are skipped. Per kept particle k: E_k, px_k, py_k, pz_k (and m_k).
 * With `particles`, each event must hold the listed ones (a repeated id takes them by decreasing p_T); without it,
 * every final-state particle in the order of `finalStateOrder`, and every event must have the same species.
 *
 * @throws {SymscopeError} invalid_data naming the file, the event number and its line: a malformed or truncated
 *   event, a missing particle, a different set of final-state particles, a non-finite number, an unknown name
 */
export function readLhe(text: string, file: string, options: ReadLheOptions = {}): LheEvents {
  const head = text.slice(0, 4096)
  const version = /<LesHouchesEvents\s+version\s*=\s*["']?([\d.]+)/.exec(head)
  if (!version) throw readError(file, 'not a Les Houches Event File (no <LesHouchesEvents version="…"> tag)')
  if (!['1.0', '2.0', '3.0'].includes(version[1])) throw readError(file, `LHE version ${version[1]} is not one of 1.0, 2.0, 3.0`)
  const wanted = options.particles?.map((name) => {
    const id = pdgId(name)
    if (id === undefined) throw readError(file, `--particles: '${name}' is not a PDG id or a particle name (mu-, mu+, e-, e+, a, g, …)`)
    return id
  })
  const perParticle = options.mass ? 5 : 4
  const lines = text.split(/\r?\n/)
  const values: number[] = []
  const weights: number[] = []
  const processIds: number[] = []
  const scales: number[] = []
  let species: string | undefined
  let event = 0
  for (let l = 0; l < lines.length; l++) {
    if (!/^\s*<event[\s>]/.test(lines[l])) continue
    event++
    const where = `event ${event} (line ${l + 1})`
    const fields = (k: number, count: number, what: string) => {
      if (k >= lines.length || /<\/event>/.test(lines[k])) throw readError(file, `${where}: truncated before its ${what} line`, { event })
      const numbers = lines[k].trim().split(/\s+/).map(Number)
      if (numbers.length < count) throw readError(file, `${where}, line ${k + 1}: ${what} line has ${numbers.length} fields, expected ${count}`, { event, line: k + 1 })
      const bad = numbers.slice(0, count).findIndex((v) => !Number.isFinite(v))
      if (bad >= 0) throw readError(file, `${where}, line ${k + 1}: field ${bad + 1} of the ${what} line is not a finite number`, { event, line: k + 1 })
      return numbers
    }
    const [nup, idprup, xwgtup, scalup] = fields(l + 1, 6, 'event')
    if (!Number.isInteger(nup) || nup < 1) throw readError(file, `${where}: NUP = ${nup} is not a particle count`, { event })
    const finalState: Particle[] = []
    for (let p = 0; p < nup; p++) {
      const [id, status, , , , , px, py, pz, e, m] = fields(l + 2 + p, 13, 'particle')
      if (status === 1) finalState.push({ id, pt: Math.hypot(px, py), momentum: [e, px, py, pz, m] })
    }
    l += 1 + nup
    let kept: Particle[]
    if (wanted) {
      const pool = [...finalState].sort((a, b) => b.pt - a.pt)
      kept = wanted.map((id) => {
        const i = pool.findIndex((particle) => particle.id === id)
        if (i < 0) throw readError(file, `${where}: no final-state particle with id ${id} left to select (final state: ${finalState.map((q) => q.id).join(' ') || 'none'})`, { event })
        return pool.splice(i, 1)[0]
      })
    } else {
      kept = [...finalState].sort(finalStateOrder)
      const these = kept.map((particle) => particle.id).join(' ')
      species ??= these
      if (these !== species) {
        throw readError(file, `${where}: final state ${these || 'empty'} differs from the first event's ${species}; choose particles with --particles`, { event })
      }
    }
    if (kept.length === 0) throw readError(file, `${where}: no final-state particle`, { event })
    for (const particle of kept) values.push(...particle.momentum.slice(0, perParticle))
    weights.push(xwgtup)
    processIds.push(idprup)
    scales.push(scalup)
  }
  if (event === 0) throw readError(file, 'no <event> block')
  if (!/<\/LesHouchesEvents>/.test(text.slice(-4096))) throw readError(file, `truncated after event ${event}: no closing </LesHouchesEvents> tag`)
  const count = values.length / event / perParticle
  const names = Array.from({ length: count }, (_, k) => ['E', 'px', 'py', 'pz', 'm'].slice(0, perParticle).map((q) => `${q}${k + 1}`)).flat()
  return {
    names,
    n: event,
    values: Float64Array.from(values),
    weights: Float64Array.from(weights),
    processIds: Float64Array.from(processIds),
    scales: Float64Array.from(scales),
  }
}
