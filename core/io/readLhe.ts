import type { NamedColumns } from './columnTable.js'
import { finalStateOrder, pdgId } from './pdgId.js'
import { checkShape, DEFAULT_READ_LIMITS, limitError, type ReadLimits } from './limits.js'
import { readError } from './readError.js'

export interface ReadLheOptions {
  /** Particles to keep, by PDG id or name (`mu-,mu+`); a name twice takes the two of highest p_T. Default: all final state. */
  particles?: readonly string[]
  /** Add each particle's mass (the 5th momentum component) as feature m1, m2, … */
  mass?: boolean
}

/**
 * Most particles one event may list (NUP): the Les Houches accord's common block holds MAXNUP = 500; a generator's
 * events hold tens. Checked from the event line, before the particle lines are read.
 */
export const MAX_LHE_PARTICLES = 10_000

/** The lines of a text, one at a time by index into it: no array of every line is built. */
class LineCursor {
  private at = 0
  number = 0
  constructor(private readonly text: string) {}
  get done(): boolean {
    return this.at > this.text.length
  }
  next(): string | undefined {
    if (this.at > this.text.length) return undefined
    let end = this.text.indexOf('\n', this.at)
    if (end < 0) end = this.text.length
    const line = this.text.slice(this.at, end > this.at && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end)
    this.at = end + 1
    this.number++
    return line
  }
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
 * An event's NUP is checked against MAX_LHE_PARTICLES before its particle lines are read, its kept columns against
 * `limits.maxColumns`, and the events against `limits.maxRows` and `maxCells` as they are read.
 *
 * @throws {SymscopeError} too_large past a limit (naming the event); invalid_data naming the file, the event number and its line: a malformed or truncated
 *   event, a missing particle, a different set of final-state particles, a non-finite number, an unknown name
 */
export function readLhe(text: string, file: string, options: ReadLheOptions = {}, limits: ReadLimits = DEFAULT_READ_LIMITS): LheEvents {
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
  if (wanted) checkShape(file, 0, wanted.length * perParticle, limits, `--particles ${options.particles!.join(',')}`)
  const lines = new LineCursor(text)
  let values = new Float64Array(0)
  let length = 0
  const weights: number[] = []
  const processIds: number[] = []
  const scales: number[] = []
  let species: string | undefined
  let width = 0
  let event = 0
  for (let line = lines.next(); line !== undefined; line = lines.next()) {
    if (!/^\s*<event[\s>]/.test(line)) continue
    event++
    const where = `event ${event} (line ${lines.number})`
    const fields = (count: number, what: string) => {
      const text = lines.next()
      if (text === undefined || /<\/event>/.test(text)) throw readError(file, `${where}: truncated before its ${what} line`, { event })
      const k = lines.number
      const numbers = text.trim().split(/\s+/).map(Number)
      if (numbers.length < count) throw readError(file, `${where}, line ${k}: ${what} line has ${numbers.length} fields, expected ${count}`, { event, line: k })
      const bad = numbers.slice(0, count).findIndex((v) => !Number.isFinite(v))
      if (bad >= 0) throw readError(file, `${where}, line ${k}: field ${bad + 1} of the ${what} line is not a finite number`, { event, line: k })
      return numbers
    }
    const [nup, idprup, xwgtup, scalup] = fields(6, 'event')
    if (!Number.isInteger(nup) || nup < 1) throw readError(file, `${where}: NUP = ${nup} is not a particle count`, { event })
    if (nup > MAX_LHE_PARTICLES) throw limitError(file, `${where}: NUP = ${nup} particles; the limit is ${MAX_LHE_PARTICLES.toLocaleString('en-US')} per event`, MAX_LHE_PARTICLES)
    const finalState: Particle[] = []
    for (let p = 0; p < nup; p++) {
      const [id, status, , , , , px, py, pz, e, m] = fields(13, 'particle')
      if (status === 1) {
        finalState.push({ id, pt: Math.hypot(px, py), momentum: [e, px, py, pz, m] })
        // Without --particles every final-state particle is a column group: refuse as soon as they pass the limit.
        if (!wanted && finalState.length * perParticle > limits.maxColumns) {
          throw limitError(file, `${where}: more than ${Math.floor(limits.maxColumns / perParticle)} final-state particles make more than ${limits.maxColumns} columns (${perParticle} per particle), the limit; choose particles with --particles`, limits.maxColumns)
        }
      }
    }
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
    width = kept.length * perParticle
    checkShape(file, event, width, limits, `at ${where}`)
    if (length + width > values.length) {
      // Grows by doubling, never past the cell limit (checked above for the events read so far).
      const grown = new Float64Array(Math.min(limits.maxCells, Math.max(1024, values.length * 2, length + width)))
      grown.set(values.subarray(0, length))
      values = grown
    }
    for (const particle of kept) for (let q = 0; q < perParticle; q++) values[length++] = particle.momentum[q]
    weights.push(xwgtup)
    processIds.push(idprup)
    scales.push(scalup)
  }
  if (event === 0) throw readError(file, 'no <event> block')
  if (!/<\/LesHouchesEvents>/.test(text.slice(-4096))) throw readError(file, `truncated after event ${event}: no closing </LesHouchesEvents> tag`)
  const count = width / perParticle
  const names = Array.from({ length: count }, (_, k) => ['E', 'px', 'py', 'pz', 'm'].slice(0, perParticle).map((q) => `${q}${k + 1}`)).flat()
  return {
    names,
    n: event,
    values: values.slice(0, length),
    weights: Float64Array.from(weights),
    processIds: Float64Array.from(processIds),
    scales: Float64Array.from(scales),
  }
}
