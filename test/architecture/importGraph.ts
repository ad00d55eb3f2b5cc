// The project's import graph, read with the TypeScript compiler's own pre-processor (`ts.preProcessFile`): every
// `import`, `export … from`, `import type` and `import()` of a relative path, resolved to a file. Used by the
// entrance and cycle tests.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Every .ts file under the given folders (paths relative to the repository root, `/`-separated). */
export function sourceFiles(folders: string[]): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      if (name === 'node_modules' || name === 'dist') continue
      const path = `${dir}/${name}`
      if (statSync(join(ROOT, path)).isDirectory()) walk(path)
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(path)
    }
  }
  for (const folder of folders) walk(folder)
  return files.sort()
}

export interface ImportEdge {
  from: string
  /** The specifier as written. */
  specifier: string
  /** The file it resolves to (relative to the root), or the specifier's target path when it is not a .ts file. */
  to: string
}

/** The relative imports of one file (type-only and dynamic ones included), resolved. */
export function importsOf(file: string): ImportEdge[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true)
  const edges: ImportEdge[] = []
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith('.')) continue
    const target = resolve(ROOT, dirname(file), fileName.replace(/\?.*$/, ''))
    const ts = target.replace(/\.js$/, '.ts')
    const to = existsSync(ts) ? ts : existsSync(join(target, 'index.ts')) ? join(target, 'index.ts') : target
    edges.push({ from: file, specifier: fileName, to: relative(ROOT, to).split('\\').join('/') })
  }
  return edges
}

/** The strongly connected components with more than one file, or a file importing itself (Tarjan's algorithm). */
export function importCycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, [...new Set(importsOf(f).map((e) => e.to))].filter((t) => t !== f || true)]))
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (v: string) => {
    index.set(v, counter)
    low.set(v, counter++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort())
    }
  }
  for (const f of files) if (!index.has(f)) visit(f)
  return cycles
}
