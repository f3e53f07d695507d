import { createRoute, z } from '@hono/zod-openapi'
import { printable } from '../../model/tags.js'
import { problem, ProblemError } from '../problem.js'
import { renderProblemList, renderProblemPage } from '../problem-pages.js'
import { isProblemType, PROBLEM_TYPE_NAMES, PROBLEMS_PATH } from '../problem-types.js'
import type { App } from '../env.js'
import { json, problems } from './responses.js'

/** The CSP of the server-rendered documentation pages: their own inline style, nothing else. */
export const DOC_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'"

const htmlPage = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string().openapi({ description: 'an HTML page' }) } },
})

const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['service'],
  summary: 'Liveness: answers while the server runs (no token)',
  security: [],
  responses: { 200: json(z.strictObject({ status: z.literal('ok') }), 'the server runs') },
})

const problemList = createRoute({
  method: 'get',
  path: PROBLEMS_PATH,
  tags: ['service'],
  summary: 'Every problem type the API answers with, each linking to its page (no token)',
  security: [],
  responses: { 200: htmlPage('the list') },
})

const problemPage = createRoute({
  method: 'get',
  path: `${PROBLEMS_PATH}/{type}`,
  tags: ['service'],
  summary: "A problem type's page: what it means and how to fix it; an error's `type` links here (no token)",
  security: [],
  request: {
    params: z.object({
      type: z.string().openapi({
        param: { name: 'type', in: 'path' },
        description: `the type's name: ${PROBLEM_TYPE_NAMES.join(', ')}`,
        example: 'unknown-article',
      }),
    }),
  },
  responses: { 200: htmlPage('the page'), ...problems(404) },
})

/**
 * The routes about the service itself, open to anyone: the liveness probe and the problem type
 * pages every problem's `type` points at. (/api/openapi.json and /api/docs are in app.ts.)
 */
export function registerMeta(app: App): void {
  app.openapi(healthz, (c) => c.json({ status: 'ok' as const }, 200))

  // Rendered once each: the registry does not change while the server runs.
  let list: string | undefined
  const pages = new Map<string, string>()
  app.openapi(problemList, async (c) => {
    list ??= String(await renderProblemList())
    c.header('Content-Security-Policy', DOC_PAGE_CSP)
    return c.html(list) as never
  })
  app.openapi(problemPage, async (c) => {
    const name = c.req.param('type')
    if (!isProblemType(name)) {
      throw new ProblemError(problem(404, 'no-route', `no problem type "${printable(name.slice(0, 100))}": GET ${PROBLEMS_PATH} lists them`))
    }
    let body = pages.get(name)
    if (body === undefined) pages.set(name, (body = String(await renderProblemPage(name))))
    c.header('Content-Security-Policy', DOC_PAGE_CSP)
    return c.html(body) as never
  })
}
