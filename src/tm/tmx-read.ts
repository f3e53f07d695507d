/**
 * A streaming TMX 1.4b reader: the file is read in 1 MiB chunks and handed to saxes, a strict SAX
 * parser that never reads a DTD, so memory stays bounded whatever the file's size, and each
 * translation unit is handed on as soon as it closes. Synchronous on purpose: the whole import
 * then runs inside one SQLite transaction, and a file that turns out malformed halfway writes
 * nothing.
 */
import fs from 'node:fs'
import { TextDecoder } from 'node:util'
import { SaxesParser } from 'saxes'
import { InvalidInput } from '../model/errors.js'
import { parseLanguage, printable } from '../model/tags.js'
import { isCode, taggedVariants, type SegRead } from '../formats/inline-read.js'

/** One `<tu>`: its source language and every variant's language and text. */
export interface TmxUnit {
  /** The source language: the unit's `srclang`, else the header's (may be `*all*`). */
  srcLang: string
  variants: Array<{ lang: string; text: string }>
  changeId?: string
  changeDate?: string
  /** `<prop type="…">` values, last one wins. */
  props: Record<string, string>
  /** 1-based line of the `<tu>` start tag, for messages. */
  line: number
}

/** Options of readTmx. */
export interface TmxReadOptions {
  /** Tags to fold (canonical → canonical), as `tolk tm import --map en-US=en` gives them. */
  map?: Readonly<Record<string, string>>
}

/** Trados's own tags for written Chinese, from before BCP 47 had scripts. */
const LEGACY_TAGS: Record<string, string> = { 'zh-chs': 'zh-Hans', 'zh-cht': 'zh-Hant' }

/** A TMX tag as Tolk keeps it (canonical BCP 47), or undefined when it names no language. */
export function usableTag(raw: string): string | undefined {
  const legacy = LEGACY_TAGS[raw.toLowerCase()]
  if (legacy) return legacy
  try {
    return parseLanguage(raw)
  } catch {
    return undefined
  }
}

/** Limits that keep one malicious unit from taking the memory the streaming saves. */
export const TMX_LIMITS = { maxSegChars: 100_000, maxDepth: 32, chunkBytes: 1 << 20 } as const

// Inline elements whose text is part of the segment (codes and highlighted text); <sub> holds
// a sub-flow (e.g. an alt text) that is not, and is dropped.
const SKIP_IN_SEG = new Set(['sub'])

/**
 * Read `file`, calling `onUnit` for each translation unit, and return the header's source
 * language. Throws InvalidInput naming the line when the file is not well-formed, not UTF-8/16,
 * or not TMX.
 */
export function readTmx(file: string, onUnit: (tu: TmxUnit) => void, name = file, opts: TmxReadOptions = {}): string {
  const parser = new SaxesParser({ position: true })
  const langs = new Map<string, string | undefined>()
  /** A tag as Tolk keeps it (canonical, Trados's legacy tags read, `--map` applied), or undefined when it names no language. */
  const lang = (raw: string): string | undefined => {
    if (langs.has(raw)) return langs.get(raw)
    const l = usableTag(raw)
    const mapped = l === undefined ? undefined : (opts.map?.[l] ?? l)
    langs.set(raw, mapped)
    return mapped
  }
  const fail = (why: string): never => {
    throw new InvalidInput(`${name}: line ${parser.line}: ${why}`, 'invalid-tmx')
  }
  const path: string[] = []
  let headerSrc: string | undefined
  let sawBody = false
  let tu: TmxUnit | undefined
  let tuvLang: string | undefined
  let seg: string | undefined
  let segRead: SegRead | undefined
  let segs: SegRead[] = []
  let skipDepth = 0
  let propType: string | undefined
  let propText = ''
  let units = 0
  let usable = 0
  let badTag: string | undefined
  let firstBad: { tag: string; line: number } | undefined

  parser.on('error', (err) => {
    const m = /^(?:.*?:)?(\d+):(\d+): (.*)$/s.exec(err.message)
    throw new InvalidInput(
      m ? `${name}: line ${m[1]}, column ${Number(m[2]) + 1}: ${m[3]}` : `${name}: ${err.message}`,
      'malformed-xml',
    )
  })
  parser.on('opentag', (tag) => {
    const el = tag.name
    const parent = path[path.length - 1]
    path.push(el)
    if (path.length > TMX_LIMITS.maxDepth) fail(`elements nest deeper than ${TMX_LIMITS.maxDepth} levels`)
    const attr = (n: string): string | undefined => {
      const v = tag.attributes[n]
      return typeof v === 'string' ? v : v?.value
    }
    if (path.length === 1) {
      if (el !== 'tmx') fail(`the root element is <${printable(el)}>, not <tmx>: this is not a TMX file`)
      return
    }
    if (seg !== undefined) {
      if (skipDepth > 0 || SKIP_IN_SEG.has(el)) skipDepth++
      else if (isCode(el) && segRead) {
        // A code: its place in the text; its content is the native code, not text.
        const attrs: Record<string, string> = {}
        for (const [k, v] of Object.entries(tag.attributes)) attrs[k] = typeof v === 'string' ? v : v.value
        segRead.parts.push({ name: el, attrs })
        segRead.codes++
        skipDepth++
      }
      return
    }
    if (el === 'header' && parent === 'tmx') {
      const src = attr('srclang')
      if (src === undefined) fail('<header> has no srclang')
      // `*all*` (or a tag naming no language): each unit's srclang, else --source-lang, says it.
      headerSrc = src === '*all*' ? src : (lang(src!) ?? '*all*')
    } else if (el === 'body' && parent === 'tmx') {
      if (headerSrc === undefined) fail('<body> comes before a <header> with srclang')
      sawBody = true
    } else if (el === 'tu' && parent === 'body') {
      const src = attr('srclang')
      const srcLang = src === undefined || src === '*all*' ? (src ?? headerSrc!) : lang(src)
      tu = { srcLang: srcLang ?? '*all*', variants: [], props: {}, line: parser.line }
      segs = []
      badTag = srcLang === undefined ? src : undefined
      const changeId = attr('changeid')
      const changeDate = attr('changedate') ?? attr('creationdate')
      if (changeId) tu.changeId = changeId
      if (changeDate) tu.changeDate = changeDate
    } else if (el === 'tuv' && parent === 'tu') {
      const l = attr('xml:lang') ?? attr('lang')
      if (l === undefined) fail('<tuv> has no xml:lang')
      // `*all*` belongs to srclang only; a variant in it, or in no language, spoils its unit.
      const tag = l === '*all*' ? undefined : lang(l!)
      if (tag === undefined) badTag ??= l
      tuvLang = tag ?? ''
    } else if (el === 'seg' && parent === 'tuv') {
      seg = ''
      segRead = { lang: tuvLang ?? '', raw: '', parts: [], codes: 0 }
    } else if (el === 'prop' && parent === 'tu') {
      propType = attr('type') ?? ''
      propText = ''
    }
  })
  const onText = (t: string) => {
    if (seg !== undefined) {
      if (skipDepth === 0) {
        seg += t
        if (segRead) {
          segRead.raw += t
          const last = segRead.parts.length - 1
          if (typeof segRead.parts[last] === 'string') segRead.parts[last] += t
          else segRead.parts.push(t)
        }
      }
      if (seg.length > TMX_LIMITS.maxSegChars) fail(`a <seg> is longer than ${TMX_LIMITS.maxSegChars} characters`)
    } else if (propType !== undefined) {
      propText += t
      if (propText.length > TMX_LIMITS.maxSegChars) fail('a <prop> is too long')
    }
  }
  parser.on('text', onText)
  parser.on('cdata', onText)
  parser.on('closetag', (tag) => {
    path.pop()
    const el = tag.name
    if (seg !== undefined) {
      if (skipDepth > 0) {
        skipDepth--
        return
      }
      if (el !== 'seg') return
      if (tu && tuvLang !== undefined && segRead) segs.push(segRead)
      seg = undefined
      segRead = undefined
    } else if (el === 'prop' && propType !== undefined) {
      if (tu) tu.props[propType] = propText
      propType = undefined
    } else if (el === 'tuv') {
      tuvLang = undefined
    } else if (el === 'tu' && tu) {
      const done = tu
      tu = undefined
      units++
      // A unit with an unusable tag goes on without variants: the importer skips and counts it.
      if (badTag === undefined) {
        usable++
        done.variants = taggedVariants(segs, done.srcLang)
      } else firstBad ??= { tag: badTag, line: done.line }
      badTag = undefined
      segs = []
      onUnit(done)
    }
  })

  const fd = openOrThrow(file, name)
  try {
    const buf = Buffer.allocUnsafe(TMX_LIMITS.chunkBytes)
    let decoder: TextDecoder | undefined
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null)
      if (n === 0) break
      const bytes = buf.subarray(0, n)
      decoder ??= new TextDecoder(encodingOf(bytes), { fatal: true })
      let text: string
      try {
        text = decoder.decode(bytes, { stream: true })
      } catch {
        throw new InvalidInput(`${name}: is not valid UTF-8 (or UTF-16 with a byte order mark)`, 'invalid-utf8')
      }
      parser.write(text)
    }
    parser.close()
  } finally {
    fs.closeSync(fd)
  }
  if (headerSrc === undefined || !sawBody) {
    throw new InvalidInput(`${name}: a TMX file needs a <header srclang="…"> and a <body>`, 'invalid-tmx')
  }
  if (units > 0 && usable === 0 && firstBad) {
    throw new InvalidInput(
      `${name}: no unit in the file is usable: each has a language tag Tolk cannot use (the first, "${printable(firstBad.tag)}" on line ${firstBad.line}); *all* is meant for srclang only, and --map FROM=TO does not rename a tag that names no language`,
      'invalid-tmx',
    )
  }
  return headerSrc
}

function openOrThrow(file: string, name: string): number {
  try {
    return fs.openSync(file, 'r')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new InvalidInput(`${name}: cannot read it (${code ?? 'error'})`, 'unreadable-file')
  }
}

/** UTF-16 with a byte order mark (the TMX spec's suggestion), else UTF-8. */
function encodingOf(first: Uint8Array): string {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le'
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be'
  return 'utf-8'
}
