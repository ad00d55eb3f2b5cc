// `npm run bench`: runs every benchmark (or those named on the command line), prints each table and writes them
// all to bench/RESULTS.md. Benchmarks compare two sides in one process run and quote the ratio.
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { compileWasmOptimised } from '../core/wasm/node.js'
import { formatTable, type Bench, type BenchTable } from './table.js'

const benches: Record<string, () => Promise<{ run: Bench }>> = {
  twoNN: () => import('./twoNN.js'),
  intervals: () => import('./intervals.js'),
  scan: () => import('./scan.js'),
  generators: () => import('./generators.js'),
  workerd: () => import('./workerdGenerators.js'),
  workerdTraining: () => import('./workerdTraining.js'),
  training: () => import('./training.js'),
  convergence: () => import('./convergence.js'),
  stepBudget: () => import('./stepBudget.js'),
  api: () => import('./api.js'),
  symmetries: () => import('./symmetries.js'),
  symmetryTruth: () => import('./symmetryTruth.js'),
  invarianceCalibration: () => import('./invarianceCalibration.js'),
  discreteCalibration: () => import('./discreteCalibration.js'),
  browser: () => import('./browser.js'),
  browserScan: () => import('./browserScan.js'),
  webSizes: () => import('./webSizes.js'),
  hostile: () => import('./hostile.js'),
}

async function main(): Promise<void> {
  compileWasmOptimised() // as the CLI does, so that the benchmarks time what it runs
  const only = process.argv.slice(2)
  const names = only.length ? only : Object.keys(benches)
  const sections: string[] = []
  for (const name of names) {
    const load = benches[name]
    if (!load) throw new Error(`unknown benchmark '${name}' (benchmarks: ${Object.keys(benches).join(', ')})`)
    process.stderr.write(`bench: ${name} …\n`)
    const tables: BenchTable[] = await (await load()).run()
    for (const table of tables) {
      const text = formatTable(table)
      console.log(`${text}\n`)
      sections.push(text)
    }
  }
  const header = [
    '# symscope benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ` +
      `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}. These machines are shared and noisy: read the ratios, ` +
      'which compare both sides measured in the same run, rather than the absolute times.',
    '',
  ]
  if (!only.length) writeFileSync(new URL('../../bench/RESULTS.md', import.meta.url), `${header.join('\n')}\n${sections.join('\n\n')}\n`)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
