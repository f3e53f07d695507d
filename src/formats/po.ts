/**
 * Gettext PO: one entry per unit, the unit id as `msgctxt` (so equal sentences stay apart), stale
 * and rejected as `#, fuzzy`, the version at export as an extracted comment `#. tolk-version: N` (which Poedit
 * and msgmerge keep). The article id travels in the `X-Tolk-Article` header. `msgfmt -c` accepts
 * it.
 */
import { InvalidInput } from '../model/errors.js'
import { VERSION_LINE } from './notes.js'
import { textDecoder } from './windows-1252.js'
import {
  isTranslated,
  needsWork,
  writeWhole,
  type ExportData,
  type ExportedFile,
  type ExportFormatWriter,
  type FileUnit,
  type ReadOptions,
  type TranslationFile,
} from './types.js'

/** PO a piece at a time: the header entry, then one entry per unit. */
export const PO_WRITER: ExportFormatWriter = {
  mediaType: 'text/x-gettext-translation; charset=utf-8',
  extension: 'po',
  start(data) {
    const { article, lang } = data
    const date = poDate(data.exportedAt)
    const header = [
      `Project-Id-Version: ${article.id}`,
      `POT-Creation-Date: ${date}`,
      `PO-Revision-Date: ${date}`,
      'Last-Translator: Tolk',
      `Language-Team: ${lang}`,
      `Language: ${lang}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
      'X-Generator: Tolk',
      `X-Tolk-Article: ${article.id}`,
      `X-Tolk-Source-Language: ${article.lang}`,
    ]
    const head = [
      `# ${article.title || article.id}: ${article.lang} → ${lang}, exported by Tolk.`,
      'msgid ""',
      'msgstr ""',
      ...header.map((h) => quote(`${h}\n`)),
    ]
    return {
      head: head.join('\n'),
      unit({ unit, translation: t }) {
        const done = isTranslated(t)
        const out = ['', '', `#. tag: ${unit.tag}, position: ${unit.position}`, `#. tolk-version: ${t.version}`]
        out.push(`#: ${article.id}:${unit.position}`)
        if (done && needsWork(t)) out.push('#, fuzzy')
        out.push(
          `msgctxt ${quote(unit.id)}`,
          ...poString('msgid', unit.source),
          ...poString('msgstr', done ? t.text : ''),
        )
        return out.join('\n')
      },
      end: () => '\n',
    }
  },
}

/** Write an article's units and translations as a PO file. */
export function writePo(data: ExportData): ExportedFile {
  return writeWhole(PO_WRITER, data)
}

/** `keyword "…"`, or `keyword ""` and one line per text line when the text has line breaks. */
function poString(keyword: string, s: string): string[] {
  if (!s.includes('\n')) return [`${keyword} ${quote(s)}`]
  const parts = s.split(/(?<=\n)/)
  return [`${keyword} ""`, ...parts.map(quote)]
}

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
}

function quote(s: string): string {
  const body = s.replace(
    /[\\"\n\t\r\u0000-\u001F\u007F]/g,
    (c) => ESCAPES[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`,
  )
  return `"${body}"`
}

/** PO dates: `2026-11-25 15:55+0000`. */
function poDate(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}+0000`
}

interface Entry {
  comments: string[]
  flags: Set<string>
  fields: Map<string, string>
  line: number
}

/**
 * Read a PO file as Poedit or msgmerge writes it: comments, flags, `msgctxt`, `msgid`, `msgstr`,
 * continuation lines; obsolete (`#~`) entries are skipped. Throws InvalidInput with a line number.
 */
export function readPo(text: string, name: string, opts: ReadOptions = {}): TranslationFile {
  const entries = parseEntries(text, name, escapedBytesDecoder(text, name))
  const header = entries.find((e) => !e.fields.has('msgctxt') && e.fields.get('msgid') === '')
  const headers = new Map<string, string>()
  for (const line of (header?.fields.get('msgstr') ?? '').split('\n')) {
    const cut = line.indexOf(':')
    if (cut > 0) headers.set(line.slice(0, cut).trim().toLowerCase(), line.slice(cut + 1).trim())
  }
  const articleId = headers.get('x-tolk-article') ?? (opts.anyFile ? name : undefined)
  // Half of real PO files have no Language header: the caller's --target-lang, else a file name
  // such as sv.po or pt_BR.po, says it (what msgfmt and Poedit go by too).
  const lang = headers.get('language') || opts.targetLang || langOfFileName(name)
  if (!articleId)
    throw new InvalidInput(
      `${name}: the header has no X-Tolk-Article (the article id); export the file with tolk export`,
      'malformed-po',
    )
  if (!lang) {
    throw new InvalidInput(`${name}: the header has no Language, and the file name (such as sv.po) names none: give --target-lang`, 'malformed-po')
  }
  const nplurals = opts.anyFile ? pluralCount(headers.get('plural-forms'), name) : 0
  const units: FileUnit[] = []
  for (const e of entries) {
    if (e === header) continue
    const id = e.fields.get('msgctxt') ?? (opts.anyFile ? e.fields.get('msgid') : undefined)
    if (id === undefined)
      throw new InvalidInput(
        `${name}: line ${e.line}: an entry without msgctxt (the unit id)`,
        'malformed-po',
      )
    if (e.fields.has('msgid_plural') && !opts.anyFile)
      throw new InvalidInput(
        `${name}: line ${e.line}: plural entries do not belong to an article`,
        'malformed-po',
      )
    let version: number | undefined
    for (const c of e.comments) {
      const m = VERSION_LINE.exec(c)
      if (m) version = Number(m[1])
    }
    const msgstr = e.fields.get('msgstr') ?? ''
    const fuzzy = e.flags.has('fuzzy')
    units.push({
      unitId: id,
      source: e.fields.get('msgid') ?? '',
      text: msgstr === '' ? undefined : msgstr,
      // PO says only done or fuzzy. Fuzzy after an edit is a draft: Poedit clears it on an edit.
      state: fuzzy ? 'initial' : undefined,
      needsReview: fuzzy,
      version,
      line: e.line,
      ...(e.fields.has('msgid_plural') ? { plural: pluralOf(e, nplurals) } : {}),
    })
  }
  const sourceLang = headers.get('x-tolk-source-language')
  return { format: 'po', articleId, lang: lang.replace(/_/g, '-'), ...(sourceLang ? { sourceLang } : {}), units }
}

/**
 * How many plural forms the file's language has: `nplurals` of the header's Plural-Forms, or
 * gettext's default of two without one. A header that names no count 1–6 exits 2.
 */
function pluralCount(header: string | undefined, name: string): number {
  if (header === undefined) return 2
  const m = /(?:^|;)\s*nplurals\s*=\s*(\d+)\s*(?:;|$)/.exec(header)
  const n = m ? Number(m[1]) : NaN
  if (!(n >= 1 && n <= 6)) throw new InvalidInput(`${name}: the header's Plural-Forms "${header}" has no nplurals=N (1 to 6)`, 'malformed-po')
  return n
}

/** A plural entry's msgid_plural and its msgstr[0] … msgstr[nplurals - 1], '' where one is absent. */
function pluralOf(e: Entry, nplurals: number): { source: string; forms: string[] } {
  const forms: string[] = []
  for (let i = 0; i < nplurals; i++) forms.push(e.fields.get(i === 0 ? 'msgstr' : `msgstr[${i}]`) ?? '')
  return { source: e.fields.get('msgid_plural') ?? '', forms }
}

// The string may start on the next line: `msgstr` alone, then `"…"` lines (valid gettext).
const KEYWORD = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?:\s+(".*"))?\s*$/s

/** Decodes a run of `\ooo` / `\xhh` escapes: bytes of the file's charset, as gettext reads them. */
type BytesDecoder = (bytes: number[], line: number) => string

function parseEntries(text: string, name: string, decodeBytes: BytesDecoder): Entry[] {
  const entries: Entry[] = []
  let cur: Entry | undefined
  let field: string | undefined
  const fresh = (line: number): Entry => ({
    comments: [],
    flags: new Set(),
    fields: new Map(),
    line,
  })
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim()
    const n = i + 1
    if (line === '' || line.startsWith('#~')) {
      if (line === '') field = undefined
      continue
    }
    if (line.startsWith('#')) {
      // A comment after the strings starts the next entry.
      if (!cur || cur.fields.size > 0) entries.push((cur = fresh(n)))
      field = undefined
      if (line.startsWith('#,')) for (const f of line.slice(2).split(',')) cur.flags.add(f.trim())
      else if (line.startsWith('#.')) cur.comments.push(line.slice(2))
      continue
    }
    const m = KEYWORD.exec(line)
    if (m) {
      const key = m[1] as string
      const starts = key === 'msgctxt' || (key === 'msgid' && !cur?.fields.has('msgctxt'))
      if (!cur || (starts && cur.fields.has('msgid'))) entries.push((cur = fresh(n)))
      field = key === 'msgstr[0]' ? 'msgstr' : key
      if (cur.fields.has(field))
        throw new InvalidInput(`${name}: line ${n}: ${key} twice in one entry`, 'malformed-po')
      cur.fields.set(field, m[2] === undefined ? '' : unquote(m[2], name, n, decodeBytes))
      continue
    }
    if (line.startsWith('"') && cur && field) {
      cur.fields.set(field, (cur.fields.get(field) ?? '') + unquote(line, name, n, decodeBytes))
      continue
    }
    throw new InvalidInput(
      `${name}: line ${n}: cannot read "${line.slice(0, 40)}" as PO`,
      'malformed-po',
    )
  }
  return entries
}

const UNESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\u0007',
  b: '\b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  '"': '"',
  '?': '?',
  "'": "'",
}

function unquote(q: string, name: string, line: number, decodeBytes: BytesDecoder): string {
  if (q.length < 2 || !q.startsWith('"') || !q.endsWith('"'))
    throw new InvalidInput(`${name}: line ${line}: unterminated string`, 'malformed-po')
  const body = q.slice(1, -1)
  // A run of byte escapes is one piece of text (`R\303\244d`: two bytes, one ä), decoded whole.
  return body.replace(
    /(?:\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}))+|\\(.)|"/gs,
    (all: string, c?: string) => {
      if (all === '"')
        throw new InvalidInput(
          `${name}: line ${line}: an unescaped quote inside a string`,
          'malformed-po',
        )
      if (c === undefined) {
        const bytes = [...all.matchAll(/\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2}))/g)].map((m) =>
          m[1] !== undefined ? Number.parseInt(m[1], 8) & 0xff : Number.parseInt(m[2] as string, 16),
        )
        return decodeBytes(bytes, line)
      }
      const u = UNESCAPES[c]
      if (u === undefined)
        throw new InvalidInput(`${name}: line ${line}: unknown escape \\${c}`, 'malformed-po')
      return u
    },
  )
}

/**
 * The decoder of escaped bytes for a file: its header's charset (UTF-8 when it names none or the
 * template placeholder CHARSET), strict, so bytes that are no text are refused by line.
 */
function escapedBytesDecoder(text: string, name: string): BytesDecoder {
  const declared = /^"Content-Type:[^"]*charset=([A-Za-z0-9._:-]+)/im.exec(text.slice(0, 4096))?.[1]
  const label = declared && declared.toUpperCase() !== 'CHARSET' ? declared : 'utf-8'
  let decoder: ReturnType<typeof textDecoder>
  try {
    decoder = textDecoder(label)
  } catch {
    decoder = textDecoder('utf-8')
  }
  return (bytes, line) => {
    try {
      return decoder.decode(new Uint8Array(bytes))
    } catch {
      const shown = decoder.encoding === 'utf-8' ? 'UTF-8' : label
      throw new InvalidInput(`${name}: line ${line}: escaped bytes that are not valid ${shown}`, 'malformed-po')
    }
  }
}

/** `sv.po`, `sv_SE.po`, `pt-BR.po`, `de/LC_MESSAGES/x.po` → a BCP 47 tag, else undefined. */
function langOfFileName(name: string): string | undefined {
  const base = name.split(/[\\/]/).pop() ?? ''
  const m = /^([a-z]{2,3})(?:[_-]([A-Za-z]{2}|[0-9]{3}|[A-Z][a-z]{3}))?\.po$/.exec(base)
  if (!m) return undefined
  return m[2] ? `${m[1]}-${m[2]}` : m[1]
}
