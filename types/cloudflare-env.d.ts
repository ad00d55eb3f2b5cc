// What `import { exports } from 'cloudflare:workers'` holds in the worker tests: the app's default export.
declare namespace Cloudflare {
  interface Exports {
    default: { fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> }
  }
}
