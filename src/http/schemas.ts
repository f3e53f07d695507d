import { z } from '@hono/zod-openapi'
import { isValidId } from '../model/ids.js'
import { ENGINE_NAME, MAX_MATCH_SCORE } from '../model/origin.js'
import { parseLanguage, parseTag } from '../model/tags.js'
import { TEXT_LIMITS, textProblem } from '../model/text-rule.js'
import { MAX_REASON, STATES } from '../model/translation.js'
import { PROBLEM_TYPE_NAMES, typeUri } from './problem-types.js'

/**
 * The zod schemas that validate requests at the edge and, through @hono/zod-openapi, describe
 * them in /api/openapi.json: one definition for both, so the document cannot drift.
 */

/** Largest translation text accepted, in UTF-16 code units. */
export const MAX_TRANSLATION = TEXT_LIMITS.translation

/**
 * Text that SQLite and every export can carry: the store's one text rule (src/model/text-rule.ts),
 * checked at the edge too so a body names every failing field at once.
 */
export const cleanText = (max: number) =>
  z.string().max(max, `the text is longer than ${max} characters`).superRefine((s, ctx) => {
    // The length has its own check above (and its maxLength in the OpenAPI document).
    const problem = textProblem(s, Number.POSITIVE_INFINITY)
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `the text ${problem}` })
  })

/** An id (article, unit, account): 1–100 letters, digits, `.`, `_`, `-`. */
export const idSchema = z
  .string()
  .refine(isValidId, 'use 1–100 letters, digits, ".", "_" or "-"')
  .openapi({ example: 'sv-general-01' })

/**
 * A zod refinement from a check that throws. Results are remembered (a few hundred distinct
 * inputs at most): a language tag is checked on every request, and Intl lookups are not free.
 */
const refineBy = (check: (s: string) => unknown) => {
  const seen = new Map<string, string | undefined>()
  return (s: string, ctx: z.RefinementCtx) => {
    let message = seen.get(s)
    if (!seen.has(s)) {
      try {
        check(s)
      } catch (err) {
        message = (err as Error).message
      }
      if (seen.size >= 500) seen.clear()
      seen.set(s, message)
    }
    if (message !== undefined) ctx.addIssue({ code: 'custom', message })
  }
}

/** A BCP 47 language tag CLDR knows (`sv`, `pt-BR`). */
export const langSchema = z.string().max(100).superRefine(refineBy(parseLanguage)).openapi({ example: 'sv' })

/** A collection tag: a language, a hyphen, a domain (`sv-general`). */
export const tagSchema = z.string().max(100).superRefine(refineBy(parseTag)).openapi({ example: 'sv-general' })

export const stateSchema = z.enum(STATES).openapi({ example: 'translated' })

export const articleParams = z.object({ id: idSchema.openapi({ param: { name: 'id', in: 'path' } }) })

export const unitParams = articleParams.extend({
  unit: idSchema.openapi({ param: { name: 'unit', in: 'path' }, example: 'sv-general-01-3f9a' }),
})

export const translationParams = unitParams.extend({
  lang: langSchema.openapi({ param: { name: 'lang', in: 'path' }, example: 'sv' }),
})

/** `?lang=sv,de`: a comma-separated list of languages. */
export const langListQuery = z
  .string()
  .max(1000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(langSchema).max(50))

const booleanQuery = z.enum(['true', 'false', '1', '0']).transform((s) => s === 'true' || s === '1')

export const reportQuery = z.object({
  lang: langListQuery.optional().openapi({ description: 'target languages, comma-separated', example: 'sv,de' }),
  summary: booleanQuery.optional().openapi({ description: 'coverage only, no segment lists', example: 'true' }),
})

export const allReportQuery = reportQuery.extend({
  article: z
    .string()
    .max(10_000)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(idSchema).max(1000))
    .optional()
    .openapi({ description: 'article ids, comma-separated; all when absent' }),
})

export const importBody = z
  .object({
    id: idSchema,
    tag: tagSchema,
    lang: langSchema.optional().openapi({ description: 'text language; detected when absent' }),
    targets: z.array(langSchema).min(1).max(50).optional(),
    title: cleanText(TEXT_LIMITS.title).optional(),
    text: cleanText(TEXT_LIMITS.article),
    format: z.enum(['text', 'md', 'html']).optional().openapi({ description: 'plain text (default; on a re-import, the stored kind), Markdown or HTML' }),
  })
  .openapi('ImportRequest')

/** PUT /api/articles/:id: the id comes from the path; tag and targets default to the stored ones. */
export const reimportBody = importBody.partial({ id: true, tag: true }).openapi('ReimportRequest')

export const importQuery = z.object({
  id: idSchema.optional(),
  tag: z.string().max(100).optional(),
  lang: z.string().max(100).optional(),
  targets: z.string().max(1000).optional().openapi({ description: 'comma-separated, for text/plain bodies' }),
  title: z.string().max(500).optional(),
  format: z.enum(['text', 'md', 'html']).optional().openapi({ description: 'for text bodies: overrides what the Content-Type says' }),
  dryRun: booleanQuery.optional().openapi({ description: 'plan only, write nothing' }),
})

/** The most units one page of GET /api/articles/{id}/units answers; more is refused (400). */
export const MAX_UNITS_LIMIT = 500
/** Units per page unless `limit` says otherwise. */
export const DEFAULT_UNITS_LIMIT = 100
/** The most (and the default number of) history entries one page of GET …/history answers. */
export const MAX_HISTORY_LIMIT = 100

/** `?limit=N`: a whole number from 1 to `max`; anything else is a 400 naming the range. */
const limitQuery = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `a whole number from 1 to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(1, `a whole number from 1 to ${max}`).max(max, `at most ${max} a page: follow \`next\` for more`))
    .optional()
    .openapi({ description: `entries per page, 1 to ${max} (default ${fallback}); more is refused with 400`, example: String(fallback) })

export const unitsQuery = z.object({
  lang: langSchema.optional(),
  state: z.enum([...STATES, 'stale']).optional().openapi({
    description: 'needs lang; a filtered page examines at most 5,000 units, so it may hold fewer than `limit` (even none) while `next` is not null',
  }),
  cursor: z.string().regex(/^\d{1,9}$/, 'use the `next` cursor of the previous page').optional().openapi({ description: 'the `next` of the previous page' }),
  limit: limitQuery(MAX_UNITS_LIMIT, DEFAULT_UNITS_LIMIT),
})

export const historyQuery = z.object({
  lang: langSchema.optional(),
  cursor: z
    .string()
    .max(2000)
    .regex(/^[A-Za-z0-9-]{1,100}:\d{1,15}(,[A-Za-z0-9-]{1,100}:\d{1,15}){0,99}$/, 'use the `next` cursor of the previous page')
    .optional()
    .openapi({ description: 'the `next` of the previous page: the entries before those it answered' }),
  limit: limitQuery(MAX_HISTORY_LIMIT, MAX_HISTORY_LIMIT),
})

/** Where a written text came from: a memory match or a machine translation, as inserted or edited. */
const edited = z
  .boolean()
  .optional()
  .openapi({ description: 'true: the author changed the inserted text before saving; it counts as their own' })
export const originSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('memory').openapi({ description: 'a translation-memory match' }),
      score: z
        .number()
        .int()
        .min(0)
        .max(MAX_MATCH_SCORE)
        .openapi({ description: 'the match score: 100 same text, 101 same text and neighbours', example: 92 }),
      edited,
    }),
    z.object({
      kind: z.literal('mt').openapi({ description: 'a machine translation' }),
      engine: z.string().regex(ENGINE_NAME, 'a configured engine\'s name').openapi({ example: 'apertium' }),
      edited,
    }),
    z.object({
      kind: z.literal('aligned').openapi({ description: 'a sentence of an existing translation, paired with the unit by alignment' }),
      confidence: z.number().min(0).max(1).openapi({ description: 'the aligner\'s confidence in the pairing, 0–1', example: 0.93 }),
      edited,
    }),
  ])
  .openapi('TranslationOrigin', {
    description:
      'send when the text was inserted from a memory match, a machine suggestion or an alignment; with edited: true when the author changed it before saving',
  })

export const translationBody = z
  .object({
    text: cleanText(MAX_TRANSLATION)
      .optional()
      .openapi({ description: 'the text; required unless confirming or rejecting, which keep the current text (when given, it must be that text)' }),
    state: stateSchema.optional().openapi({
      description: 'translated when absent; `rejected` (reviewers) sends the current text back with a `reason`; a confirmation keeps the current state',
    }),
    origin: originSchema
      .nullable()
      .optional()
      .openapi({ description: 'where the text came from; absent or null: typed by the author' }),
    confirm: z.boolean().optional().openapi({
      description: 'true: confirm a stale translation without changing its text (stale cleared, the history entry marked as a confirmation)',
    }),
    reason: cleanText(MAX_REASON)
      .optional()
      .openapi({ description: 'with state rejected, and required there: what is wrong, at most 2,000 characters' }),
  })
  .superRefine((b, ctx) => {
    const keepsText = b.confirm === true || b.state === 'rejected'
    if (b.text === undefined && !keepsText) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'give the text (only a confirmation or a rejection keeps the current one)' })
    } else if (b.text !== undefined && b.state !== 'initial' && b.text.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'the translation is empty; give its text (or state initial)' })
    }
    if (b.state === 'rejected' && (b.reason === undefined || b.reason.trim() === '')) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a rejection needs a reason: say what is wrong' })
    }
    if (b.state !== 'rejected' && b.reason !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a reason goes with state rejected only' })
    }
  })
  .openapi('TranslationWrite')

const rejectionSchema = z
  .strictObject({
    reason: z.string().openapi({ description: "the reviewer's reason" }),
    translator: z.string().nullable().openapi({ description: 'who wrote the text sent back' }),
  })
  .openapi('Rejection')

export const translationSchema = z
  .strictObject({
    articleId: z.string(),
    unitId: z.string(),
    lang: z.string(),
    text: z.string(),
    state: stateSchema,
    stale: z.boolean(),
    version: z.number().int(),
    author: z.string().nullable(),
    updatedAt: z.string().nullable(),
    madeFrom: z.string().nullable(),
    rejection: rejectionSchema.optional().openapi({ description: 'while the state is rejected: why, and whose text it was' }),
  })
  .openapi('Translation')

/** One entry of a unit's history, as GET …/history returns it. */
export const historyEntrySchema = z
  .strictObject({
    articleId: z.string(),
    unitId: z.string(),
    lang: z.string(),
    version: z.number().int(),
    oldText: z.string().nullable(),
    newText: z.string(),
    oldState: stateSchema,
    newState: stateSchema,
    author: z.string(),
    at: z.string(),
    origin: originSchema.nullable().openapi({ description: 'null: the author\'s own text' }),
    batch: z.string().optional().openapi({ description: 'the batch (find and replace, bulk action, undo) that made this write' }),
    confirmation: z.literal(true).optional().openapi({ description: 'a confirmation of a stale translation: the same text, stale cleared' }),
    reason: z.string().optional().openapi({ description: "a rejection's reason" }),
    translator: z.string().optional().openapi({ description: 'a rejection: who wrote the text it sent back' }),
  })
  .openapi('HistoryEntry')

/**
 * An RFC 9457 problem. `type` is a reference relative to the server: GET it for the page that
 * says what the problem means and how to fix it (`GET /problems` lists every type).
 */
export const problemSchema = z
  .looseObject({
    type: z
      .enum(PROBLEM_TYPE_NAMES.map(typeUri) as [string, ...string[]])
      .openapi({ description: 'the kind of problem: GET it (relative to this server) for what it means and how to fix it' }),
    title: z.string().openapi({ description: "the type's title, the same for every occurrence" }),
    status: z.number().int(),
    detail: z.string().openapi({ description: 'what went wrong this time, and what to do' }),
    errors: z
      .array(z.strictObject({ in: z.string(), path: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: 'invalid-request: each failing field' }),
    accepted: z.array(z.string()).optional().openapi({ description: 'unsupported-media-type: the media types the route reads' }),
    requestId: z.string().optional().openapi({ description: 'internal: quote it when reporting the problem' }),
  })
  .openapi('Problem')

/** One suggestion for a unit: a memory match or an engine's translation (GET …/suggestions). */
export const suggestionSchema = z
  .object({
    text: z.string().openapi({ description: 'what to insert' }),
    origin: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('memory'), score: z.number().int() }),
        z.object({ kind: z.literal('mt'), engine: z.string() }),
      ])
      .openapi({ description: 'send it back as the write\'s origin (with edited: true when changed)' }),
    score: z.number().int().optional().openapi({ description: 'a memory match\'s score; machine text has none' }),
    source: z.string().optional().openapi({ description: 'the source a memory match was made from' }),
    repaired: z.literal(true).optional().openapi({ description: 'the engine lost inline codes; they were put back around the whole text' }),
  })
  .openapi('Suggestion')
