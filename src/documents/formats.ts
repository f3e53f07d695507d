/** Which kind a document is, from its file name or media type: light, so callers load no parser for it. */
import type { DocumentFormat } from './types.js'

/** The format a file's name says: `.md`/`.markdown` → md, `.html`/`.htm` → html, else text. */
export function formatOfFile(name: string): DocumentFormat {
  if (/\.(md|markdown)$/i.test(name)) return 'md'
  if (/\.html?$/i.test(name)) return 'html'
  return 'text'
}

/** The format a media type says, or undefined for one that names no document. */
export function formatOfMediaType(type: string | undefined): DocumentFormat | undefined {
  const t = (type ?? '').split(';')[0]?.trim().toLowerCase()
  if (t === 'text/markdown' || t === 'text/x-markdown') return 'md'
  if (t === 'text/html' || t === 'application/xhtml+xml') return 'html'
  if (t === 'text/plain') return 'text'
  return undefined
}
