import { DurableObject } from 'cloudflare:workers'

/** What one counted request learns: whether it may proceed, and when the window ends. */
export interface RateVerdict {
  allowed: boolean
  count: number
  /** Seconds until the current window ends (at least 1). */
  retryAfter: number
}

interface Window {
  start: number
  end: number
  count: number
}

/**
 * A fixed-window request counter for one client (the namespace keys it by IP). Each bucket counts separately;
 * a request past `limit` in the current window is refused until the window ends. Counts live in memory only: a
 * rate limit needs no durability, and a storage write per request would cost more than the request it guards
 * (bench/api.ts). An object evicted between requests starts its window's count again, which only ever errs
 * towards serving.
 */
export class RateLimitCounter extends DurableObject {
  #windows = new Map<string, Window>()

  /** Counts `weight` requests (a scan counts as its points) and says whether they fit under `limit`. */
  hit(bucket: string, limit: number, windowSeconds: number, weight = 1): RateVerdict {
    const now = Date.now()
    const windowMs = windowSeconds * 1000
    const start = Math.floor(now / windowMs) * windowMs
    let window = this.#windows.get(bucket)
    if (!window || window.start !== start) {
      window = { start, end: start + windowMs, count: 0 }
      this.#windows.set(bucket, window)
    }
    window.count += weight
    return { allowed: window.count <= limit, count: window.count, retryAfter: Math.max(1, Math.ceil((window.end - now) / 1000)) }
  }
}
