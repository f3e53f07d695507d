import { createRoute, z } from '@hono/zod-openapi'
import { unitSuggestions } from '../../mt/suggestions.js'
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

/** Suggestions for a unit: memory and machine translation together. */
export function registerSuggestions(app: App, { store, mt }: RouteDeps): void {
  app.openapi(suggestions, async (c) => {
    const { id, unit } = c.req.valid('param')
    const { lang } = c.req.valid('query')
    const found = await unitSuggestions(store, mt ?? new Map(), id, unit, lang)
    return c.json({ article: id, unit, lang, ...found }, 200)
  })
}
