import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { refuseTermEdit } from '../../auth/permissions.js'
import { InvalidInput } from '../../model/errors.js'
import { parseTag, printable } from '../../model/tags.js'
import { allEntries, languagesOf } from '../../terms/all-entries.js'
import { writeTermsCsv } from '../../terms/csv.js'
import { readTermsFile } from '../../terms/read-terms-file.js'
import { writeTbx } from '../../terms/tbx.js'
import { PARTS_OF_SPEECH, TERM_STATUSES, type TermEntry } from '../../terms/types.js'
import { articleTerms } from '../../terms/unit-terms.js'
import type { App, AppEnv, RouteDeps } from '../env.js'
import { problem, ProblemError } from '../problem.js'
import { articleParams, langSchema, tagSchema } from '../schemas.js'
import { json, problems } from './responses.js'

const termSchema = z
  .strictObject({
    lang: z.string().max(100),
    text: z.string().max(10_000),
    status: z.enum(TERM_STATUSES).optional().openapi({ description: 'default admitted' }),
    pos: z.enum(PARTS_OF_SPEECH).optional(),
    note: z.string().max(10_000).optional(),
    caseSensitive: z.boolean().optional().openapi({ description: 'default false: case is ignored' }),
  })
  .openapi('Term')
const entryBody = z.strictObject({ terms: z.array(termSchema).max(1000), note: z.string().max(10_000).optional() }).openapi('TermEntryRequest')
const entrySchema = z
  .strictObject({
    id: z.number(),
    tag: z.string(),
    terms: z.array(termSchema.required({ status: true, caseSensitive: true })),
    note: z.string().optional(),
    version: z.number().openapi({ description: 'the ETag' }),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .openapi('TermEntry')
const termbaseSchema = z.strictObject({ tag: z.string(), uses: z.array(z.string()), entries: z.number() }).openapi('Termbase')
const hitSchema = z
  .strictObject({
    start: z.number(), end: z.number(), found: z.string(), entryId: z.number(), tag: z.string(),
    term: entrySchema.shape.terms.element, targets: entrySchema.shape.terms, note: z.string().optional(),
  })
  .openapi('TermHit')

const tagParams = z.object({ tag: tagSchema.openapi({ param: { name: 'tag', in: 'path' } }) })
const entryParams = tagParams.extend({ entry: z.coerce.number().int().min(1).openapi({ param: { name: 'entry', in: 'path' } }) })

const listTermbases = createRoute({
  method: 'get', path: '/api/termbases', tags: ['terms'], summary: 'Every termbase, with the tags it uses',
  responses: { 200: json(z.strictObject({ termbases: z.array(termbaseSchema) }), 'the termbases'), ...problems(401) },
})
const getTermbase = createRoute({
  method: 'get', path: '/api/termbases/{tag}', tags: ['terms'], summary: 'A termbase: the tags it uses and how many entries it holds (none yet: empty)',
  request: { params: tagParams },
  responses: { 200: json(termbaseSchema, 'the termbase'), ...problems(400, 401) },
})
const putTermbase = createRoute({
  method: 'put', path: '/api/termbases/{tag}', tags: ['terms'], summary: 'Set the tags whose termbases this one uses, in order; admin',
  request: { params: tagParams, body: { required: true, content: { 'application/json': { schema: z.strictObject({ uses: z.array(z.string().max(100)).max(100) }) } } } },
  responses: { 200: json(termbaseSchema, 'the termbase'), ...problems(400, 401, 403) },
})
const listEntries = createRoute({
  method: 'get', path: '/api/termbases/{tag}/entries', tags: ['terms'], summary: "The termbase's own entries by id; search with q (case ignored) and lang; page with after",
  request: {
    params: tagParams,
    query: z.object({
      q: z.string().max(300).optional(), lang: langSchema.optional(),
      limit: z.coerce.number().int().min(1).max(1000).optional(), after: z.coerce.number().int().min(0).optional(),
    }),
  },
  responses: { 200: json(z.strictObject({ tag: z.string(), entries: z.array(entrySchema) }), 'the entries'), ...problems(400, 401) },
})
const addEntry = createRoute({
  method: 'post', path: '/api/termbases/{tag}/entries', tags: ['terms'], summary: 'Add an entry; admin',
  request: { params: tagParams, body: { required: true, content: { 'application/json': { schema: entryBody } } } },
  responses: { 201: json(entrySchema, 'added; ETag and Location'), ...problems(400, 401, 403) },
})
const getEntry = createRoute({
  method: 'get', path: '/api/termbases/{tag}/entries/{entry}', tags: ['terms'], summary: 'One entry, with its version as ETag',
  request: { params: entryParams },
  responses: { 200: json(entrySchema, 'the entry'), ...problems(400, 401, 404) },
})
const putEntry = createRoute({
  method: 'put', path: '/api/termbases/{tag}/entries/{entry}', tags: ['terms'], summary: "Replace an entry's terms and note; If-Match is checked when sent; admin",
  request: { params: entryParams, body: { required: true, content: { 'application/json': { schema: entryBody } } } },
  responses: { 200: json(entrySchema, 'written; the new ETag'), ...problems(400, 401, 403, 404, 412) },
})
const deleteEntry = createRoute({
  method: 'delete', path: '/api/termbases/{tag}/entries/{entry}', tags: ['terms'], summary: 'Delete an entry; If-Match is checked when sent; admin',
  request: { params: entryParams },
  responses: { 200: json(z.strictObject({ tag: z.string(), deleted: z.number() }), 'deleted'), ...problems(400, 401, 403, 404, 412) },
})
const importTerms = createRoute({
  method: 'post', path: '/api/termbases/{tag}/import', tags: ['terms'],
  summary: 'Add the entries of a TBX, CSV or TSV file (all or none); map renames languages (csv2tbx writes xx); admin',
  request: {
    params: tagParams,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({
            text: z.string().openapi({ description: 'the file, as text' }),
            format: z.enum(['tbx', 'csv', 'tsv']).optional().openapi({ description: 'default: told by name, else by the text' }),
            name: z.string().max(200).optional().openapi({ description: 'the file name, for messages and the format' }),
            map: z.record(z.string().max(100), z.string().max(100)).optional().openapi({ example: { xx: 'sv' } }),
          }),
        },
      },
    },
  },
  responses: { 200: json(z.strictObject({ tag: z.string(), added: z.number() }), 'added'), ...problems(400, 401, 403) },
})
const exportTerms = createRoute({
  method: 'get', path: '/api/termbases/{tag}/export', tags: ['terms'], summary: "The termbase's own entries as TBX-Basic 2008 (default) or CSV",
  request: { params: tagParams, query: z.object({ format: z.enum(['tbx', 'csv']).optional() }) },
  responses: {
    200: { description: 'the file', content: { 'application/x-tbx+xml': { schema: z.string() }, 'text/csv': { schema: z.string() } } },
    ...problems(400, 401),
  },
})
const articleTermsRoute = createRoute({
  method: 'get', path: '/api/articles/{id}/terms', tags: ['terms'],
  summary: "Terms found in an article's units for a target language, with their translations",
  description: 'The termbase is the target language with the domain of the article tag (en-general, sv → sv-general) unless tag names another; the tags it uses count too. Only units with a hit are listed; unit narrows it to one.',
  request: { params: articleParams, query: z.object({ lang: langSchema, tag: tagSchema.optional(), unit: z.string().max(200).optional() }) },
  responses: {
    200: json(z.strictObject({ article: z.string(), lang: z.string(), tag: z.string(), units: z.array(z.strictObject({ unit: z.string(), hits: z.array(hitSchema) })) }), 'the hits'),
    ...problems(400, 401, 404),
  },
})

/** Termbases: entries (CRUD, search, ETags), uses, import and export, and the terms of an article. */
export function registerTerms(app: App, { store }: RouteDeps): void {
  const mayEdit = (c: Context<AppEnv>, tag: string) => {
    const principal = c.get('principal')
    const refusal = refuseTermEdit(principal, tag)
    if (refusal) throw new ProblemError(problem(403, 'forbidden', refusal))
    return principal.account
  }
  const entryJson = (c: Context<AppEnv>, e: TermEntry) => {
    c.header('ETag', `"${e.version}"`)
    return e
  }

  app.openapi(listTermbases, async (c) => c.json({ termbases: await store.terms.list() }, 200))
  app.openapi(getTermbase, async (c) => {
    const tag = parseTag(c.req.valid('param').tag).tag
    return c.json((await store.terms.get(tag)) ?? { tag, uses: [], entries: 0 }, 200)
  })
  app.openapi(putTermbase, async (c) => {
    const { tag } = c.req.valid('param')
    mayEdit(c, tag)
    return c.json(await store.terms.setUses(tag, c.req.valid('json').uses), 200)
  })
  app.openapi(listEntries, async (c) => {
    const tag = parseTag(c.req.valid('param').tag).tag
    const { q, lang, limit, after } = c.req.valid('query')
    const entries = await store.terms.listEntries(tag, {
      ...(q !== undefined ? { text: q } : {}), ...(lang ? { lang } : {}), ...(limit !== undefined ? { limit } : {}), ...(after !== undefined ? { after } : {}),
    })
    return c.json({ tag, entries }, 200)
  })
  app.openapi(addEntry, async (c) => {
    const { tag } = c.req.valid('param')
    const e = await store.terms.addEntry(tag, c.req.valid('json'), { by: mayEdit(c, tag) })
    c.header('Location', `/api/termbases/${e.tag}/entries/${e.id}`)
    return c.json(entryJson(c, e), 201)
  })
  app.openapi(getEntry, async (c) => {
    const { tag, entry } = c.req.valid('param')
    const e = await store.terms.getEntry(tag, entry)
    if (!e) throw new ProblemError(problem(404, 'unknown-term-entry', `no term entry ${entry} in the termbase ${parseTag(tag).tag}`))
    return c.json(entryJson(c, e), 200)
  })
  app.openapi(putEntry, async (c) => {
    const { tag, entry } = c.req.valid('param')
    const by = mayEdit(c, tag)
    const ifVersion = ifMatch(c.req.header('if-match'))
    const e = await store.terms.updateEntry(tag, entry, c.req.valid('json'), { by, ...(ifVersion !== undefined ? { ifVersion } : {}) })
    return c.json(entryJson(c, e), 200)
  })
  app.openapi(deleteEntry, async (c) => {
    const { tag, entry } = c.req.valid('param')
    mayEdit(c, tag)
    const ifVersion = ifMatch(c.req.header('if-match'))
    await store.terms.deleteEntry(tag, entry, ifVersion !== undefined ? { ifVersion } : {})
    return c.json({ tag: parseTag(tag).tag, deleted: entry }, 200)
  })
  app.openapi(importTerms, async (c) => {
    const { tag } = c.req.valid('param')
    const by = mayEdit(c, tag)
    const body = c.req.valid('json')
    const name = body.name ?? `upload.${body.format ?? 'txt'}`
    const entries = readTermsFile(body.text, body.format ? `${name.replace(/\.[a-z]+$/i, '')}.${body.format}` : name, body.map ?? {})
    return c.json({ tag: parseTag(tag).tag, added: await store.terms.addEntries(tag, entries, { by }) }, 200)
  })
  app.openapi(exportTerms, async (c) => {
    const tag = parseTag(c.req.valid('param').tag).tag
    const format = c.req.valid('query').format ?? 'tbx'
    const entries = await allEntries(store.terms, tag)
    const langs = languagesOf(entries)
    const text = format === 'tbx' ? writeTbx(entries, langs[0] ?? 'en') : writeTermsCsv(entries, langs)
    c.header('Content-Type', format === 'tbx' ? 'application/x-tbx+xml; charset=utf-8' : 'text/csv; charset=utf-8')
    c.header('Content-Disposition', `attachment; filename="${tag}.${format}"`)
    return c.body(text, 200)
  })
  app.openapi(articleTermsRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { lang, tag, unit } = c.req.valid('query')
    const found = await articleTerms(store, id, lang, { ...(tag ? { tag } : {}), ...(unit ? { unit } : {}) })
    return c.json({ article: id, lang, tag: found.tag, units: found.units }, 200)
  })
}

/** The version an If-Match names, undefined without one (the write is then unconditional). */
function ifMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined
  const m = /^\s*"(\d{1,9})"\s*$/.exec(header)
  if (!m) throw new InvalidInput(`If-Match "${printable(header)}" is not one ETag such as "7": send the ETag of the version you edited`, 'invalid-if-match')
  return Number(m[1])
}
