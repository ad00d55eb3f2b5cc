import { DurableObject } from 'cloudflare:workers'
import type { Env } from '../env.js'

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
 * a request past `limit` in the current window is refused until the window ends. Counts live in memory and in
 * storage (so an evicted object keeps them); an alarm at the end of the last window forgets the ended ones.
 */
export class RateLimitCounter extends DurableObject<Env> {
  #windows = new Map<string, Window>()

  async hit(bucket: string, limit: number, windowSeconds: number): Promise<RateVerdict> {
    const now = Date.now()
    const windowMs = windowSeconds * 1000
    const start = Math.floor(now / windowMs) * windowMs
    const key = `window:${bucket}`
    let window = this.#windows.get(bucket) ?? (await this.ctx.storage.get<Window>(key))
    if (!window || window.start !== start) window = { start, end: start + windowMs, count: 0 }
    window.count++
    this.#windows.set(bucket, window)
    await this.ctx.storage.put(key, window)
    if ((await this.ctx.storage.getAlarm()) !== window.end) await this.ctx.storage.setAlarm(window.end)
    return { allowed: window.count <= limit, count: window.count, retryAfter: Math.max(1, Math.ceil((start + windowMs - now) / 1000)) }
  }

  /** Forgets the windows that have ended. */
  override async alarm(): Promise<void> {
    const now = Date.now()
    const stored = await this.ctx.storage.list<Window>({ prefix: 'window:' })
    const ended = [...stored].filter(([, window]) => window.end <= now).map(([key]) => key)
    for (const key of ended) this.#windows.delete(key.slice('window:'.length))
    await this.ctx.storage.delete(ended)
  }
}
