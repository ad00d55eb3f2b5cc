import type { MarkdownHelpers } from './markdownHelpers.js'
import type { Discrete } from '../symmetries/discrete/schema.js'
import { discreteTestText } from './discreteWording.js'


/** The "Discrete symmetries and the whole group" part of report.md's Symmetries section (issue 20). */
export function discreteMarkdown(d: Discrete, { text, table, num }: MarkdownHelpers): string[] {
  const pct = (v: number | undefined) => (v === undefined ? '' : `${num(100 * v)} %`)
  const tested = d.tests.filter((t) => t.decision !== 'off the manifold')
  const off = d.tests.filter((t) => t.decision === 'off the manifold')
  const out = [
    '### Discrete symmetries and the whole group',
    `**${text(d.group)}**` +
      (d.generators.length
        ? `, generated ${d.continuous !== 'trivial' ? `with ${text(d.continuous)} ` : ''}by ${d.generators.map((g) => `${text(d.tests[g.test].description)} (${g.relation === 'commutes' ? 'commutes with the continuous part' : g.relation === 'normalises' ? 'normalises it' : 'neither commutes with nor normalises it'})`).join(', ')}.`
        : ': no discrete map beyond the continuous part is a symmetry at this level.') +
      ` ${d.tried} maps proposed from the first ${d.proposalEvents.toLocaleString('en-US')} events (sign flips, exchanges of particles and of features with equal marginals, the mirrors of the covariance and of the constraints' quadrics, their commuting compositions), ` +
      `${d.distinct} distinct on the data; ${off.length} break a constraint; ${d.tested} tested against their images on the other ${d.testEvents.toLocaleString('en-US')} events ` +
      `(H0: the events and their images have the same law; sign-flip χ² of the odd parts of ${d.testFunctions} test functions, Holm at ${d.level} together with the continuous tests)` +
      `${d.implied ? `, ${d.implied} compositions implied by a factor that looked symmetric` : ''}. ` +
      'Asymmetry: (N₊ − N₋)/(N₊ + N₋) of the sign of the most odd function, chosen on one half and measured on the other, with its 95 % interval; upper limit: the largest asymmetry the events could hide (one-sided 95 %).',
  ]
  if (tested.length) {
    out.push(table(
      ['Map', 'χ²', 'd.o.f.', 'p', 'Holm p', 'Asymmetry', '95 % interval', 'Upper limit', 'Decision'],
      ['---', '---:', '---:', '---:', '---:', '---:', '---', '---:', '---'],
      tested.map((t) => [
        text(t.description), num(t.statistic), num(t.degreesOfFreedom), num(t.pValue), num(t.adjustedPValue),
        pct(t.asymmetry?.value), t.asymmetry ? `${pct(t.asymmetry.low)} … ${pct(t.asymmetry.high)}` : '', t.decision === 'symmetric' ? pct(t.asymmetry?.upperLimit) : '',
        t.decision === 'symmetric' ? 'not rejected' : 'rejected',
      ]),
    ))
  }
  if (off.length) out.push(`Off the manifold (a constraint is not kept): ${off.map((t) => `${text(discreteTestText(t))}`).join('; ')}.`)
  return out
}
