// `npm run figures`: the README's figures, made from the generators by the same plot code the client uses.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { histogramSvg } from '../client/plots/histogram.js'
import { forwardBackwardAsymmetry, generateEvents, histogram } from '../core/index.js'
import { loadWasm } from '../core/wasm/node.js'
import { README_FIGURE, runReadmeExample } from './readmeExample.js'

const out = new URL('../../docs/figures/', import.meta.url)

async function eeMumuCosTheta(): Promise<void> {
  const wasm = await loadWasm()
  const n = 200_000
  const sqrtS = 35
  const bins = 40
  const events = generateEvents(wasm, { dataset: 'ee_mumu', n, seed: 2025, params: { sqrtS, z: true } })
  const h = histogram(wasm, events.truth, { bins, min: -1, max: 1, stride: 2, offset: 0 })
  const afb = forwardBackwardAsymmetry(wasm, sqrtS, true)
  const width = 2 / bins
  // dN/dcos θ = N [(3/8)(1 + cos²θ) + A_FB cos θ]: the tree-level density, normalised on [−1, 1]
  const expected = (c: number) => n * width * (0.375 * (1 + c * c) + afb * c)
  const svg = histogramSvg(
    { edges: h.edges, counts: h.counts, expected },
    {
      title: `e⁺e⁻ → μ⁺μ⁻ at √s = ${sqrtS} GeV with γ/Z interference (A_FB = ${(100 * afb).toFixed(1)} %)`,
      xLabel: 'cos θ (angle between e⁻ and μ⁻)',
      dataLabel: `${n.toLocaleString('en-US')} generated events`,
      expectedLabel: 'tree level A₀(1 + cos²θ) + A₁ cos θ',
    },
  )
  writeFileSync(new URL('ee_mumu_cos_theta.svg', out), svg)
}

/** The README's picture: the relevance figure of the README's own analysis, run by the built CLI. */
function readmeRelevance(): void {
  const dir = mkdtempSync(join(tmpdir(), 'symscope-figures-'))
  try {
    const run = runReadmeExample(fileURLToPath(new URL('../client/cli/main.js', import.meta.url)), dir)
    if (run.status !== 0 || run.figure === '') throw new Error(`the README's analysis failed: ${run.stderr.trim()}`)
    writeFileSync(new URL(`../../${README_FIGURE.kept}`, import.meta.url), run.figure)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

mkdirSync(out, { recursive: true })
await eeMumuCosTheta()
console.log('wrote docs/figures/ee_mumu_cos_theta.svg')
readmeRelevance()
console.log(`wrote ${README_FIGURE.kept}`)
