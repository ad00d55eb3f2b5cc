// The order `npm test` starts its files in (vitest.config.ts): vitest's own (BaseSequencer: by group, then project in
// name order, then the longest file first by the durations it cached from earlier runs), except for files it has no
// duration for. Those it puts first, the largest in bytes first, which on a fresh clone (CI) starts files of
// 15–28 s at a load of 10 (sameScience, cliReproduce: small files) 83rd and 84th of the 93 node files, where they may
// leave a core idle at the end; of those files, the slow ones named here go first.
import { relative } from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/** A sequencer class (vitest makes it) that starts `slow` (root-relative paths) first among files with no duration. */
export function slowFilesFirst(slow: readonly string[]): typeof BaseSequencer {
  return class SlowFilesFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const sorted = await super.sort(files)
      const root = this.ctx.config.root
      const rank = (spec: TestSpecification) => {
        const path = relative(root, spec.moduleId)
        if (this.ctx.cache.getFileTestResults(`${spec.project.name}:${path}`) !== undefined) return 2
        return slow.includes(path) ? 0 : 1
      }
      // Stable within each run of one group and project: only files without a duration move, and only among themselves.
      const segment = (spec: TestSpecification) => `${spec.project.config.sequence.groupOrder}\0${spec.project.name}`
      const firstOf = new Map<string, number>()
      sorted.forEach((spec, i) => firstOf.has(segment(spec)) || firstOf.set(segment(spec), i))
      return sorted
        .map((spec, i) => ({ spec, key: [firstOf.get(segment(spec))!, rank(spec), i] }))
        .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2])
        .map(({ spec }) => spec)
    }
  }
}
