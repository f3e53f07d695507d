import { html, raw } from 'hono/html'

interface Operation {
  summary?: string
  tags?: string[]
  parameters?: { name: string; in: string; required?: boolean; description?: string }[]
  requestBody?: { content?: Record<string, unknown> }
  responses?: Record<string, { description?: string }>
}

interface Document {
  info: { title: string; version: string; description?: string }
  paths?: Record<string, Record<string, Operation>>
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete']

// Inline and tiny: the page works offline and needs nothing beyond this response.
const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code{font:13px ui-monospace,monospace}section{border-top:1px solid #ddd;padding:.5rem 0}
.m{display:inline-block;min-width:3.5rem;font-weight:bold}.get{color:#07c}.post{color:#080}.put{color:#a60}.delete{color:#b00}
table{border-collapse:collapse;font-size:13px}td{padding:0 .75rem 0 0;vertical-align:top}small{color:#666}`

/**
 * The API docs page: a server-rendered list of the operations in the OpenAPI document, served
 * by the app itself, since these machines (and many users' networks) reach no CDN.
 */
export function renderDocsPage(doc: Document, specUrl: string) {
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m] as Operation })),
  )
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${doc.info.title} ${doc.info.version}</title><style>${raw(STYLE)}</style></head>
<body>
<h1>${doc.info.title} <small>${doc.info.version}</small></h1>
<p>${doc.info.description ?? ''} The machine-readable document: <a href="${specUrl}">${specUrl}</a> (OpenAPI 3.1).</p>
${ops.map(({ path, method, op }) => html`<section>
<div><span class="m ${method}">${method.toUpperCase()}</span> <code>${path}</code></div>
<div>${op.summary ?? ''}</div>
${op.parameters?.length
    ? html`<table>${op.parameters.map((p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}${p.required ? ', required' : ''}</td><td>${p.description ?? ''}</td></tr>`)}</table>`
    : ''}
${op.requestBody?.content ? html`<div><small>body: ${Object.keys(op.requestBody.content).join(', ')}</small></div>` : ''}
<div><small>answers: ${Object.entries(op.responses ?? {}).map(([s, r]) => `${s} ${r.description ?? ''}`).join(' · ')}</small></div>
</section>`)}
</body>
</html>`
}
