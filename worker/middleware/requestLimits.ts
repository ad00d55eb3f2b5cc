/**
 * The size limits of every request, before any route runs: a URL longer than MAX_URL_BYTES is 414 `uri_too_long`,
 * and a body longer than its route's limit is 413 `too_large` — at once when Content-Length says so, else (a chunked
 * body) as soon as the bytes read pass the limit, the rest left unread. A body within its limit is read whole here
 * (at most the limit's bytes) and handed on, so no route ever buffers more than its limit.
 *
 * Over-long request heads (a URL or headers past the runtime's own limit) never reach the worker: workerd answers
 * them itself (docs/api.md, "Limits").
 *
 * @example
 * app.use('/api/*', requestLimits())
 */
import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../errors.js'
import { MAX_ANALYSIS_BODY_BYTES, MAX_JSON_BODY_BYTES, MAX_UPLOAD_BYTES, MAX_URL_BYTES } from '../limits.js'

const OCTET_STREAM = /^application\/octet-stream$/i

/** The body limit of a request: its route's (the README's table), MAX_JSON_BODY_BYTES for any other. */
export function bodyLimitOf(method: string, path: string, contentType: string): number {
  const route = path.replace(/\/+$/, '')
  if (method === 'POST' && route === '/api/v1/analyses') return OCTET_STREAM.test(contentType.split(';')[0].trim()) ? MAX_UPLOAD_BYTES : MAX_ANALYSIS_BODY_BYTES
  if (method === 'POST' && route === '/api/v1/scans') return MAX_ANALYSIS_BODY_BYTES
  return MAX_JSON_BODY_BYTES
}

export const tooLarge = (maxBytes: number) => new ApiError(413, 'too_large', `the request body exceeds ${maxBytes} bytes, the limit of this endpoint`)

/**
 * Most bytes of a refused chunked body read and dropped (never kept) before the answer: a chunked body answered
 * before it was read whole leaves wrangler dev's connection to workerd broken ("Your worker restarted mid-request",
 * then a stalled server), so the rest is read and discarded, up to this many bytes, then cancelled.
 */
export const MAX_DRAIN_BYTES = 64 * 1024 * 1024

/** Reads and drops the rest of a refused body, up to MAX_DRAIN_BYTES in all, then cancels the stream. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, read: number): Promise<void> {
  try {
    while (read <= MAX_DRAIN_BYTES) {
      const { done, value } = await reader.read()
      if (done) return
      read += value.byteLength
    }
    await reader.cancel()
  } catch {
    // The client went away: nothing left to drain.
  }
}

/**
 * The body of `request`, read up to `maxBytes`: a declared or counted length past it is a 413, the stream cancelled.
 */
export async function readBounded(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length')
  if (!request.body) return new Uint8Array(0)
  const reader = request.body.getReader()
  if (declared !== null && Number(declared) > maxBytes) {
    // Refused by its declared length, before a byte is kept (what is drained is dropped).
    await drain(reader, 0)
    throw tooLarge(maxBytes)
  }
  let buffer = new Uint8Array(Math.min(maxBytes, Math.max(0, Number(declared) || 16 * 1024)))
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (size + value.byteLength > maxBytes) {
      await drain(reader, size + value.byteLength)
      throw tooLarge(maxBytes)
    }
    if (size + value.byteLength > buffer.length) {
      const grown = new Uint8Array(Math.min(maxBytes, Math.max(size + value.byteLength, buffer.length * 2)))
      grown.set(buffer.subarray(0, size))
      buffer = grown
    }
    buffer.set(value, size)
    size += value.byteLength
  }
  return buffer.subarray(0, size)
}

/** `request` again with its body read (within its limit) as `body`: what later middleware and the route read. */
export function withBody(request: Request, body: Uint8Array): Request {
  const headers = new Headers(request.headers)
  headers.delete('transfer-encoding')
  const bodiless = request.method === 'GET' || request.method === 'HEAD'
  if (bodiless) headers.delete('content-length')
  else headers.set('content-length', String(body.byteLength))
  return new Request(request.url, { method: request.method, headers, body: bodiless ? null : (body as unknown as BodyInit) })
}

export function requestLimits(): MiddlewareHandler {
  return async function requestLimits(c, next) {
    const url = c.req.url
    if (url.length > MAX_URL_BYTES) {
      throw new ApiError(414, 'uri_too_long', `the request URL has ${url.length} characters; the limit is ${MAX_URL_BYTES}`)
    }
    const raw = c.req.raw
    if (raw.body) {
      const limit = bodyLimitOf(raw.method, new URL(url).pathname, raw.headers.get('content-type') ?? '')
      c.req.raw = withBody(raw, await readBounded(raw, limit))
    }
    await next()
  }
}
