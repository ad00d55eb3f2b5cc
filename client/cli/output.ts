import { createWriteStream, renameSync, rmSync } from 'node:fs'
import type { Writable } from 'node:stream'
import { CliError, EXIT } from './exitCodes.js'
import { clearStalePartials, partialPath, trackPartial, untrackPartial } from './partials.js'
import { fileErrorText } from './fileErrors.js'

/**
 * Where a command writes text or bytes: a file that appears only once complete (written beside it as
 * FILE.partial-<pid>, then renamed; removed on failure, exit and SIGINT/SIGTERM, and by a later run when this
 * process was killed outright), or stdout.
 */
export interface Output {
  write(data: string | Uint8Array): Promise<void>
  close(): Promise<void>
  /** Removes a half-written file after a failure; stdout is left as it is. */
  abort(): void
}

function streamWriter(stream: Writable, describe: string): Pick<Output, 'write'> & { failed: () => Error | undefined } {
  let error: Error | undefined
  stream.on('error', (e) => (error = e))
  return {
    failed: () => error,
    async write(data) {
      if (error) throw ioError(describe, error)
      if (!stream.write(data)) {
        await new Promise<void>((resolve, reject) => {
          const onDrain = () => (stream.off('error', onError), resolve())
          const onError = (e: Error) => (stream.off('drain', onDrain), reject(ioError(describe, e)))
          stream.once('drain', onDrain).once('error', onError)
        })
      }
    },
  }
}

const ioError = (describe: string, error: Error) =>
  new CliError(`cannot write ${describe}: ${fileErrorText(error)}`, EXIT.io)

/** Removes a partial file if there is one; a path that cannot hold one (through a file: ENOTDIR) has nothing to remove. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true })
  } catch {
    // nothing was created there
  }
}

/** Output to `path`, or to standard output when `path` is undefined. */
export function openOutput(path: string | undefined): Output {
  if (path === undefined) {
    const writer = streamWriter(process.stdout, 'to standard output')
    return { write: writer.write, close: async () => {}, abort() {} }
  }
  clearStalePartials(path)
  const partial = partialPath(path)
  trackPartial(partial)
  const stream = createWriteStream(partial)
  const writer = streamWriter(stream, `'${path}'`)
  return {
    write: writer.write,
    async close() {
      await new Promise<void>((resolve, reject) => {
        stream.end(() => (writer.failed() ? reject(ioError(`'${path}'`, writer.failed()!)) : resolve()))
      })
      try {
        renameSync(partial, path)
        untrackPartial(partial)
      } catch (error) {
        removeQuietly(partial)
        untrackPartial(partial)
        throw ioError(`'${path}'`, error as Error)
      }
    },
    abort() {
      stream.destroy()
      removeQuietly(partial)
      untrackPartial(partial)
    },
  }
}
