#!/usr/bin/env node
// `npm start`'s prestart: builds only what `wrangler dev` serves and only when it is older than its sources, so a
// second start (or a start after `npm install`, which builds) begins at once instead of after a full rebuild.
// wrangler bundles the worker itself; it needs the wasm kernels (core/wasm/*.wasm, from assembly/) and the web app
// (dist/web, from client/ and core/). `npm run build` still builds everything (CLI, benches) unconditionally.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** What `npm start` needs built: each part's outputs, the sources they are made from, and the npm script that makes them. */
export const START_PARTS = [
  {
    name: 'wasm',
    script: 'build:wasm',
    outputs: ['core/wasm/symscope.wasm', 'core/wasm/symscope-threads.wasm'],
    sources: ['assembly', 'asconfig.json', 'package-lock.json'],
  },
  {
    name: 'web',
    script: 'build:web',
    outputs: ['dist/web/index.html', 'dist/web/symscope-report.js'],
    sources: ['client/web', 'client/element', 'client/plots', 'core', 'package-lock.json'],
  },
]

/** Newest modification time (ms) of a file or of every file under a folder (node_modules and dot-folders skipped); 0 if absent. */
function newestTime(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    newest = Math.max(newest, newestTime(join(path, entry.name)))
  }
  return newest
}

/**
 * The parts of `parts` that need building under `root`: an output missing, or a source newer than the oldest output.
 * Each comes with the reason, for the one line printed.
 */
export function staleParts(root, parts = START_PARTS) {
  const stale = []
  for (const part of parts) {
    const outputs = part.outputs.map((o) => join(root, o))
    const missing = outputs.find((o) => !existsSync(o))
    if (missing) {
      stale.push({ ...part, reason: `${part.outputs[outputs.indexOf(missing)]} is missing` })
      continue
    }
    const oldestOutput = Math.min(...outputs.map((o) => statSync(o).mtimeMs))
    const newer = part.sources.find((s) => newestTime(join(root, s)) > oldestOutput)
    if (newer) stale.push({ ...part, reason: `${newer} changed since the last build` })
  }
  return stale
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const stale = staleParts(root)
  if (stale.length === 0) console.log('symscope: the build is current (wasm kernels and web app newer than their sources); not rebuilding')
  for (const part of stale) {
    console.log(`symscope: building ${part.name} (${part.reason}): npm run ${part.script}`)
    const result = spawnSync('npm', ['run', '--silent', part.script], { cwd: root, stdio: 'inherit' })
    if (result.status !== 0) process.exit(result.status ?? 1)
  }
}
