import { createRoute, z } from '@hono/zod-openapi'
import { refuseWrite } from '../../auth/permissions.js'
import { InvalidInput, VersionConflict } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import type { Translation } from '../../model/translation.js'
import type { Store } from '../../store/types.js'
import type { App, RouteDeps } from '../env.js'
import { completeJson } from '../middleware/base-headers.js'
import { problem, ProblemError } from '../problem.js'
import {
  historyEntrySchema,
  historyQuery,
  MAX_HISTORY_LIMIT,
  problemSchema,
  stateSchema,
  translationBody,
  translationParams,
  translationSchema,
  unitParams,
} from '../schemas.js'
import { json, problemJson, problems } from './responses.js'

const PATH = '/api/articles/{id}/units/{unit}/translations/{lang}'

const IF_MATCH = {
  name: 'If-Match',
  in: 'header' as const,
  required: true,
  description: 'the ETag of the version the edit was based on, e.g. "7" ("0" for a never-translated unit)',
  schema: { type: 'string' as const, example: '"7"' },
}

const getTranslation = createRoute({
  method: 'get',
  path: PATH,
  tags: ['translations'],
  summary: 'One translation, with its version as a strong ETag ("0" when never translated)',
  request: { params: translationParams },
  responses: { 200: json(translationSchema, 'the translation; ETag "N"'), ...problems(400, 401, 404) },
})

const putTranslation = createRoute({
  method: 'put',
  path: PATH,
  tags: ['translations'],
  summary: 'Set text and state, confirm a stale translation, or reject one; needs If-Match with the ETag the edit was based on',
  description:
    '`{"text", "state"}` writes a translation. `{"confirm": true}` confirms a stale translation without ' +
    'changing its text or state (stale cleared, the history entry marked as a confirmation); it is refused ' +
    'with 409 when the translation is not stale or is rejected, and with 400 at version 0 or when a `text` ' +
    'sent differs from the current one. `{"state": "rejected", "reason"}` (reviewers and admins of the ' +
    'language) sends a translated, reviewed or final text back to its translator: the text stays as it is ' +
    '(a different `text` is 400), 409 from any other state. Every write needs If-Match; 412 on a stale version.',
  // If-Match is documented, not zod-validated: a header schema makes the validator copy and
  // parse every header of every write (~40 µs); the handler parses the one header it needs.
  parameters: [IF_MATCH],
  request: {
    params: translationParams,
    body: { required: true, content: { 'application/json': { schema: translationBody } } },
  },
  responses: {
    200: json(translationSchema, 'written; the new ETag'),
    412: problemJson(
      problemSchema
        .extend({
          current: z.strictObject({ text: z.string(), state: stateSchema, version: z.number().int() }),
          yours: z.strictObject({ text: z.string(), state: stateSchema, basedOn: z.number().int() }),
        })
        .openapi('VersionConflict'),
      'someone saved in between: both texts, nothing written; the ETag header is the current version',
    ),
    ...problems(400, 401, 403, 404, 409, 413, 415, 428),
  },
})

const history = createRoute({
  method: 'get',
  path: '/api/articles/{id}/units/{unit}/history',
  tags: ['translations'],
  summary: "Every write of a unit's translations, a page at a time",
  description:
    'Pages step back in time: the first holds the newest `limit` writes (1 to 100, default 100; more ' +
    'is refused with 400), each page oldest first; pass `next` as `cursor` for the writes before ' +
    'them, until `next` is null. A history of 100 writes or fewer is one page, oldest first.',
  request: { params: unitParams, query: historyQuery },
  responses: {
    200: json(
      z.strictObject({
        article: z.string(),
        unit: z.string(),
        history: z.array(historyEntrySchema),
        next: z.string().nullable().openapi({ description: 'the cursor of the older writes; null on the last page' }),
      }),
      'one page of the history',
    ),
    ...problems(400, 401, 404),
  },
})

/** Translations: read with ETag, write with If-Match (412 on conflict, 428 without), history. */
export function registerTranslations(app: App, { store }: RouteDeps): void {
  app.openapi(getTranslation, async (c) => {
    const { id, unit, lang } = c.req.valid('param')
    await checkTarget(store, id, lang)
    const t = await store.getTranslation(id, unit, lang)
    c.header('ETag', etag(t.version))
    return c.json(t, 200)
  })

  app.openapi(putTranslation, async (c) => {
    const { id, unit, lang } = c.req.valid('param')
    const body = c.req.valid('json')
    const principal = c.get('principal')
    // A confirmation or rejection keeps the text (and a confirmation the state) as stored: what the
    // version in If-Match names. The store refuses a write whose version moved since (412).
    const keeps = body.confirm === true || body.state === 'rejected'
    const current = keeps && (body.text === undefined || body.state === undefined) ? await store.getTranslation(id, unit, lang) : undefined
    const text = body.text ?? current?.text ?? ''
    const state = body.state ?? (body.confirm === true ? (current?.state ?? 'initial') : 'translated')
    const refusal = refuseWrite(principal, lang, state)
    if (refusal) throw new ProblemError(problem(403, 'forbidden', refusal))
    const ifMatch = c.req.header('if-match')
    if (ifMatch === undefined) {
      throw new ProblemError(
        problem(428, 'if-match-required', 'send If-Match with the ETag of the version you edited (from GET; "0" for a never-translated unit), so no one else\'s save is overwritten'),
      )
    }
    const basedOn = parseEtag(ifMatch)
    try {
      const t = await store.writeTranslation({
        articleId: id,
        unitId: unit,
        lang,
        text,
        state,
        ifVersion: basedOn,
        author: principal.account,
        origin: body.origin ?? null,
        ...(body.confirm === undefined ? {} : { confirm: body.confirm }),
        ...(body.reason === undefined ? {} : { reason: body.reason }),
      })
      // The hot path of the service: all headers in one object (see completeJson).
      return completeJson(c, t, 200, { ETag: etag(t.version) })
    } catch (err) {
      if (!(err instanceof VersionConflict)) throw err
      throw new ProblemError(
        problem(412, 'version-conflict', err.message, {
          current: err.current,
          yours: { text, state, basedOn },
        }),
        { ETag: etag(err.current.version) },
      )
    }
  })

  app.openapi(history, async (c) => {
    const { id, unit } = c.req.valid('param')
    const { lang, cursor, limit = MAX_HISTORY_LIMIT } = c.req.valid('query')
    const page = await store.historyPage(id, unit, { limit, ...(lang ? { lang } : {}), ...(cursor ? { cursor } : {}) })
    return c.json({ article: id, unit, history: page.entries, next: page.next }, 200)
  })
}

/** A strong ETag for a translation version. */
export function etag(version: number): string {
  return `"${version}"`
}

/**
 * The version an If-Match names. Only one strong ETag is accepted: `*` would allow a blind
 * overwrite, and a weak one never matches under the strong comparison If-Match requires.
 */
function parseEtag(header: string): number {
  const m = /^\s*"(\d{1,9})"\s*$/.exec(header)
  if (!m) {
    throw new InvalidInput(
      `If-Match "${printable(header)}" is not one ETag such as "7": send the ETag of the version you edited`,
      'invalid-if-match',
    )
  }
  return Number(m[1])
}

/** A translation exists only in the article's target languages. */
async function checkTarget(store: Store, articleId: string, lang: string): Promise<void> {
  // The article's row without its source text (megabytes for a long article), from a one-unit page.
  const { article } = await store.unitPage(articleId, { limit: 1 })
  if (!article.targets.includes(lang)) {
    throw new InvalidInput(
      `${lang} is not a target language of ${articleId} (targets: ${article.targets.join(', ')})`,
      'not-a-target',
    )
  }
}

export type { Translation }
