/// <reference types="@cloudflare/vitest-pool-workers/types" />
// What `import { env } from 'cloudflare:workers'` holds in the worker tests: the worker's bindings (wrangler.toml).
import type { Env as WorkerEnv } from '../../worker/env.js'

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {}
  }
}
