import { html, raw } from 'hono/html'
import { PROBLEM_TYPE_NAMES, PROBLEM_TYPES, PROBLEMS_PATH, type ProblemTypeName, statusesOf, typeUri } from './problem-types.js'

// Inline and tiny, as the API docs page: the pages need nothing beyond their own response.
const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#222}
code{font:13px ui-monospace,monospace}table{border-collapse:collapse}td,th{text-align:left;padding:.25rem .75rem .25rem 0;vertical-align:top}
th{border-bottom:1px solid #ddd}small{color:#666}`

const page = (title: string, body: ReturnType<typeof html>) => html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${title}</title><style>${raw(STYLE)}</style></head>
<body>
${body}
</body>
</html>`

const statuses = (name: ProblemTypeName) => statusesOf(PROBLEM_TYPES[name]).join(' or ')

/** `GET /problems`: every problem type a Tolk server answers with, each linking to its page. */
export function renderProblemList() {
  return page(
    'Tolk problem types',
    html`<h1>Problem types</h1>
<p>Every error answer of the Tolk API is an RFC 9457 problem (<code>application/problem+json</code>) whose
<code>type</code> is one of these pages, relative to the server: <code>${PROBLEMS_PATH}/NAME</code>. Its
<code>detail</code> says what went wrong that time.</p>
<table><tr><th>type</th><th>status</th><th>title</th></tr>
${PROBLEM_TYPE_NAMES.map(
  (name) => html`<tr><td><a href="${typeUri(name)}"><code>${name}</code></a></td><td>${statuses(name)}</td><td>${PROBLEM_TYPES[name].title}</td></tr>`,
)}
</table>
<p><small>The API: <a href="/api/docs">/api/docs</a>, <a href="/api/openapi.json">/api/openapi.json</a>.</small></p>`,
  )
}

/** `GET /problems/NAME`: what the problem means and how to fix it. */
export function renderProblemPage(name: ProblemTypeName) {
  const t = PROBLEM_TYPES[name]
  return page(
    `${t.title} (${name})`,
    html`<h1>${t.title}</h1>
<p><code>type: ${typeUri(name)}</code> · status ${statuses(name)}</p>
<h2>What it means</h2>
<p>${t.meaning}</p>
<h2>How to fix it</h2>
<p>${t.fix}</p>
<p><small>The answer's <code>detail</code> says what went wrong that time. <a href="${PROBLEMS_PATH}">Every problem type</a></small></p>`,
  )
}
