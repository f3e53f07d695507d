import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { InvalidInput } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import { commentActions } from '../../team/comment-access.js'
import { COMMENT_MAX } from '../../team/comment-rules.js'
import { COMMENT_KINDS, type Comment } from '../../team/comment-types.js'
import type { App, AppEnv, RouteDeps } from '../env.js'
import { problem, ProblemError } from '../problem.js'
import { articleParams, cleanText, langSchema, unitParams } from '../schemas.js'
import { json, problems } from './responses.js'

const who = z.strictObject({ by: z.string(), at: z.string() })
const commentShape = {
    id: z.number(),
    article: z.string(),
    unit: z.string(),
    lang: z.string().optional().openapi({ description: 'absent: about the source, for every language' }),
    kind: z.enum(COMMENT_KINDS),
    parent: z.number().optional().openapi({ description: "a reply's thread" }),
    author: z.string(),
    text: z.string().openapi({ description: "plain text; '' once deleted (the history keeps it)" }),
    mentions: z.array(z.string()).openapi({ description: 'the names written as @name' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().openapi({ description: 'the ETag' }),
    edited: z.boolean(),
    deleted: who.optional().openapi({ description: 'shown as "deleted by X"' }),
    answeredAt: z.string().optional().openapi({ description: 'a query someone other than its asker replied to' }),
    resolved: who.optional(),
}
const commentSchema = z.strictObject(commentShape).openapi('Comment')
const threadSchema = z.strictObject({ ...commentShape, replies: z.array(commentSchema) }).openapi('CommentThread')
const historySchema = z.strictObject({
  version: z.number(), action: z.enum(['added', 'edited', 'deleted', 'resolved']), text: z.string(), by: z.string(), at: z.string(),
})
const commentText = cleanText(COMMENT_MAX).refine((s) => s.trim() !== '', 'the comment is empty')
const cidParams = z.object({ cid: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).openapi({ param: { name: 'cid', in: 'path' }, example: 7 }) })
const threadsAnswer = z.strictObject({ article: z.string(), unit: z.string().optional(), threads: z.array(threadSchema) })
const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } })

const listUnit = createRoute({
  method: 'get', path: '/api/articles/{id}/units/{unit}/comments', tags: ['comments'],
  summary: "A unit's threads (first comments with their replies); lang keeps that language's and the source's",
  request: { params: unitParams, query: z.object({ lang: langSchema.optional() }) },
  responses: { 200: json(threadsAnswer, 'the threads'), ...problems(400, 401, 404) },
})
const addComment = createRoute({
  method: 'post', path: '/api/articles/{id}/units/{unit}/comments', tags: ['comments'],
  summary: 'Start a thread on a unit: a remark or a query, in a language or (no lang) on the source',
  description: 'Translators and reviewers of the language and admins may; on the source, anyone who may translate the article. `@name` mentions notify those accounts.',
  request: {
    params: unitParams,
    body: body(z.strictObject({ text: commentText, lang: langSchema.optional(), kind: z.enum(COMMENT_KINDS).default('comment') }).openapi('CommentRequest')),
  },
  responses: { 201: json(commentSchema, 'added; Location and ETag'), ...problems(400, 401, 403, 404, 409) },
})
const listArticle = createRoute({
  method: 'get', path: '/api/articles/{id}/comments', tags: ['comments'],
  summary: "An article's threads in unit order; open=true keeps open queries; lang keeps that language's and the source's",
  request: { params: articleParams, query: z.object({ open: z.enum(['true', 'false']).optional(), lang: langSchema.optional() }) },
  responses: { 200: json(z.strictObject({ ...threadsAnswer.shape, openQueries: z.record(z.string(), z.number()) }), 'the threads, and the open queries per language ("" for the source)'), ...problems(400, 401, 404) },
})
const getComment = createRoute({
  method: 'get', path: '/api/comments/{cid}', tags: ['comments'], summary: 'One comment with its history; its version as ETag',
  request: { params: cidParams },
  responses: { 200: json(z.strictObject({ ...commentShape, history: z.array(historySchema) }).openapi('CommentWithHistory'), 'the comment'), ...problems(400, 401, 404) },
})
const patchComment = createRoute({
  method: 'patch', path: '/api/comments/{cid}', tags: ['comments'],
  summary: 'Edit the text (author or admin) or resolve a query ({resolved: true}); If-Match is checked when sent',
  request: {
    params: cidParams,
    body: body(z.union([z.strictObject({ text: commentText }), z.strictObject({ resolved: z.literal(true) })]).openapi('CommentChange')),
  },
  responses: { 200: json(commentSchema, 'changed; the new ETag'), ...problems(400, 401, 403, 404, 409, 412) },
})
const deleteComment = createRoute({
  method: 'delete', path: '/api/comments/{cid}', tags: ['comments'],
  summary: 'Mark a comment deleted (author or admin); it stays, showing who deleted it, with its history',
  request: { params: cidParams },
  responses: { 200: json(commentSchema, 'deleted'), ...problems(400, 401, 403, 404, 409, 412) },
})
const addReply = createRoute({
  method: 'post', path: '/api/comments/{cid}/replies', tags: ['comments'],
  summary: "Reply in a comment's thread; a reply by someone other than a query's asker answers it",
  request: { params: cidParams, body: body(z.strictObject({ text: commentText }).openapi('ReplyRequest')) },
  responses: { 201: json(commentSchema, 'added; Location and ETag'), ...problems(400, 401, 403, 404, 409) },
})

/** Comments and queries: threads per unit and per article, replies, edits, resolution, deletion. */
export function registerComments(app: App, { store }: RouteDeps): void {
  const actions = (c: Context<AppEnv>) => commentActions(store, c.get('principal'))
  const tagged = (c: Context<AppEnv>, comment: Comment) => {
    c.header('ETag', `"${comment.version}"`)
    return comment
  }

  app.openapi(listUnit, async (c) => {
    const { id, unit } = c.req.valid('param')
    const { lang } = c.req.valid('query')
    const threads = await store.comments.threads(id, { unit, ...(lang ? { lang } : {}) })
    // No thread: say whether the unit is there at all (an archived article's units answer as archived).
    if (threads.length === 0 && !(await store.getUnit(id, unit).catch(() => undefined))) {
      throw new ProblemError(problem(404, 'unknown-unit', `no unit ${printable(unit)} in ${printable(id)}`))
    }
    return c.json({ article: id, unit, threads }, 200)
  })
  app.openapi(addComment, async (c) => {
    const { id, unit } = c.req.valid('param')
    const { text, lang, kind } = c.req.valid('json')
    const added = await actions(c).add({ article: id, unit, kind, text, ...(lang ? { lang } : {}) })
    c.header('Location', `/api/comments/${added.id}`)
    return c.json(tagged(c, added), 201)
  })
  app.openapi(listArticle, async (c) => {
    const { id } = c.req.valid('param')
    const { open, lang } = c.req.valid('query')
    const threads = await store.comments.threads(id, { open: open === 'true', ...(lang ? { lang } : {}) })
    return c.json({ article: id, threads, openQueries: await store.comments.openQueries(id) }, 200)
  })
  app.openapi(getComment, async (c) => {
    const { cid } = c.req.valid('param')
    const found = await store.comments.get(cid)
    if (!found) throw new ProblemError(problem(404, 'unknown-comment', `no comment ${cid}`))
    c.header('ETag', `"${found.version}"`)
    return c.json(found, 200)
  })
  app.openapi(patchComment, async (c) => {
    const { cid } = c.req.valid('param')
    const change = c.req.valid('json')
    const ifVersion = ifMatch(c.req.header('if-match'))
    const done = 'text' in change ? await actions(c).edit(cid, change.text, ifVersion) : await actions(c).resolve(cid, ifVersion)
    return c.json(tagged(c, done), 200)
  })
  app.openapi(deleteComment, async (c) => {
    const { cid } = c.req.valid('param')
    return c.json(tagged(c, await actions(c).remove(cid, ifMatch(c.req.header('if-match')))), 200)
  })
  app.openapi(addReply, async (c) => {
    const { cid } = c.req.valid('param')
    const added = await actions(c).reply(cid, c.req.valid('json').text)
    c.header('Location', `/api/comments/${added.id}`)
    return c.json(tagged(c, added), 201)
  })
}

/** The version an If-Match names, undefined without one (the change is then unconditional). */
function ifMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined
  const m = /^\s*"(\d{1,9})"\s*$/.exec(header)
  if (!m) throw new InvalidInput(`If-Match "${printable(header)}" is not one ETag such as "2": send the ETag of the comment you changed`, 'invalid-if-match')
  return Number(m[1])
}
