import { createRoute, z } from '@hono/zod-openapi'
import { InvalidInput, NotFound } from '../../model/errors.js'
import type { StoredUnit, Translation } from '../../model/translation.js'
import type { App, RouteDeps } from '../env.js'
import { articleParams, unitsQuery } from '../schemas.js'
import { json, problems } from './responses.js'

/** Units per page unless `limit` says otherwise. */
export const DEFAULT_PAGE = 100

const markupPart = z.union([z.string(), z.object({ unit: z.number() })])

const unitSchema = z
  .object({
    id: z.string(),
    position: z.number(),
    block: z.number(),
    kind: z.string(),
    source: z.string(),
    trailing: z.string(),
    words: z.number(),
    codes: z
      .array(z.object({ id: z.number(), kind: z.enum(['paired', 'standalone']), what: z.string(), open: z.array(markupPart).optional(), close: z.array(markupPart).optional(), data: z.array(markupPart).optional() }))
      .optional()
      .openapi({ description: 'what the ⟦1⟧…⟦/1⟧ and ⟦2/⟧ codes of `source` stand for: markup strings and {unit: position} holes; absent without codes' }),
    translation: z
      .object({ text: z.string(), state: z.string(), stale: z.boolean(), version: z.number(), author: z.string().nullable(), updatedAt: z.string().nullable() })
      .optional()
      .openapi({ description: 'with ?lang only' }),
  })
  .openapi('Unit')

const listUnits = createRoute({
  method: 'get',
  path: '/api/articles/{id}/units',
  tags: ['units'],
  summary: "An article's units in order, with one language's translations, filtered by state, paginated",
  request: { params: articleParams, query: unitsQuery },
  responses: {
    200: json(
      z.object({ article: z.string(), lang: z.string().optional(), units: z.array(unitSchema), next: z.string().nullable() }),
      'one page; pass `next` as `cursor` for the following one',
    ),
    ...problems(400, 401, 404),
  },
})

/** Units of an article: `?lang` joins translations, `?state` filters, `cursor`/`limit` paginate. */
export function registerUnits(app: App, { store }: RouteDeps): void {
  app.openapi(listUnits, async (c) => {
    const { id } = c.req.valid('param')
    const { lang, state, cursor, limit = DEFAULT_PAGE } = c.req.valid('query')
    const article = await store.getArticle(id)
    if (!article) throw new NotFound(`no article ${id}`, 'unknown-article')
    if (state && !lang) throw new InvalidInput('filtering by state needs a language: add ?lang=sv', 'state-needs-lang')
    if (lang && !article.targets.includes(lang)) {
      throw new InvalidInput(`${lang} is not a target language of ${id} (targets: ${article.targets.join(', ')})`, 'not-a-target')
    }
    const after = cursor === undefined ? 0 : Number(cursor)
    const units = await store.listUnits(id)
    // The cursor is the last position served: stable across pages while no re-import reorders.
    let rows = units.filter((u) => u.position > after).map((u) => ({ unit: u, t: undefined as Translation | undefined }))
    if (lang) {
      const byUnit = new Map((await store.listTranslations(id, lang)).map((t) => [t.unitId, t]))
      rows = rows.map((r) => ({ unit: r.unit, t: byUnit.get(r.unit.id) }))
      if (state) rows = rows.filter((r) => (state === 'stale' ? r.t?.stale === true : (r.t?.state ?? 'initial') === state))
    }
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    const next = rows.length > limit && last ? String(last.unit.position) : null
    return c.json({ article: id, ...(lang ? { lang } : {}), units: page.map((r) => toUnit(r.unit, r.t)), next }, 200)
  })
}

function toUnit(u: StoredUnit, t: Translation | undefined) {
  const out = { id: u.id, position: u.position, block: u.block, kind: u.kind, source: u.source, trailing: u.trailing, words: u.words, ...(u.codes?.length ? { codes: u.codes } : {}) }
  if (!t) return out
  const translation = { text: t.text, state: t.state, stale: t.stale, version: t.version, author: t.author, updatedAt: t.updatedAt }
  return { ...out, translation }
}
