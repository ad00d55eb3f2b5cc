// How the worker tests call the app: the real worker (its default export, inside workerd), as one client IP, with
// the deployment's limits overridable per call (as wrangler.toml `[vars]` would set them).
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { expect } from 'vitest'
import app from '../../worker/index.js'
import type { Env } from '../../worker/env.js'

export const ORIGIN = 'http://symscope.test'

export type Overrides = Partial<Pick<Env, 'STEP_BUDGET' | 'MAX_JOB_STEPS' | 'RATE_LIMIT_REQUESTS' | 'RATE_LIMIT_ANALYSES' | 'RATE_LIMIT_WINDOW_SECONDS'>>

export interface Client {
  fetch(path: string, init?: RequestInit, overrides?: Overrides): Promise<Response>
  get(path: string, headers?: Record<string, string>): Promise<Response>
  post(path: string, body: unknown, overrides?: Overrides): Promise<Response>
}

/** A client with its own IP (CF-Connecting-IP), so each test file has its own rate-limit counters. */
export function client(ip: string): Client {
  const fetch = async (path: string, init: RequestInit = {}, overrides: Overrides = {}) => {
    const headers = new Headers(init.headers)
    if (!headers.has('cf-connecting-ip')) headers.set('cf-connecting-ip', ip)
    const request = new Request(`${ORIGIN}${path}`, { ...init, headers })
    const ctx = createExecutionContext()
    const response = await app.fetch(request, { ...env, ...overrides }, ctx)
    await waitOnExecutionContext(ctx)
    return response
  }
  return {
    fetch,
    get: (path, headers = {}) => fetch(path, { headers }),
    post: (path, body, overrides) =>
      fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }, overrides),
  }
}

/** The `{error: {code, message}}` of an error response. */
export async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  return ((await response.json()) as { error: { code: string; message: string } }).error
}
