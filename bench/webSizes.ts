// What the web client sends: the raw and gzipped bytes of each part of the built app and element (dist/web), and
// of what a first in-browser analysis loads. No browser needed: `node dist/bench/run.js webSizes` after a build (the
// browser bench prints the same table beside its timings).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { repositoryRoot } from '../scripts/wranglerDev.js'
import type { Bench, BenchTable } from './table.js'

const gzipped = (files: string[]) => files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).byteLength, 0)
const raw = (files: string[]) => files.reduce((sum, f) => sum + statSync(f).size, 0)

/** The gzipped bytes of each part of the built client (dist/web). */
export function sizeTable(): BenchTable {
  const web = join(repositoryRoot(), 'dist/web')
  const assets = readdirSync(join(web, 'assets')).map((f) => join(web, 'assets', f))
  const pick = (pattern: RegExp) => assets.filter((f) => pattern.test(f))
  // Vite names both trainer chunks after their file (trainer.ts): the fused one is the one that calls the compute module.
  const trainerChunks = pick(/\/trainer-[^/]+\.js$/)
  const isFused = (f: string) => readFileSync(f, 'utf8').includes('vaeTrainThread')
  const groups: [string, string[]][] = [
    ['element: symscope-report.js (everything it needs)', [join(web, 'symscope-report.js')]],
    ['app, first paint: index.html + main JS + CSS', [join(web, 'index.html'), ...pick(/\/main-[^/]+\.(js|css)$/)]],
    ['app, analysis worker: symscope core, no tfjs (not minified, see client/web/vite.config.ts)', pick(/\/analysisWorker-[^/]+\.js$/)],
    ['app, fused trainer and symscope compute module (symscope.wasm)', [...trainerChunks.filter(isFused), ...pick(/\/symscope-(?!threads-)[^/]+\.wasm$/)]],
    ['app, fused trainer threads (loaded only for 2 or more): the threaded module and the training-thread worker', pick(/\/(symscope-threads-[^/]+\.wasm|browserTrainingThread-[^/]+\.js)$/)],
    [
      'app, tfjs (loaded only for a tfjs backend): tfjs-core, wasm and cpu backends, its trainer, the threaded SIMD binary',
      [...pick(/\/(tensorflow|tfjs)-[^/]+\.js$/).filter((f) => !/webgpu/.test(f)), ...trainerChunks.filter((f) => !isFused(f)), ...pick(/\/tfjs-backend-wasm-threaded-simd-[^/]+\.wasm$/)],
    ],
    ['app, WebGPU backend (loaded only on a real GPU adapter)', pick(/\/tfjs-backend-webgpu-[^/]+\.js$/)],
  ]
  const firstRun = [...groups[1][1], ...groups[2][1], ...groups[3][1]] // one thread: the default on two cores
  return {
    title: 'What the web client sends: gzipped sizes',
    description: 'Bytes of the built files in dist/web, raw and gzipped (level 9); "first analysis" is what a first in-browser analysis loads, without WebGPU.',
    columns: ['part', 'raw kB', 'gzipped kB'],
    rows: [...groups.map(([label, files]) => [label, raw(files) / 1000, gzipped(files) / 1000]), ['app, first analysis in the browser without a GPU (first paint, worker, fused trainer)', raw(firstRun) / 1000, gzipped(firstRun) / 1000]],
  }
}

export const run: Bench = async () => [sizeTable()]
