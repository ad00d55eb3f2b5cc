// The numbers core/ and assembly/ must agree on, each written once per side (AssemblyScript cannot import
// TypeScript, and the TypeScript side needs them before any wasm is loaded): read from the AssemblyScript sources with
// the TypeScript parser and compared with core's constants, so a change on one side fails here, not in a trainer.
import { readFileSync } from 'node:fs'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { datasets } from '../../core/datasets/index.js'
import * as buffers from '../../core/vae/fused/network.js'
import { ABORT_ERROR, ABORT_STALLED, MAX_THREADS } from '../../core/vae/fused/threads.js'
import { ROOT } from './importGraph.js'

/** The top-level `const NAME = <integer>` declarations of an AssemblyScript file (exported or not). */
function assemblyConstants(path: string): Record<string, number> {
  const source = ts.createSourceFile(path, readFileSync(ROOT + path, 'utf8'), ts.ScriptTarget.ES2022)
  const constants: Record<string, number> = {}
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue
    for (const declaration of statement.declarationList.declarations) {
      const value = declaration.initializer
      if (ts.isIdentifier(declaration.name) && value && ts.isNumericLiteral(value)) constants[declaration.name.text] = Number(value.text.replaceAll('_', ''))
    }
  }
  return constants
}

/** Each registry dataset's generator file (assembly/generators/, one process per file). */
const GENERATOR_FILES: Record<string, string> = {
  circle: 'circle',
  disk: 'disk',
  ee_mumu: 'eeMumu',
  drell_yan: 'drellYan',
  gaussian: 'gaussian',
}

describe('the wasm interface', () => {
  it('the fused trainer on threads: thread limit, chunk limit, abort reasons (assembly/vae/parallel.ts)', () => {
    const parallel = assemblyConstants('assembly/vae/parallel.ts')
    expect(parallel.MAX_THREADS).toBe(MAX_THREADS)
    // a thread trains whole chunks, so there are never more useful threads than chunks of a batch
    expect(parallel.MAX_CHUNKS).toBe(MAX_THREADS)
    expect(parallel.ABORT_ERROR).toBe(ABORT_ERROR)
    expect(parallel.ABORT_STALLED).toBe(ABORT_STALLED)
  })

  it('activation codes, and the linear code outside them (assembly/vae/activation.ts: any other code is the identity)', () => {
    const activation = assemblyConstants('assembly/vae/activation.ts')
    expect(buffers.ACTIVATION_CODE).toEqual({ relu: activation.RELU, tanh: activation.TANH, elu: activation.ELU, sigmoid: activation.SIGMOID })
    expect(buffers.LINEAR_CODE).toBeGreaterThan(Math.max(...Object.values(buffers.ACTIVATION_CODE)))
  })

  it('buffer numbers of vaeBuffer (assembly/vae/network.ts: `if (which == N) return net.field`, the last one the default)', () => {
    const text = readFileSync(`${ROOT}assembly/vae/network.ts`, 'utf8')
    const body = text.slice(text.indexOf('export function vaeBuffer('), text.indexOf('\n}\n', text.indexOf('export function vaeBuffer(')))
    const numbered = Object.fromEntries([...body.matchAll(/if \(which == (\d+)\) return net\.(\w+)/g)].map((m) => [m[2], Number(m[1])]))
    const fallback = /\n\s*return net\.(\w+)\s*$/.exec(body)?.[1]
    expect(numbered).toEqual({
      parameters: buffers.PARAMETERS,
      gradients: buffers.GRADIENTS,
      firstMoments: buffers.FIRST_MOMENTS,
      secondMoments: buffers.SECOND_MOMENTS,
      x: buffers.BATCH,
    })
    expect(fallback).toBe('noise')
    expect(Object.values(numbered)).not.toContain(buffers.NOISE)
  })

  it.each(Object.keys(datasets))("%s: the generator's features and truth per event are the registry's columns", (name) => {
    const generator = assemblyConstants(`assembly/generators/${GENERATOR_FILES[name]}.ts`)
    expect(generator.FEATURES).toBe(datasets[name].features.length)
    expect(generator.TRUTH).toBe(datasets[name].truth.length)
  })
})
