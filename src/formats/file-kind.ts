/**
 * What kind of file a user handed over, told from its first characters, so that a file given to
 * the wrong verb is named for what it is, with the verb that reads it (issue 16: an empty file
 * was "missing X-Tolk-Article", Tolk's own TMX "a DOCTYPE is not accepted").
 */
import { InvalidInput } from '../model/errors.js'
import { XLIFF2_NS } from './xliff2.js'

/** The kinds of file Tolk reads or writes, plus the rest. */
export type FileKind = 'empty' | 'po' | 'xliff12' | 'xliff2' | 'tmx' | 'json' | 'xml' | 'other'

// Enough to hold an XML prolog, a DOCTYPE and comments before the root element.
const HEAD = 4096

/** The kind of `text` (a BOM and leading white space ignored), and an XML root's name. */
export function fileKind(text: string): { kind: FileKind; root?: string } {
  const head = text.slice(0, HEAD).replace(/^\uFEFF/, '').trimStart()
  if (head === '') return { kind: 'empty' }
  if (head.startsWith('{') || head.startsWith('[')) return { kind: 'json' }
  if (head.startsWith('<')) {
    // The first element that is not a declaration, a processing instruction or a comment.
    const root = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(head.replace(/<!--[\s\S]*?-->|<![^>]*>|<\?[\s\S]*?\?>/g, ''))?.[2]
    if (root === 'tmx') return { kind: 'tmx', root }
    if (root === 'xliff') return { kind: head.includes(XLIFF2_NS) ? 'xliff2' : 'xliff12', root }
    return root ? { kind: 'xml', root } : { kind: 'xml' }
  }
  if (/^\s*(#.*\n\s*)*(msgctxt|msgid)\s/.test(head) || /^msgid\s/m.test(head)) return { kind: 'po' }
  return { kind: 'other' }
}

/**
 * Refuse, naming it, a file that `tolk import-translations` does not read: empty, a TMX memory
 * (tolk tm import), JSON (tolk import-locales), other XML, or neither XML nor PO. Returns the
 * kind of one it reads.
 */
export function translationFileKind(text: string, name: string): 'po' | 'xliff12' | 'xliff2' {
  const { kind, root } = fileKind(text)
  switch (kind) {
    case 'po':
    case 'xliff12':
    case 'xliff2':
      return kind
    case 'empty':
      throw new InvalidInput(`${name} is empty: give the XLIFF or PO file that tolk export wrote, translated`, 'empty-file')
    case 'tmx':
      throw new InvalidInput(`${name} is a TMX translation memory, not a translated file: import it with tolk tm import`, 'wrong-kind-of-file')
    case 'json':
      throw new InvalidInput(`${name} is JSON, not a translated file: an i18next tree (DIR/<lng>/<ns>.json) is loaded with tolk import-locales`, 'wrong-kind-of-file')
    case 'xml':
      throw new InvalidInput(`${name} is XML${root ? ` with root <${root}>` : ''}, not XLIFF: give the XLIFF or PO file that tolk export wrote`, 'wrong-kind-of-file')
    default:
      throw new InvalidInput(`${name} is neither XLIFF nor PO: give the file that tolk export wrote (an article's text is imported with tolk import)`, 'wrong-kind-of-file')
  }
}
