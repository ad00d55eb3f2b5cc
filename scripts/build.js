#!/usr/bin/env node
// The build, part by part: the wasm kernels (assembly/ → core/wasm/*.wasm), the TypeScript (→ dist/: the CLI, the
// benchmarks) and the web app (→ dist/web). `npm run build` builds every part; `npm test`'s pretest and `npm start`'s
// prestart build only the stale ones (`--stale`), so a test run after `npm ci` (whose `prepare` built everything) or
// after a test-only edit starts at once instead of after a full rebuild.
//
// A part is stale unless its stamp (dist/.stamps/<part>.json, written only after the part built) records the
// SHA-256 of every source it was built from and of every output it checks, and both still match: any change to a
// source (an edit, an added or removed file, a copy that keeps an old time, an edit made while the build ran) or to
// an output (a debug build of the wasm, a deleted file) rebuilds. Contents, not modification times, decide.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where each part's stamp is kept: inside dist/, so removing dist/ rebuilds everything. */
export const STAMPS = 'dist/.stamps'

/** What a change to the package's settings or pinned dependencies can change in any part. */
const PACKAGE = ['package.json', 'package-lock.json']

/**
 * The parts, in build order (TypeScript and the web app copy the wasm kernels, so they list core/, which holds them,
 * among their sources): each part's npm script, the outputs whose bytes its stamp records, and every file or folder
 * its build reads.
 */
export const BUILD_PARTS = [
  {
    name: 'wasm',
    script: 'build:wasm',
    outputs: ['core/wasm/symscope.wasm', 'core/wasm/symscope-threads.wasm'],
    sources: ['assembly', 'asconfig.json', ...PACKAGE],
  },
  {
    name: 'ts',
    script: 'build:ts',
    outputs: ['dist/client/cli/main.js', 'dist/bench/run.js', 'dist/core/wasm/symscope.wasm', 'dist/core/wasm/symscope-threads.wasm'],
    // worker/: the benchmarks import its limits.
    sources: ['core', 'client', 'worker', 'bench', 'reference', 'testdata', 'scripts', 'types', 'data', 'tsconfig.json', 'tsconfig.build.json', ...PACKAGE],
  },
  {
    name: 'web',
    script: 'build:web',
    outputs: ['dist/web/index.html', 'dist/web/symscope-report.js'],
    sources: ['client', 'core', 'data', 'tsconfig.json', ...PACKAGE],
  },
]

/** SHA-256 of a file, or of a folder's files (their paths and bytes, in name order; node_modules left out); null if absent. */
function contentHash(root, path) {
  const full = join(root, path)
  if (!existsSync(full)) return null
  const hash = createHash('sha256')
  const visit = (relative, absolute) => {
    if (statSync(absolute).isDirectory()) {
      for (const name of readdirSync(absolute).sort()) {
        if (name !== 'node_modules') visit(`${relative}/${name}`, join(absolute, name))
      }
      return
    }
    const bytes = readFileSync(absolute)
    // The path and the length before the bytes: no two different trees give the same stream.
    hash.update(`${relative}\0${bytes.length}\0`)
    hash.update(bytes)
  }
  visit(path, full)
  return hash.digest('hex')
}

const hashesOf = (root, paths) => Object.fromEntries(paths.map((path) => [path, contentHash(root, path)]))

const stampPath = (root, part) => join(root, STAMPS, `${part.name}.json`)

/** Why `part` must be built under `root`, or null when its stamp matches its sources and outputs. */
export function staleReason(root, part) {
  const missing = part.outputs.find((output) => !existsSync(join(root, output)))
  if (missing) return `${missing} is missing`
  let stamp
  try {
    stamp = JSON.parse(readFileSync(stampPath(root, part), 'utf8'))
  } catch {
    return 'no record of its last build'
  }
  for (const [path, hash] of Object.entries(hashesOf(root, part.sources))) {
    if (stamp.sources?.[path] !== hash) return `${path} changed since the last build`
  }
  for (const [path, hash] of Object.entries(hashesOf(root, part.outputs))) {
    if (stamp.outputs?.[path] !== hash) return `${path} was changed after the last build`
  }
  return null
}

/** The parts of `parts` that need building under `root`, each with its reason (checked before any is built). */
export function staleParts(root, parts = BUILD_PARTS) {
  return parts.flatMap((part) => {
    const reason = staleReason(root, part)
    return reason === null ? [] : [{ ...part, reason }]
  })
}

/**
 * Builds `part` with `run(script)` (true when it succeeded) and records its stamp. The sources are hashed before the
 * build, so a source edited while it runs leaves the part stale; the old stamp is removed first, so a failed build
 * does too. The stamp is written whole (a temporary file renamed into place).
 */
export function buildPart(root, part, run) {
  const sources = hashesOf(root, part.sources)
  rmSync(stampPath(root, part), { force: true })
  if (!run(part.script)) return false
  mkdirSync(join(root, STAMPS), { recursive: true })
  const partial = `${stampPath(root, part)}.partial-${process.pid}`
  writeFileSync(partial, `${JSON.stringify({ sources, outputs: hashesOf(root, part.outputs) }, null, 1)}\n`)
  renameSync(partial, stampPath(root, part))
  return true
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const args = process.argv.slice(2)
  const onlyStale = args[0] === '--stale'
  const names = onlyStale ? args.slice(1) : args
  const unknown = names.find((name) => !BUILD_PARTS.some((part) => part.name === name))
  if (unknown !== undefined) {
    console.error(`symscope build: no part named "${unknown}" (parts: ${BUILD_PARTS.map((p) => p.name).join(', ')})`)
    process.exit(2)
  }
  const chosen = BUILD_PARTS.filter((part) => names.length === 0 || names.includes(part.name))
  const npmRun = (script) => spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' }).status === 0
  let built = 0
  // In order, each checked just before it would build: a rebuilt wasm kernel makes the parts that copy it stale.
  for (const part of chosen) {
    const reason = onlyStale ? staleReason(root, part) : 'npm run build builds every part'
    if (reason === null) continue
    console.log(`symscope build: ${part.name} (${reason}): npm run ${part.script}`)
    if (!buildPart(root, part, npmRun)) process.exit(1)
    built++
  }
  if (onlyStale && built === 0) console.log(`symscope build: ${chosen.map((p) => p.name).join(', ')} current (their sources and outputs as last built); not rebuilding`)
}
