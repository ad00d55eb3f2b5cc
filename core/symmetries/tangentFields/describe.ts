import type { FeatureGroups } from '../featureGroups.js'
import type { AffineField } from './fields.js'
import { formatCoefficient } from '../constraints/fractions.js'

interface Pair {
  low: number
  high: number
  kind: 'rotation' | 'boost'
  /** A[high][low] (the rate of the later feature per unit of the earlier one). */
  coefficient: number
}

const isEnergy = (stem: string) => /^(E|e|En|energy|t)$/.test(stem)
const momentumAxis = (stem: string) => /^(p|x|k)([xyz])$/.exec(stem)?.[2] ?? null

/** "rotation in (px, py)", "boost along z": the plane of one 2 × 2 block, in stems when groups are active. */
function planeText(pair: Pair, names: readonly string[], groups: FeatureGroups): string {
  const a = groups.active ? groups.stems[pair.low] : names[pair.low]
  const b = groups.active ? groups.stems[pair.high] : names[pair.high]
  if (pair.kind === 'boost') {
    const [sa, sb] = [groups.stems[pair.low], groups.stems[pair.high]]
    const axis = isEnergy(sa) ? momentumAxis(sb) : isEnergy(sb) ? momentumAxis(sa) : null
    return axis ? `boost along ${axis}` : `boost in (${a}, ${b})`
  }
  return `rotation in (${a}, ${b})`
}

const list = (items: string[]) => (items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`)

/** A linear combination of feature names: "x1", "x1 − 2 x2". */
function combination(vector: readonly number[], names: readonly string[]): string {
  const parts: string[] = []
  vector.forEach((v, j) => {
    if (v === 0) return
    const size = Math.abs(v) === 1 ? names[j] : `${formatCoefficient(Math.abs(v), 4)} ${names[j]}`
    parts.push(parts.length === 0 ? (v < 0 ? `−${size}` : size) : v < 0 ? `− ${size}` : `+ ${size}`)
  })
  return parts.join(' ')
}

/** The field as infinitesimal variations: "δx1 = −x2, δx2 = x1". */
function variations(field: AffineField, names: readonly string[]): string {
  const lines: string[] = []
  field.matrix.forEach((row, r) => {
    const linear = combination(row, names)
    const b = field.offset[r]
    if (!linear && b === 0) return
    const constant = b === 0 ? '' : linear ? ` ${b < 0 ? '−' : '+'} ${formatCoefficient(Math.abs(b), 4)}` : formatCoefficient(b, 4)
    lines.push(`δ${names[r]} = ${linear}${constant}`)
  })
  return lines.join(', ')
}

/**
 * A generator in words where its shape is recognisable: a translation (A = 0), rotations (antisymmetric 2 × 2
 * blocks) and boosts (symmetric off-diagonal blocks between an energy and a momentum component, "boost along z"),
 * gathered across particles when groups of features are active ("rotation in (px, py) of both particles together"),
 * a scaling (diagonal A); otherwise the field written out, "δx1 = x2". The field is exact in `matrix`/`offset`; the
 * words only name it.
 */
export function describeGenerator(field: AffineField, names: readonly string[], groups: FeatureGroups): string {
  const D = names.length
  const { matrix, offset } = field
  const nonzero: [number, number][] = []
  for (let r = 0; r < D; r++) for (let c = 0; c < D; c++) if (matrix[r][c] !== 0) nonzero.push([r, c])
  const hasOffset = offset.some((b) => b !== 0)
  if (!nonzero.length) return hasOffset ? `translation along ${combination(offset, names)}` : 'zero field'

  if (!hasOffset && nonzero.every(([r, c]) => r === c)) {
    const scaled = nonzero.map(([r]) => r)
    const equal = scaled.every((r) => matrix[r][r] === matrix[scaled[0]][scaled[0]])
    return equal ? `scaling of ${list(scaled.map((r) => names[r]))}` : `scaling: ${variations(field, names)}`
  }

  // 2 × 2 blocks: each feature in at most one, zero diagonal, |A_rc| = |A_cr|.
  const pairs: Pair[] = []
  const seen = new Set<number>()
  let blocks = !hasOffset
  for (const [r, c] of nonzero) {
    if (!blocks) break
    if (r === c) blocks = false
    else if (r > c) {
      const [up, down] = [matrix[c][r], matrix[r][c]]
      if (seen.has(r) || seen.has(c) || Math.abs(up) !== Math.abs(down)) blocks = false
      else {
        seen.add(r)
        seen.add(c)
        pairs.push({ low: c, high: r, kind: up === -down ? 'rotation' : 'boost', coefficient: down })
      }
    } else if (matrix[c][r] === 0) blocks = false
  }
  if (!blocks) return variations(field, names)

  // Gather the same plane and rate across particles: "rotation in (px, py) of both particles together".
  const gathered = new Map<string, { pair: Pair; owners: number[] }>()
  for (const pair of pairs) {
    const owner = groups.active && groups.groupOf[pair.low] === groups.groupOf[pair.high] ? groups.groupOf[pair.low] : -1
    const key = `${groups.active ? `${groups.stems[pair.low]}|${groups.stems[pair.high]}` : `${pair.low}|${pair.high}`}|${pair.kind}|${pair.coefficient}|${owner < 0 ? `${pair.low}` : ''}`
    const entry = gathered.get(key) ?? { pair, owners: [] }
    entry.owners.push(owner)
    gathered.set(key, entry)
  }
  const parts = [...gathered.values()].map(({ pair, owners }) => {
    const rate = Math.abs(pair.coefficient) === 1 ? '' : ` (rate ${formatCoefficient(Math.abs(pair.coefficient), 4)})`
    if (!groups.active || owners.includes(-1)) {
      return `${pair.kind === 'boost' ? 'boost' : 'rotation'} in (${names[pair.low]}, ${names[pair.high]})${rate}`
    }
    const plane = planeText(pair, names, groups)
    const labels = owners.map((o) => groups.groupLabels[o])
    const who =
      owners.length === groups.groupLabels.length
        ? owners.length === 2
          ? 'of both particles together'
          : 'of all particles together'
        : owners.length === 1
          ? `of particle ${labels[0]}`
          : `of particles ${list(labels)} together`
    return `${plane} ${who}${rate}`
  })
  return list(parts)
}
