import { readdirSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * Half-written outputs of this process (`FILE.partial-<pid>`, `DIR.partial-<pid>`): removed when the process fails,
 * exits or is stopped by SIGINT or SIGTERM, so that an output appears whole or not at all. A process killed outright
 * (SIGKILL, power loss) cannot clean up: the next run that writes the same output clears what such a dead process left.
 */
const tracked = new Set<string>()
let installed = false

/** The partial path of `path` for this process. */
export const partialPath = (path: string) => `${path}.partial-${process.pid}`

function removeTracked(): void {
  for (const path of tracked) rmSync(path, { recursive: true, force: true })
  tracked.clear()
}

/** Registers a partial output, installing the exit and signal handlers on first use. */
export function trackPartial(path: string): void {
  tracked.add(path)
  if (installed) return
  installed = true
  process.on('exit', removeTracked)
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      removeTracked()
      process.exit(code)
    })
  }
}

/** The output is complete (renamed into place) or removed: nothing to clean up any more. */
export function untrackPartial(path: string): void {
  tracked.delete(path)
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes `path.partial-<pid>` and `path.old-<pid>` left by symscope processes that are no longer running. */
export function clearStalePartials(path: string): void {
  const name = basename(path)
  let entries: string[]
  try {
    entries = readdirSync(dirname(path))
  } catch {
    return
  }
  for (const entry of entries) {
    if (!entry.startsWith(`${name}.`)) continue
    const match = /^\.(partial|old)-(\d+)$/.exec(entry.slice(name.length))
    if (!match) continue
    const pid = Number(match[2])
    if (pid !== process.pid && !alive(pid)) rmSync(join(dirname(path), entry), { recursive: true, force: true })
  }
}
