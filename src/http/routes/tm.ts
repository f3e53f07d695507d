import { createRoute, z } from '@hono/zod-openapi'
import { unitMatches } from '../../tm/unit-matches.js'
import type { App, RouteDeps } from '../env.js'
import { langSchema, unitParams } from '../schemas.js'
import { json, problems } from './responses.js'

const entrySchema = z
  .strictObject({
    id: z.number(),
    origin: z.enum(['article', 'tmx']),
    srcLang: z.string(),
    tgtLang: z.string(),
    tag: z.string().nullable(),
    source: z.string(),
    target: z.string(),
    articleId: z.string().nullable(),
    unitId: z.string().nullable(),
    author: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi('MemoryEntry')

const matchSchema = z
  .strictObject({
    score: z.number().openapi({ description: '0–100; 101 = context match; 99 with autoFixed = values substituted' }),
    autoFixed: z.boolean(),
    codesFixed: z.boolean().openapi({ description: "the entry's codes were put back from the segment's (renumbered, missing ones added at the end, others dropped)" }),
    source: z.string(),
    target: z.string().openapi({ description: "what to insert (values substituted when autoFixed; codes fitting the segment's)" }),
    diff: z.array(z.strictObject({ op: z.enum(['same', 'removed', 'added']), text: z.string() })),
    entry: entrySchema,
    regions: z
      .strictObject({ source: z.string(), target: z.string() })
      .optional()
      .openapi({ description: "the entry's tags, when they differ from the segment's in region only (the score is one point lower)" }),
  })
  .openapi('MemoryMatch')

// Strings in queries are checked here for shape only; the memory says what is too long or empty.
const matchesQuery = z.object({
  lang: langSchema,
  threshold: z.coerce.number().int().min(0).max(101).optional().openapi({ description: 'lowest score (default 70)' }),
  limit: z.coerce.number().int().min(1).max(20).optional().openapi({ description: 'most matches (default 3)' }),
})

const searchQuery = z.object({
  q: z.string().max(100_000).openapi({ description: 'a word or phrase, 1–500 characters' }),
  lang: langSchema,
  source: langSchema.optional().openapi({ description: 'source language (default: any)' }),
  limit: z.coerce.number().int().min(1).max(200).optional(),
})

const matches = createRoute({
  method: 'get',
  path: '/api/articles/{id}/units/{unit}/matches',
  tags: ['memory'],
  summary: "Translation memory matches for one unit, best first, with the word diff",
  request: { params: unitParams, query: matchesQuery },
  responses: {
    200: json(z.strictObject({ article: z.string(), unit: z.string(), lang: z.string(), matches: z.array(matchSchema) }), 'the matches'),
    ...problems(400, 401, 404),
  },
})

const search = createRoute({
  method: 'get',
  path: '/api/tm/search',
  tags: ['memory'],
  summary: 'Concordance: memory entries whose source or target holds a word or phrase, newest first',
  request: { query: searchQuery },
  responses: {
    200: json(z.strictObject({ q: z.string(), lang: z.string(), hits: z.array(entrySchema) }), 'the hits'),
    ...problems(400, 401, 404),
  },
})

/** The translation memory: matches for a unit, and concordance search. */
export function registerTm(app: App, { store }: RouteDeps): void {
  app.openapi(matches, async (c) => {
    const { id, unit } = c.req.valid('param')
    const { lang, threshold, limit } = c.req.valid('query')
    const found = await unitMatches(store, id, unit, lang, {
      ...(threshold !== undefined ? { threshold } : {}),
      ...(limit !== undefined ? { limit } : {}),
    })
    return c.json({ article: id, unit, lang, matches: found }, 200)
  })
  app.openapi(search, async (c) => {
    const { q, lang, source, limit } = c.req.valid('query')
    const hits = await store.memory.search({
      query: q,
      tgtLang: lang,
      ...(source ? { srcLang: source } : {}),
      ...(limit !== undefined ? { limit } : {}),
    })
    return c.json({ q, lang, hits }, 200)
  })
}
