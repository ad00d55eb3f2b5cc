import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { CliError, EXIT } from './exitCodes.js'
import { fileErrorText } from './fileErrors.js'
import { clearStalePartials, partialPath, trackPartial, untrackPartial } from './partials.js'

/** A file of an output folder: its path inside the folder ('report.md', or 'circle/report.md') and its text or bytes. */
export interface OutputFile {
  name: string
  data: string | Uint8Array
}


/**
 * Creates `dir` and its missing parents one component at a time, at most one mkdir per component. Node's own
 * `mkdirSync(dir, { recursive: true })` loops forever where mkdir answers ENOENT for a parent that exists
 * (/proc/x: issue 19), so the walk is bounded by the path's depth here.
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = []
  for (let at = resolve(dir); ; at = dirname(at)) {
    try {
      if (statSync(at).isDirectory()) break
      throw Object.assign(new Error(`'${at}' is not a directory`), { code: 'ENOTDIR' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    missing.push(at)
    if (dirname(at) === at) break
  }
  for (const at of missing.reverse()) mkdirSync(at)
}

/** Whether `dir` exists and holds anything (a file, or anything not a folder, counts as taken). */
function isTaken(dir: string, ignore: readonly string[] = []): boolean {
  try {
    if (!statSync(dir).isDirectory()) return true
    return readdirSync(dir).some((name) => !ignore.includes(name))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw new CliError(`cannot use --out '${dir}': ${fileErrorText(error)}`, EXIT.io)
  }
}

/**
 * Refuses an output folder that already holds another run's files, before any work is done: two runs never mix in
 * one folder. `--force` replaces it (when the new one is complete); `ignore` names entries that belong to this run's
 * own earlier, unfinished attempt (a scan's point cache).
 */
export function checkOutputFolder(dir: string, force: boolean, ignore: readonly string[] = []): void {
  if (!force && isTaken(dir, ignore)) {
    throw new CliError(`--out '${dir}' already exists and is not empty: choose another folder, or add --force to replace it`, EXIT.usage)
  }
  // A folder that cannot be made is found now, not after the training: the partial folder is made and removed.
  const partial = partialPath(resolve(dir))
  try {
    makeDirectory(dirname(resolve(dir)))
    mkdirSync(partial)
    rmSync(partial, { recursive: true, force: true })
  } catch (error) {
    throw new CliError(`cannot write to --out '${dir}': ${fileErrorText(error)}`, EXIT.io)
  }
}

/**
 * Writes a whole output folder or nothing: the files go into `DIR.partial-<pid>` beside it (removed on failure or
 * on SIGINT/SIGTERM, and by a later run if this process dies), which is then renamed to DIR. A DIR that exists is
 * replaced (the caller has checked it with `checkOutputFolder`); `keep` names entries of the old DIR carried into
 * the new one (a scan's point cache). Returns the paths written.
 *
 * @throws {CliError} EXIT.io naming the folder and the system's reason
 */
export function writeOutputFolder(dir: string, files: readonly OutputFile[], options: { keep?: readonly string[]; what?: string } = {}): string[] {
  const keep = options.keep ?? []
  const target = resolve(dir)
  const partial = partialPath(target)
  const old = `${target}.old-${process.pid}`
  try {
    makeDirectory(dirname(target))
    clearStalePartials(target)
    trackPartial(partial)
    rmSync(partial, { recursive: true, force: true })
    mkdirSync(partial)
    for (const file of files) {
      if (file.name.includes('/')) makeDirectory(dirname(join(partial, file.name)))
      writeFileSync(join(partial, file.name), file.data)
    }
    let existed = true
    try {
      statSync(target)
    } catch {
      existed = false
    }
    if (existed) {
      for (const name of keep) {
        try {
          renameSync(join(target, name), join(partial, name))
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
        }
      }
      renameSync(target, old)
      trackPartial(old)
    }
    renameSync(partial, target)
    untrackPartial(partial)
    if (existed) rmSync(old, { recursive: true, force: true }), untrackPartial(old)
    return files.map((file) => join(dir, file.name))
  } catch (error) {
    if (error instanceof CliError) throw error
    rmSync(partial, { recursive: true, force: true })
    untrackPartial(partial)
    throw new CliError(`cannot write ${options.what ?? 'the output'} to '${dir}': ${fileErrorText(error)}`, EXIT.io)
  }
}
