import type { Discrete, DiscreteTest } from '../symmetries/discrete/schema.js'

/**
 * The discrete section in words (issue 20), shared by the verdict, the CLI line, report.md, the web app and the
 * `<symscope-report>` element, as the rest of the symmetry section's wording (core/report/symmetryWording.ts).
 */

const percent = (v: number) => `${Number((100 * v).toPrecision(2))} %`
const num = (v: number) => (v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential(1) : Number(v.toPrecision(2)).toString())

/** "x → −x (p = 0.41; asymmetry 0.3 % ± 1 %, below 2.1 % at 95 %)" or "particle 1 ↔ particle 2 (p = 2e-20; asymmetry −8.9 % ± 0.6 %)". */
export function discreteTestText(t: DiscreteTest): string {
  if (t.decision === 'off the manifold') return `${t.description} (breaks ${t.brokenConstraint ?? 'a constraint'})`
  const a = t.asymmetry
  const asymmetry = a
    ? `; asymmetry ${percent(a.value)} ± ${percent(1.959963984540054 * a.standardError)}${t.decision === 'symmetric' ? `, below ${percent(a.upperLimit)} at 95 %` : ''}`
    : ''
  const same = t.sameOnTheData.length ? ` (on the data the same as ${t.sameOnTheData.join(', ')})` : ''
  return `${t.description}${same} (p = ${num(t.pValue ?? 1)}${t.adjustedPValue !== t.pValue ? `, Holm ${num(t.adjustedPValue ?? 1)}` : ''}${asymmetry})`
}

/**
 * "symmetry group O(2) × ℤ₂, generated with SO(2) by: pz → −pz for both particles (…); px → −px … ; broken:
 * particle 1 ↔ particle 2 (…)": the group, its discrete generators with their statistics, and the maps rejected
 * by the test (those off the manifold are counted only).
 */
export function discreteText(d: Discrete): string {
  const generators = d.generators.map((g) => discreteTestText(d.tests[g.test]))
  const rejected = d.tests.filter((t) => t.decision === 'rejected' && t.kind !== 'composition' && t.kind !== 'whitened')
  const off = d.tests.filter((t) => t.decision === 'off the manifold').length
  const parts = [
    generators.length
      ? `symmetry group ${d.group}; discrete generators${d.continuous !== 'trivial' ? ` beyond ${d.continuous}` : ''}: ${generators.join('; ')}`
      : `symmetry group ${d.group}: no discrete symmetry${d.continuous !== 'trivial' ? ` beyond ${d.continuous}` : ''}`,
  ]
  if (rejected.length) parts.push(`broken: ${rejected.map(discreteTestText).join('; ')}`)
  parts.push(`${d.tried} maps tried, ${d.tested} tested against their images at family-wise level ${d.level}, ${off} off the manifold`)
  return parts.join('; ')
}

/** The verdict's clause: "symmetry group O(2) × ℤ₂ (pz → −pz for both particles, px → −px for both particles)". */
export function groupText(d: Discrete): string {
  const generators = d.generators.map((g) => d.tests[g.test].description)
  return `symmetry group ${d.group}${generators.length ? ` (discrete: ${generators.join(', ')})` : ''}`
}
