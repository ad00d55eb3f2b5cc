// One folder per test run for the analyses several test files read (runCache.ts): made empty before the first file,
// removed after the last. A report in it was trained by this run's code, never by an earlier build's.
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's folder of shared analyses (absolute). */
    sharedAnalyses: string
  }
}

export default function setup(project: TestProject): () => void {
  const dir = join(project.config.root, 'test/.tmp', `analyses-${process.pid}-${Date.now()}`)
  mkdirSync(dir, { recursive: true })
  project.provide('sharedAnalyses', dir)
  return () => rmSync(dir, { recursive: true, force: true })
}
