// The readable page of the API (GET /api/v1/docs), rendered from the OpenAPI document: endpoints with curl
// examples against the origin that served the page, the request fields, the limits and the error codes.
import { ERROR_CODES } from './errors.js'
import { LIMITS_TABLE, openApiDocument } from './openapi.js'

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

type Json = Record<string, any>

/** A curl command for one operation, with its first request example. */
function curl(origin: string, method: string, path: string, operation: Json): string {
  const url = `${origin}${path.replace('{name}', 'circle').replace('{id}', '<id>')}`
  const media = operation.requestBody?.content?.['application/json']
  const example = media?.example ?? Object.values<Json>(media?.examples ?? {})[0]?.value
  if (method === 'get') return `curl -i ${url}`
  return `curl -i -X ${method.toUpperCase()} ${url} \\\n  -H 'content-type: application/json' \\\n  -d '${JSON.stringify(example ?? {})}'`
}

/** The fields of an object schema as table rows, following $refs into nested objects (dotted names). */
function fieldRows(schemas: Json, schema: Json, prefix = '', seen = new Set<string>()): string[] {
  const resolved = schema.$ref ? schemas[schema.$ref.split('/').pop()] : schema
  if (!resolved?.properties) return []
  const required = new Set<string>(resolved.required ?? [])
  return Object.entries<Json>(resolved.properties).flatMap(([name, field]) => {
    const target = field.$ref ? schemas[field.$ref.split('/').pop()] : field
    const type = target.enum ? target.enum.map((v: unknown) => JSON.stringify(v)).join(' | ') : (target.type ?? 'object')
    const range = [
      target.minimum !== undefined ? `≥ ${target.minimum}` : '',
      target.exclusiveMinimum !== undefined ? `> ${target.exclusiveMinimum}` : '',
      target.maximum !== undefined ? `≤ ${target.maximum}` : '',
      target.exclusiveMaximum !== undefined ? `< ${target.exclusiveMaximum}` : '',
    ].filter(Boolean).join(', ')
    const full = prefix + name
    const row = `<tr><td><code>${escape(full)}</code>${required.has(name) ? ' *' : ''}</td><td>${escape(String(type))}${range ? ` (${escape(range)})` : ''}</td>` +
      `<td>${target.default !== undefined ? `<code>${escape(JSON.stringify(target.default))}</code>` : ''}</td><td>${escape(field.description ?? target.description ?? '')}</td></tr>`
    const id = field.$ref?.split('/').pop()
    const nested = id && !seen.has(id) && target.properties ? fieldRows(schemas, target, `${full}.`, new Set([...seen, id])) : []
    return [row, ...nested]
  })
}

/** The whole page. */
export function docsPage(origin: string): string {
  const doc = openApiDocument() as Json
  const schemas = doc.components.schemas as Json
  const sections = Object.entries<Json>(doc.paths).flatMap(([path, methods]) =>
    Object.entries<Json>(methods).map(([method, operation]) => {
      const body = operation.requestBody?.content?.['application/json']?.schema
      const fields = body ? fieldRows(schemas, body) : []
      const responses = Object.entries<Json>(operation.responses)
        .map(([status, r]) => `<li><b>${status}</b> ${escape(r.description)}</li>`)
        .join('')
      return `<section id="${operation.operationId}">
<h3><span class="method">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
<p>${escape(operation.summary)}</p>${operation.description ? `<p>${escape(operation.description)}</p>` : ''}
<pre>${escape(curl(origin, method, path, operation))}</pre>
${fields.length ? `<table><tr><th>field</th><th>type</th><th>default</th><th>meaning</th></tr>${fields.join('')}</table><p class="note">* required</p>` : ''}
<ul>${responses}</ul>
</section>`
    }),
  )
  const limits = LIMITS_TABLE.map((l) => `<tr><td><code>${l.name}</code></td><td>${escape(l.value)}</td><td>${escape(l.meaning)}</td></tr>`).join('')
  const codes = Object.entries(ERROR_CODES).map(([code, status]) => `<tr><td><code>${code}</code></td><td>${status}</td></tr>`).join('')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>symscope API</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
pre{background:#f4f4f4;padding:.75rem;overflow-x:auto}code{font-size:.9em}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
.method{background:#225;color:#fff;padding:0 .4rem;border-radius:3px;font-size:.8em}.note{font-size:.85em;color:#666}
</style></head><body>
<h1>symscope API <small>${escape(doc.info.version)}</small></h1>
<p>${escape(doc.info.description)} The machine-readable document is <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
<p>Reports are immutable and named by content hash: <code>ETag</code> is the id, <code>Cache-Control: ${escape('public, max-age=31536000, immutable')}</code>,
<code>If-None-Match</code> gives 304, and <code>x-symscope-cache: hit | miss</code> says whether the report was already stored.</p>
<h2>Endpoints</h2>
${sections.join('\n')}
<h2>Limits</h2>
<table><tr><th>limit</th><th>value</th><th>meaning</th></tr>${limits}</table>
<h2>Errors</h2>
<p>Every error is <code>{"error": {"code": "…", "message": "…"}}</code>; the message names the field, the limit or the CSV line and column.</p>
<table><tr><th>code</th><th>status</th></tr>${codes}</table>
</body></html>
`
}
