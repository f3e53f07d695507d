import { createRoute, z } from '@hono/zod-openapi'
import { refuseWrite } from '../../auth/permissions.js'
import { streamExport } from '../../formats/export-article.js'
import { decodeFileBytes } from '../../formats/decode-file.js'
import { importTranslations, readTranslationFile } from '../../formats/import-translations.js'
import { EXPORT_FORMATS } from '../../formats/types.js'
import { printable } from '../../model/tags.js'
import { requireArticle } from '../../store/require-article.js'
import type { App, RouteDeps } from '../env.js'
import { streamText } from '../middleware/heavy-limit.js'
import { problem, ProblemError } from '../problem.js'
import { articleParams, langSchema } from '../schemas.js'
import { logStreamError } from './reports.js'
import { json, problems } from './responses.js'

const exportQuery = z.object({
  lang: langSchema.openapi({ description: 'target language', example: 'sv' }),
  format: z.enum(EXPORT_FORMATS).openapi({ description: 'interchange format', example: 'xliff12' }),
  mark: z
    .enum(['untranslated'])
    .optional()
    .openapi({ description: 'text: wrap untranslated segments as [[…]]' }),
  untranslated: z
    .enum(['source', 'fail'])
    .optional()
    .openapi({ description: 'original: an untranslated unit falls back to its source (default), or the export fails with 409 listing them' }),
})

const fileContent = (description: string) => ({
  description,
  content: {
    'application/xliff+xml': { schema: z.string() },
    'application/x-tmx+xml': { schema: z.string() },
    'text/x-gettext-translation': { schema: z.string() },
    'application/json': { schema: z.record(z.string(), z.string()) },
    'text/plain': { schema: z.string() },
    'text/markdown': { schema: z.string() },
    'text/html': { schema: z.string() },
  },
})

const exportRoute = createRoute({
  method: 'get',
  path: '/api/articles/{id}/export',
  tags: ['formats'],
  summary:
    'The article in one target language as XLIFF 2.0/1.2, TMX, PO, i18next JSON or text (as tolk export)',
  description:
    'Streamed as it is written, 500 units at a time. At most 2 reports or exports run at once per ' +
    'account (per client address for anonymous --public-read clients); one more gets 429 with Retry-After.',
  request: { params: articleParams, query: exportQuery },
  responses: {
    200: fileContent('the file, with Content-Disposition naming it'),
    ...problems(400, 401, 404, 429),
  },
})

const importReport = z
  .strictObject({
    article: z.string(),
    lang: z.string(),
    format: z.enum(['xliff12', 'xliff2', 'po']),
    updated: z.number(),
    confirmed: z.number().openapi({ description: 'stale units the file confirmed (same text, no longer marked for review): stale cleared' }),
    unchanged: z.number(),
    conflicted: z.number(),
    unknown: z.number(),
    conflicts: z.array(z.any()),
    unknownUnits: z.array(z.strictObject({ unitId: z.string(), line: z.number() })),
    partial: z.array(
      z.strictObject({ unitId: z.string(), line: z.number(), missing: z.array(z.string()) }),
    ),
    rejected: z
      .array(z.strictObject({ unitId: z.string(), line: z.number() }))
      .openapi({ description: 'rejected units the file gave back unchanged but unmarked: they stay rejected until their text is edited' }),
  })
  .openapi('ImportTranslationsReport')

const importRoute = createRoute({
  method: 'post',
  path: '/api/articles/{id}/import-translations',
  tags: ['formats'],
  summary:
    'Bring back a translated XLIFF 1.2/2.0 or PO file (version-checked; conflicts reported, never overwritten)',
  request: {
    params: articleParams,
    body: {
      content: {
        'application/xliff+xml': { schema: z.string() },
        'application/x-xliff+xml': { schema: z.string() },
        'text/x-gettext-translation': { schema: z.string() },
        'application/octet-stream': { schema: z.string() },
        'text/plain': { schema: z.string() },
      },
    },
  },
  responses: {
    200: json(importReport, 'what was updated, unchanged, conflicted, unknown'),
    ...problems(400, 401, 403, 404, 413),
  },
})

/**
 * Interchange formats over HTTP: export and import of translated files (the i18next backend's
 * paths are in locales.ts).
 */
export function registerFormats(app: App, { store }: RouteDeps): void {
  app.openapi(exportRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { lang, format, mark, untranslated } = c.req.valid('query')
    const file = await streamExport(store, id, lang, format, {
      markUntranslated: mark === 'untranslated',
      ...(untranslated ? { untranslated } : {}),
    })
    c.header('Content-Type', file.mediaType)
    c.header('Content-Disposition', `attachment; filename="${id}.${lang}.${file.extension}"`)
    return c.body(streamText(file.chunks, (err) => logStreamError(c, err)), 200) as never
  })

  app.openapi(importRoute, async (c) => {
    const { id } = c.req.valid('param')
    const principal = c.get('principal')
    // An unknown or archived article is said before the file is read.
    await requireArticle(store, id, 'write')
    // Decoded as the file says (BOM, XML declaration, PO charset), as the CLI reads it.
    const file = readTranslationFile(decodeFileBytes(new Uint8Array(await c.req.arrayBuffer()), 'the request body'), 'the request body')
    if (file.articleId !== id) {
      throw new ProblemError(
        problem(
          400,
          'wrong-article',
          `the file is for article ${printable(file.articleId)}, not ${id}: post it to /api/articles/${encodeURIComponent(file.articleId)}/import-translations`,
        ),
      )
    }
    const report = await importTranslations(store, file, {
      author: principal.account,
      authorize: (lang, state) => refuseWrite(principal, lang, state),
    })
    return c.json(report, 200)
  })
}
