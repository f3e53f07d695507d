import type { Context } from 'hono'
import { formatOfFile, parseDocumentFormat } from '../../documents/index.js'
import type { DocumentFormat } from '../../documents/types.js'
import type { ImportRequest } from '../../import/prepare-import.js'
import { TolkError } from '../../model/errors.js'
import { isValidId, tagFromArticleId } from '../../model/ids.js'

/** The upload form as typed, to show again with a message when it is refused. */
export interface ArticleFormValues {
  id: string
  tag: string
  lang: string
  targets: string
  format: string
  text: string
}

/** Why a form was refused: a key under `manage.fault`, or an importer's own message. */
export type ArticleFault = { key: 'noText' | 'json' | 'fileKind' | 'noId' | 'noTag' | 'exists' | 'format' } | { reason: string }

/** File names the importer reads (as `tolk import DIR` takes them). */
const DOCUMENT_FILE = /\.(txt|md|markdown|html?)$/i

/**
 * Read the upload form (multipart with a `file`, or a pasted `text`) into an import request for
 * `importText`, the one path `POST /api/articles` takes too. The id defaults to the file's name,
 * the tag to the stored article's or the id's (`sv-general-01` → `sv-general`), the format to
 * the file's extension; a blank targets field keeps a re-imported article's targets.
 */
export async function readArticleForm(
  c: Context,
  fixed?: { id: string; tag: string },
): Promise<{ values: ArticleFormValues; req?: ImportRequest; fault?: ArticleFault }> {
  const body = await c.req.parseBody()
  const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '')
  const file = body.file instanceof File && body.file.size > 0 ? body.file : undefined
  const values: ArticleFormValues = {
    id: fixed?.id ?? field('id').trim(),
    tag: fixed?.tag ?? field('tag').trim(),
    lang: field('lang').trim(),
    targets: field('targets').trim(),
    format: field('format').trim() || 'auto',
    // A file wins over pasted text; the confirm step of a re-import carries the text as base64 so
    // that its bytes (CRLF line ends too) come back exactly as uploaded.
    text: field('textB64') ? Buffer.from(field('textB64'), 'base64').toString('utf8') : field('text'),
  }
  if (file) {
    if (/\.json$/i.test(file.name)) return { values, fault: { key: 'json' } }
    if (!DOCUMENT_FILE.test(file.name)) return { values, fault: { key: 'fileKind' } }
    values.text = await file.text()
  } else if (!field('textB64')) {
    // Browsers send a textarea's line breaks as CRLF; a pasted article uses LF.
    values.text = values.text.replace(/\r\n?/g, '\n')
  }
  if (values.text.trim() === '') return { values, fault: { key: 'noText' } }
  const fromName = file?.name.replace(/\.[^.]*$/, '') ?? ''
  if (!values.id && isValidId(fromName)) values.id = fromName
  if (!values.id) return { values, fault: { key: 'noId' } }
  if (!values.tag) values.tag = tagFromArticleId(values.id) ?? ''
  if (!values.tag) return { values, fault: { key: 'noTag' } }
  let format: DocumentFormat | undefined
  try {
    format = values.format === 'auto' ? (file ? formatOfFile(file.name) : undefined) : parseDocumentFormat(values.format)
  } catch (err) {
    if (err instanceof TolkError) return { values, fault: { key: 'format' } }
    throw err
  }
  const req: ImportRequest = { id: values.id, tag: values.tag, text: values.text }
  if (values.lang) req.lang = values.lang
  const targets = values.targets.split(/[\s,]+/).filter(Boolean)
  if (targets.length > 0) req.targets = targets
  if (format) req.format = format
  return { values, req }
}
