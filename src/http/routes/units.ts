import { createRoute, z } from '@hono/zod-openapi'
import { checkCodes } from '../../codes/validate.js'
import { InvalidInput } from '../../model/errors.js'
import type { StoredUnit, Translation } from '../../model/translation.js'
import type { App, RouteDeps } from '../env.js'
import { completeJson } from '../middleware/base-headers.js'
import { articleParams, DEFAULT_UNITS_LIMIT, unitsQuery } from '../schemas.js'
import { json, problems } from './responses.js'

/** Units per page unless `limit` says otherwise. */
export const DEFAULT_PAGE = DEFAULT_UNITS_LIMIT

const markupPart = z.union([z.string(), z.object({ unit: z.number() })])

const unitSchema = z
  .strictObject({
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
      .strictObject({
        text: z.string(),
        state: z.string(),
        stale: z.boolean(),
        version: z.number(),
        author: z.string().nullable(),
        updatedAt: z.string().nullable(),
        rejection: z
          .strictObject({ reason: z.string(), translator: z.string().nullable() })
          .optional()
          .openapi({ description: 'while rejected: the reviewer\'s reason and who wrote the text sent back' }),
        codeProblems: z
          .array(z.strictObject({ kind: z.string(), code: z.string(), message: z.string() }))
          .optional()
          .openapi({
            description:
              "why the text's codes do not fit the source (an old translation whose inline Markdown became codes on a re-import): it exports well formed, but a save is refused until they are fixed; absent when they fit",
          }),
      })
      .optional()
      .openapi({ description: 'with ?lang only' }),
  })
  .openapi('Unit')

const listUnits = createRoute({
  method: 'get',
  path: '/api/articles/{id}/units',
  tags: ['units'],
  summary: "An article's units in order, with one language's translations, filtered by state, paginated",
  description:
    'Keyset pages on unit position: each page reads its own units only, however long the article. ' +
    '`limit` is 1 to 500 (default 100); a larger one is refused with 400. Pass `next` as `cursor` ' +
    'until it is null. With `state`, a page examines at most 5,000 units, so it may hold fewer ' +
    'than `limit` units (even none) while `next` is not null.',
  request: { params: articleParams, query: unitsQuery },
  responses: {
    200: json(
      z.strictObject({ article: z.string(), lang: z.string().optional(), units: z.array(unitSchema), next: z.string().nullable() }),
      'one page; pass `next` as `cursor` for the following one (null: the last page)',
    ),
    ...problems(400, 401, 404, 429),
  },
})

/** Units of an article: `?lang` joins translations, `?state` filters, `cursor`/`limit` paginate. */
export function registerUnits(app: App, { store }: RouteDeps): void {
  app.openapi(listUnits, async (c) => {
    const { id } = c.req.valid('param')
    const { lang, state, cursor, limit = DEFAULT_PAGE } = c.req.valid('query')
    if (state && !lang) throw new InvalidInput('filtering by state needs a language: add ?lang=sv', 'state-needs-lang')
    // The cursor is the last position served: stable across pages while no re-import reorders.
    const page = await store.unitPage(id, {
      limit,
      after: cursor === undefined ? 0 : Number(cursor),
      ...(lang ? { lang } : {}),
      ...(state ? { state } : {}),
    })
    const { targets } = page.article
    if (lang && !targets.includes(lang)) {
      throw new InvalidInput(`${lang} is not a target language of ${id} (targets: ${targets.join(', ')})`, 'not-a-target')
    }
    const units = page.rows.map((r) => toUnit(r.unit, r.translation))
    const next = page.next === null ? null : String(page.next)
    // A hot read route: all headers in one object (see completeJson).
    return completeJson(c, { article: id, ...(lang ? { lang } : {}), units, next }, 200, {})
  })
}

function toUnit(u: StoredUnit, t: Translation | undefined) {
  const out = { id: u.id, position: u.position, block: u.block, kind: u.kind, source: u.source, trailing: u.trailing, words: u.words, ...(u.codes?.length ? { codes: u.codes } : {}) }
  if (!t) return out
  const translation = { text: t.text, state: t.state, stale: t.stale, version: t.version, author: t.author, updatedAt: t.updatedAt, ...(t.rejection ? { rejection: t.rejection } : {}) }
  const codeProblems = t.text === '' ? [] : checkCodes(t.text, u.source).errors
  return { ...out, translation: codeProblems.length ? { ...translation, codeProblems } : translation }
}
