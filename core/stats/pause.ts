// Long computations in a single-threaded host: workerd runs a request, its Durable Objects and every other request
// on one thread (wrangler dev; docs/limits.md, "No request stalls others"), so a step that computes for seconds
// without returning to the event loop holds every other request until it ends. Such steps take a `Pause` and await
// it between parts no longer than PAUSE_BLOCK_SECONDS; the parts are the same arithmetic in the same order as the
// step done at once, so a pause never changes a result.
import { PAUSE_BLOCK_SECONDS } from './tolerances.js'

/** Awaited between the parts of a long step: lets the host serve other requests (workerd: a zero timeout). */
export type Pause = () => Promise<void>

/**
 * Runs `block(from, to)` over consecutive row ranges covering [0, rows), each estimated at no more than
 * PAUSE_BLOCK_SECONDS from `secondsPerRow` (at least one row per block), awaiting `pause` between them. Without a
 * pause it is one block, [0, rows).
 */
export async function inRowBlocks(rows: number, secondsPerRow: number, pause: Pause | undefined, block: (from: number, to: number) => void): Promise<void> {
  if (!pause) return block(0, rows)
  const step = Math.max(1, Math.floor(PAUSE_BLOCK_SECONDS / Math.max(secondsPerRow, Number.MIN_VALUE)))
  for (let from = 0; from < rows; from += step) {
    if (from > 0) await pause()
    block(from, Math.min(rows, from + step))
  }
}
