/**
 * Reading and writing XML safely. Reading goes through saxes, a strict SAX parser that never
 * reads a DTD: we refuse any DOCTYPE outright, so no external entity is resolved, nothing is
 * fetched and no entity can expand (billion laughs). Size and depth are limited too.
 */
import { SaxesParser } from 'saxes'
import { InvalidInput } from '../model/errors.js'

/** An element of the tree parseXml builds: namespace URI, local name, attributes, children. */
export interface XmlElement {
  uri: string
  name: string
  /** Attributes by qualified name as written (`state`, `xml:lang`). */
  attrs: Record<string, string>
  children: XmlNode[]
  /** 1-based line of the start tag, for error messages. */
  line: number
}

export type XmlNode = XmlElement | string

/** Limits for parseXml. */
export interface XmlLimits {
  /** Largest document in UTF-16 code units (about bytes for Latin text). */
  maxChars: number
  /** Deepest element nesting. */
  maxDepth: number
}

/** Options of parseXml. */
export interface ParseXmlOptions {
  /**
   * Accept a DOCTYPE that only names its DTD (`<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`),
   * as TBX files write; the DTD is never fetched. A DOCTYPE with an internal subset is refused.
   */
  namedDtd?: boolean
}

// A root name, then optionally SYSTEM "uri" or PUBLIC "id" "uri": nothing else.
const QUOTED = `(?:"[^"]*"|'[^']*')`
const NAMED_DTD = new RegExp(`^\\s*[A-Za-z_][\\w.:-]*(?:\\s+(?:SYSTEM\\s+${QUOTED}|PUBLIC\\s+${QUOTED}\\s+${QUOTED}))?\\s*$`)

/** 64 Mi characters and 64 levels: a 10,000-unit XLIFF is about 5 MB and 6 levels deep. */
export const DEFAULT_XML_LIMITS: XmlLimits = { maxChars: 64 << 20, maxDepth: 64 }

/**
 * Parse `text` into an element tree, or throw InvalidInput naming `name` and the line.
 * Comments and processing instructions are dropped; CDATA becomes text.
 */
export function parseXml(
  text: string,
  name: string,
  limits: XmlLimits = DEFAULT_XML_LIMITS,
  opts: ParseXmlOptions = {},
): XmlElement {
  if (text.length > limits.maxChars) {
    throw new InvalidInput(
      `${name} is larger than ${limits.maxChars} characters; split it`,
      'file-too-large',
    )
  }
  const parser = new SaxesParser({ xmlns: true, position: true })
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  const fail = (why: string): never => {
    throw new InvalidInput(`${name}: line ${parser.line}: ${why}`, 'malformed-xml')
  }
  parser.on('error', (err) => {
    // saxes writes `[file:]line:column: message`; say it our way.
    const m = /^(?:.*?:)?(\d+):(\d+): (.*)$/s.exec(err.message)
    if (!m) fail(err.message)
    throw new InvalidInput(
      `${name}: line ${m?.[1]}, column ${Number(m?.[2]) + 1}: ${m?.[3]}`,
      'malformed-xml',
    )
  })
  parser.on('doctype', (doctype) => {
    // saxes never reads a DTD; one that is only named is harmless. An internal subset could declare entities.
    if (opts.namedDtd && NAMED_DTD.test(doctype)) return
    fail(
      opts.namedDtd
        ? 'a DOCTYPE may only name its DTD (entity declarations could read files or expand without end); remove the [ … ] part'
        : 'a DOCTYPE is not accepted (its entities could read files or expand without end); remove it',
    )
  })
  parser.on('opentag', (tag) => {
    if (stack.length >= limits.maxDepth) fail(`elements nest deeper than ${limits.maxDepth} levels`)
    const attrs: Record<string, string> = {}
    for (const [qname, a] of Object.entries(tag.attributes)) attrs[qname] = a.value
    const el: XmlElement = { uri: tag.uri, name: tag.local, attrs, children: [], line: parser.line }
    const parent = stack[stack.length - 1]
    if (parent) parent.children.push(el)
    else root = el
    stack.push(el)
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  const addText = (t: string) => {
    const parent = stack[stack.length - 1]
    if (parent) parent.children.push(t)
  }
  parser.on('text', addText)
  parser.on('cdata', addText)
  try {
    parser.write(text).close()
  } catch (err) {
    if (err instanceof InvalidInput) throw err
    fail((err as Error).message)
  }
  if (!root) fail('no root element')
  return root as XmlElement
}

/** Child elements of `el`, optionally only those with local name `name`. */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = []
  for (const c of el.children)
    if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c)
  return out
}

/** The first child element named `name`, if any. */
export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c
  return undefined
}

/** All text inside `el`, depth first (inline markup contributes its text). */
export function textContent(el: XmlElement): string {
  let out = ''
  for (const c of el.children) out += typeof c === 'string' ? c : textContent(c)
  return out
}

// XML 1.0 cannot carry C0 controls other than tab, LF and CR, nor U+FFFE/U+FFFF, even escaped.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/

/** Whether `s` holds a character XML 1.0 cannot carry. */
export function hasNonXmlChar(s: string): boolean {
  return NOT_XML_CHAR.test(s)
}

// The C0 controls the text rule refuses: texts stored before the rule (schema 14 lists them).
const RULE_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/

/**
 * InvalidInput (400, exit 2) for a stored text, of unit `unitId`, that no XML export may carry:
 * a control character the text rule refuses, stored before the rule was enforced.
 */
export function refuseControl(s: string, unitId: string): void {
  if (!RULE_CONTROL.test(s)) return
  throw new InvalidInput(
    `unit ${unitId} holds a control character that XML 1.0 cannot carry and the text rule refuses (stored before the rule; tolk text-faults lists such texts): fix the text in the editor, or export it as po`,
    'unexportable-character',
  )
}

/**
 * Escape text content. CR becomes `&#13;` because parsers turn a raw CR (and CRLF) into LF, and
 * stored texts keep their line ends byte for byte.
 */
export function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;',
  )
}

/** Escape an attribute value (double-quoted); tab and line ends as references so they survive. */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`)
}

/**
 * The one `<file>` of an XLIFF document (1.2 or 2.0: Tolk writes one article per file) and the
 * article id in its `original`, or InvalidInput naming what is missing.
 */
export function xliffArticleFile(root: XmlElement, name: string): { file: XmlElement; articleId: string } {
  const files = childElements(root, 'file')
  if (files.length !== 1) {
    throw new InvalidInput(`${name}: expected one <file> (one article), found ${files.length}`, 'malformed-xliff')
  }
  const file = files[0] as XmlElement
  const articleId = file.attrs.original
  if (!articleId) throw new InvalidInput(`${name}: <file> has no original (the article id)`, 'malformed-xliff')
  return { file, articleId }
}

/**
 * Every `<file>` of an XLIFF document and an article id: with `anyFile`, any number of files (at
 * least one) and the first `original`, else the document's name; otherwise xliffArticleFile's one.
 */
export function xliffFiles(root: XmlElement, name: string, anyFile: boolean | undefined): { files: XmlElement[]; articleId: string } {
  if (!anyFile) {
    const { file, articleId } = xliffArticleFile(root, name)
    return { files: [file], articleId }
  }
  const files = childElements(root, 'file')
  if (files.length === 0) throw new InvalidInput(`${name}: line ${root.line}: no <file> element`, 'malformed-xliff')
  return { files, articleId: files[0]?.attrs.original || name }
}
