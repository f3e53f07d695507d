import { basename, extname } from 'node:path'
import { InvalidInput } from '../../model/errors.js'
import { checkId, isValidId, tagFromArticleId } from '../../model/ids.js'
import { parseLanguage, parseTag, type ParsedTag } from '../../model/tags.js'
import { formatOfFile } from '../../documents/formats.js'
import { segmentArticle } from '../../segment/segment-article.js'
import { segmentText } from '../../segment/segment-text.js'
import { isSpace } from '../../segment/chars.js'
import { StreamSegmenter } from '../../segment/segment-stream.js'
import { decodeChunks, decodeText } from '../../model/utf8.js'
import { readInputChunks, readStdinBytes, readTextInput } from '../input.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { resolveTextLanguage } from '../../segment/resolve-language.js'

export const HELP = `Usage: tolk segment [--lang xx] [--id ARTICLE] [--tag TAG] [--json] [FILE]
       tolk segment --jsonl [--lang xx] < lines.jsonl

Split text into translation units. Reads FILE, or standard input when FILE is absent or "-".
A .md/.markdown or .html/.htm FILE is read as Markdown or HTML, as tolk import reads it: block
syntax left out, inline markup as codes (⟦1⟧…⟦/1⟧, ⟦2/⟧).

Output:
  (default)      one unit per line; a unit's inner line breaks are printed as spaces
  --json         the full units as a JSON array (id, articleId, tag, lang, position, block,
                 kind, source, trailing, words), exactly
  --jsonl        read one JSON object per line, {"text": "...", "lang": "en"}, and write for each
                 exactly one line: a JSON array of the unit texts in order ("lang" may be left
                 out: then --lang, else detection). A malformed line stops the run with exit 2.

Options:
  --lang xx      text language (BCP 47); default: detected from the text
  --id ARTICLE   article id for unit ids (default: FILE's name without extension, else "stdin")
  --tag TAG      collection tag such as sv-general (default: from the article id)
  -h, --help     this help

Exit status: 0 ok (empty input gives no units), 2 bad usage or input (invalid UTF-8, malformed
JSON line, unknown language tag).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    lang: { type: 'string' },
    id: { type: 'string' },
    tag: { type: 'string' },
    json: { type: 'boolean' },
    jsonl: { type: 'boolean' },
  })
  if (positionals.length > 1) throw new UsageError('give at most one FILE; see --help')
  const givenLang = values.lang === undefined ? undefined : parseLanguage(values.lang)
  if (values.jsonl) {
    if (values.json || positionals.length > 0) throw new UsageError('--jsonl reads standard input only and cannot be combined with --json or FILE')
    return runJsonLines(givenLang)
  }

  const file = positionals[0]
  const articleId = values.id !== undefined ? checkId(values.id, 'article id') : defaultArticleId(file)
  const tag = values.tag !== undefined ? parseTag(values.tag) : impliedTag(articleId)
  const format = file === undefined || file === '-' ? 'text' : formatOfFile(file)
  if (format !== 'text') {
    // A Markdown or HTML file: its units as an import makes them (tagged text, block syntax left out).
    const text = await readTextInput(file)
    const { lang, warnings } = await resolveTextLanguage(text, givenLang, tag?.language)
    warn(warnings)
    // Loaded only here: the Markdown and HTML parsers are most of what the CLI could load.
    const { segmentDocument } = await import('../../documents/index.js')
    const { units } = segmentDocument(text, format, { articleId, tag: tag?.tag ?? '', lang })
    await writeOut(values.json ? `${JSON.stringify(units, null, 2)}\n` : units.map((u) => `${flatten(u.source)}\n`).join(''))
    return 0
  }
  if (values.json) {
    const text = await readTextInput(file)
    const { lang, warnings } = await resolveTextLanguage(text, givenLang, tag?.language)
    warn(warnings)
    const { units } = segmentArticle(text, { articleId, tag: tag?.tag ?? '', lang })
    await writeOut(`${JSON.stringify(units, null, 2)}\n`)
    return 0
  }
  await listUnits(file, givenLang, tag?.language)
  return 0
}

function warn(warnings: readonly { message: string }[]): void {
  for (const w of warnings) process.stderr.write(`tolk segment: warning: ${w.message}\n`)
}

/**
 * The plain listing, streamed: text is read in 256 KiB chunks, decoded and segmented window by
 * window (segment-stream.ts), so memory stays flat however long the input, and the lines equal
 * the whole text's. The language is detected from the first 4 Ki characters, which hold all the
 * detector reads. Bad UTF-8 past the first window stops the run with exit 2 after the units
 * before it are printed.
 */
async function listUnits(file: string | undefined, givenLang: string | undefined, tagLanguage: string | undefined): Promise<void> {
  const name = file === undefined || file === '-' ? 'standard input' : file
  const texts = decodeChunks(readInputChunks(file, 1 << 18), name)
  let seg: StreamSegmenter | undefined
  let head = ''
  const out = new LineWriter()
  for await (const text of texts) {
    if (seg === undefined) {
      head += text
      if (head.length < DETECT_SAMPLE) continue
      seg = await startSegmenter(head, givenLang, tagLanguage)
      await out.write(seg.push(head))
      head = ''
    } else {
      await out.write(seg.push(text))
    }
  }
  seg ??= await startSegmenter(head, givenLang, tagLanguage)
  await out.write(seg.push(head))
  await out.write(seg.end())
  await out.flush()
}

// More than the language detector reads (detect-language.ts reads the first 1,024 characters).
const DETECT_SAMPLE = 4096

async function startSegmenter(head: string, givenLang: string | undefined, tagLanguage: string | undefined): Promise<StreamSegmenter> {
  const { lang, warnings } = await resolveTextLanguage(head, givenLang, tagLanguage)
  warn(warnings)
  return new StreamSegmenter(lang)
}

/** The tag an id such as `sv-general-01` implies, or none when the id implies no valid tag. */
function impliedTag(articleId: string): ParsedTag | undefined {
  const text = tagFromArticleId(articleId)
  if (text === undefined) return undefined
  try {
    return parseTag(text)
  } catch {
    return undefined
  }
}

function defaultArticleId(file: string | undefined): string {
  if (file === undefined || file === '-') return 'stdin'
  const name = basename(file, extname(file))
  // Any file may be segmented: a name that is no valid id just gives the units a neutral one.
  return isValidId(name) ? name : 'article'
}

/**
 * `line` with each run of white space that holds a line break as one space (what
 * `line.replace(/\s*[\r\n]+\s*\/g, ' ')` gives, without a regex that tries every space of a
 * hard-wrapped paragraph as the start of a match).
 */
export function flatten(line: string): string {
  let b = nextBreak(line, 0)
  if (b < 0) return line
  let out = ''
  let last = 0
  while (b >= 0) {
    let s = b
    while (s > last && isSpace(line.charCodeAt(s - 1))) s--
    let e = b + 1
    while (e < line.length && isSpace(line.charCodeAt(e))) e++
    out += `${line.slice(last, s)} `
    last = e
    b = nextBreak(line, e)
  }
  return out + line.slice(last)
}

function nextBreak(line: string, from: number): number {
  const n = line.indexOf('\n', from)
  const r = line.indexOf('\r', from)
  return n < 0 ? r : r < 0 ? n : Math.min(n, r)
}

/** Bytes of output gathered before a write. */
const OUT_CHUNK = 1 << 20

/**
 * Unit texts out one per line, inner line breaks as spaces, in writes of about 1 MB. Each line is
 * encoded straight into the output buffer: joining the lines into one string first, and
 * encoding that, went through every character twice.
 */
class LineWriter {
  private buffer = Buffer.allocUnsafe(OUT_CHUNK * 2)
  private used = 0

  async write(units: readonly string[]): Promise<void> {
    for (const line of units) {
      const flat = flatten(line)
      // At most 3 bytes per UTF-16 code unit, and the line feed.
      const most = flat.length * 3 + 1
      if (this.used + most > this.buffer.length) {
        await this.flush()
        if (most > this.buffer.length) this.buffer = Buffer.allocUnsafe(most)
      }
      this.used += this.buffer.write(flat, this.used)
      this.buffer[this.used++] = 10
      if (this.used > OUT_CHUNK) await this.flush()
    }
  }

  async flush(): Promise<void> {
    if (this.used === 0) return
    const out = this.buffer.subarray(0, this.used)
    this.buffer = Buffer.allocUnsafe(Math.max(OUT_CHUNK * 2, this.buffer.length))
    this.used = 0
    await writeOut(out)
  }
}

async function runJsonLines(givenLang: string | undefined): Promise<number> {
  const input = decodeText(await readStdinBytes(), 'standard input')
  const lines = input.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  const out: string[] = []
  for (const [i, raw] of lines.entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    const { text, lang } = parseJsonLine(line, i + 1)
    const chosen = lang ?? givenLang ?? (await resolveTextLanguage(text, undefined, undefined)).lang
    out.push(JSON.stringify(segmentText(text, chosen).map((s) => text.slice(s.start, s.end))))
  }
  if (out.length > 0) await writeOut(`${out.join('\n')}\n`)
  return 0
}

function parseJsonLine(line: string, n: number): { text: string; lang: string | undefined } {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    throw new InvalidInput(`line ${n}: not valid JSON; each line must be {"text": "...", "lang": "en"}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidInput(`line ${n}: expected a JSON object {"text": "...", "lang": "en"}`)
  }
  const { text, lang } = value as { text?: unknown; lang?: unknown }
  if (typeof text !== 'string') throw new InvalidInput(`line ${n}: "text" must be a string`)
  if (lang !== undefined && typeof lang !== 'string') throw new InvalidInput(`line ${n}: "lang" must be a string`)
  let parsedLang: string | undefined
  try {
    parsedLang = lang === undefined ? undefined : parseLanguage(lang)
  } catch (err) {
    throw new InvalidInput(`line ${n}: ${(err as Error).message}`)
  }
  return { text, lang: parsedLang }
}
