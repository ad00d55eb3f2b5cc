// A value computed once per test run and read by every test file that asks for it, whichever worker runs the file:
// the first to ask writes `<key hash>.json` whole (a temporary file renamed into place) while holding
// `<key hash>.lock`; the others wait for the file. A lock whose process is gone (a crash, a timed-out test whose
// worker was ended) is taken over. Every reader, the writer included, gets the value parsed from the file's bytes, so
// a test sees the same object whoever computed it.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const POLL_MS = 200

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Whether the process holding `lock` still runs (false when the lock is gone or unreadable). */
function holderAlive(lock: string): boolean {
  let text: string
  try {
    text = readFileSync(lock, 'utf8')
  } catch {
    return false
  }
  if (text === '') return true // made this instant; its holder writes its id next
  const pid = Number(text)
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** `compute()`'s JSON, computed at most once per run in `dir` (concurrent askers wait for it) and read back. */
export async function runCached<T>(dir: string, key: string, compute: () => Promise<T>): Promise<T> {
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 32)
  const file = join(dir, `${hash}.json`)
  const lock = join(dir, `${hash}.lock`)
  for (;;) {
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as T
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' })
    } catch {
      // Another worker computes it: wait for its file, or take over when that worker is gone.
      if (!holderAlive(lock) && !existsSync(file)) rmSync(lock, { force: true })
      else await sleep(POLL_MS)
      continue
    }
    try {
      const partial = `${file}.partial-${process.pid}`
      writeFileSync(partial, JSON.stringify(await compute()))
      renameSync(partial, file)
    } finally {
      rmSync(lock, { force: true })
    }
  }
}
