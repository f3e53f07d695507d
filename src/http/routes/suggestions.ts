import { createRoute, z } from '@hono/zod-openapi'
import { reasonOf } from '../../mt/errors.js'
import { SUGGESTION_WAIT_MS, unitSuggestions } from '../../mt/suggestions.js'
import type { App, RouteDeps } from '../env.js'
import { langSchema, suggestionSchema, unitParams } from '../schemas.js'
import { json, problems } from './responses.js'

const suggestions = createRoute({
  method: 'get',
  path: '/api/articles/{id}/units/{unit}/suggestions',
  tags: ['memory'],
  summary: 'Memory matches and machine translations for one unit',
  description:
    'Memory matches (best first), then one machine translation per configured engine. Engines get at most 3 s; one that fails or is late is listed in errors with its reason, never as an error of the call.',
  request: { params: unitParams, query: z.object({ lang: langSchema }) },
  responses: {
    200: json(
      z.object({
        article: z.string(),
        unit: z.string(),
        lang: z.string(),
        suggestions: z.array(suggestionSchema),
        errors: z.array(z.object({ engine: z.string(), reason: z.string() })),
      }),
      'the suggestions',
    ),
    ...problems(400, 401, 403, 404),
  },
})

const engines = createRoute({
  method: 'get',
  path: '/api/mt/engines',
  tags: ['memory'],
  summary: 'The configured machine-translation engines and the pairs each serves',
  description:
    'One entry per engine, in the configured order: its name and kind, how it carries inline codes, and the language pairs it lists (BCP 47; "*" for a model that serves any), or why it could not say. Never a key or a URL.',
  responses: {
    200: json(
      z.object({
        engines: z.array(
          z.object({
            name: z.string(),
            kind: z.string(),
            codes: z.enum(['xml', 'placeholders', 'none']),
            pairs: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
            error: z.string().optional(),
          }),
        ),
      }),
      'the engines',
    ),
    ...problems(401),
  },
})

/** Suggestions for a unit: memory and machine translation together; the engines configured. */
export function registerSuggestions(app: App, { store, mt }: RouteDeps): void {
  app.openapi(suggestions, async (c) => {
    const { id, unit } = c.req.valid('param')
    const { lang } = c.req.valid('query')
    const found = await unitSuggestions(store, mt ?? new Map(), id, unit, lang)
    return c.json({ article: id, unit, lang, ...found }, 200)
  })
  app.openapi(engines, async (c) => {
    const list = await Promise.all(
      [...(mt ?? new Map()).values()].map(async (e) => {
        const base = { name: e.name, kind: e.kind, codes: e.codes }
        try {
          return { ...base, pairs: await e.pairs({ signal: AbortSignal.timeout(SUGGESTION_WAIT_MS) }) }
        } catch (err) {
          return { ...base, error: reasonOf(err, false) }
        }
      }),
    )
    return c.json({ engines: list }, 200)
  })
}
