/**
 * PO and XLIFF files as real tools and projects write them (issue 23, findings 9–12): octal
 * escapes that are UTF-8 bytes, a keyword alone on its line, no Language header, other charsets,
 * XLIFF in UTF-16. The files are written here in the style of Poedit and of GNU projects.
 */
import { describe, expect, it } from 'vitest'
import { decodeFileBytes } from '../../src/formats/decode-file.js'
import { decodeWindows1252 } from '../../src/formats/windows-1252.js'
import { readTranslationFile } from '../../src/formats/import-translations.js'
import { InvalidInput } from '../../src/model/errors.js'

const read = (bytes: Uint8Array | string, name = 'messages.po', opts: { targetLang?: string } = {}) =>
  readTranslationFile(decodeFileBytes(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, name), name, { anyFile: true, ...opts })

const header = (extra: string) => `# Swedish translation of hello.
msgid ""
msgstr ""
"Project-Id-Version: hello 2.12\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
${extra}"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

`

describe('real PO files', () => {
  it('reads octal escapes as the bytes of the file’s charset, as gettext does (9)', () => {
    const file = read(`${header('"Language: sv\\n"\n')}msgid "Red"\nmsgstr "R\\303\\244d"\n\nmsgid "x"\nmsgstr "\\x52\\xc3\\xa4d \\342\\202\\254"\n`)
    expect(file.units.map((u) => u.text)).toEqual(['Räd', 'Räd €'])
  })

  it('refuses escaped bytes that are not text in the file’s charset, naming the line', () => {
    expect(() => read(`${header('"Language: sv\\n"\n')}msgid "Red"\nmsgstr "R\\303d"\n`)).toThrow(/messages\.po: line 11: .*not valid UTF-8/)
  })

  it('reads a keyword alone on its line, its string on the next (10)', () => {
    const file = read(`${header('"Language: sv\\n"\n')}msgid\n"Hello, world"\nmsgstr\n"Hej, världen"\n\nmsgid "One file"\nmsgid_plural "%d files"\nmsgstr[0]\n"En fil"\nmsgstr[1]\n"%d filer"\n`)
    expect(file.units[0]).toMatchObject({ unitId: 'Hello, world', source: 'Hello, world', text: 'Hej, världen' })
    expect(file.units[1]?.plural).toEqual({ source: '%d files', forms: ['En fil', '%d filer'] })
  })

  it('takes the language from --target-lang, else the file name, when the header has none (11)', () => {
    const body = `${header('')}msgid "Hello"\nmsgstr "Hej"\n`
    expect(read(body, 'po/sv.po').lang).toBe('sv')
    expect(read(body, 'po/sv_SE.po').lang).toBe('sv-SE')
    expect(read(body, 'po/pt_BR.po').lang).toBe('pt-BR')
    expect(read(body, 'messages.po', { targetLang: 'de' }).lang).toBe('de')
    // The header, when there is one, wins over the file name.
    expect(read(`${header('"Language: nb\\n"\n')}msgid "Hello"\nmsgstr "Hei"\n`, 'sv.po').lang).toBe('nb')
    expect(() => read(body, 'messages.po')).toThrow(/no Language.*--target-lang/)
  })

  it.each([
    ['ISO-8859-1', 'Räksmörgås', 'latin1'],
    ['windows-1252', 'Räksmörgås – “citat”', 'windows-1252'],
    ['KOI8-R', 'Привет, мир', 'koi8-r'],
    ['Shift_JIS', 'こんにちは世界', 'shift_jis'],
    ['EUC-JP', 'こんにちは世界', 'euc-jp'],
    ['GB18030', '你好，世界', 'gb18030'],
    ['Big5', '你好，世界', 'big5'],
  ])('decodes a %s file by its charset header (12)', (charset, text, label) => {
    const po = `msgid ""\nmsgstr ""\n"Language: xx\\n"\n"Content-Type: text/plain; charset=${charset}\\n"\n\nmsgid "Hello"\nmsgstr "${text}"\n`
    const bytes = encode(po, label)
    expect(read(bytes).units[0]?.text).toBe(text)
  })

  it('refuses an unknown charset and bytes the charset cannot hold, in one line', () => {
    const po = (cs: string) => `msgid ""\nmsgstr ""\n"Language: sv\\n"\n"Content-Type: text/plain; charset=${cs}\\n"\n\nmsgid "Hello"\nmsgstr "Hej"\n`
    expect(() => read(po('KLINGON-1'))).toThrow(/messages\.po: unknown charset KLINGON-1/)
    const bad = Buffer.concat([Buffer.from(po('UTF-8').replace('Hej', 'H')), Buffer.from([0xff, 0x0a])])
    expect(() => read(bad)).toThrow(InvalidInput)
  })

  it('a CHARSET placeholder (a template never filled in) reads as UTF-8', () => {
    const po = `msgid ""\nmsgstr ""\n"Language: sv\\n"\n"Content-Type: text/plain; charset=CHARSET\\n"\n\nmsgid "Hello"\nmsgstr "Hallå"\n`
    expect(read(po).units[0]?.text).toBe('Hallå')
  })

  it('an empty file is "empty", not a header error', () => {
    expect(() => read('')).toThrow(/messages\.po is empty/)
    expect(() => read('\uFEFF  \n')).toThrow(/messages\.po is empty/)
  })
})

describe('XLIFF in UTF-16', () => {
  const xliff = `<?xml version="1.0" encoding="UTF-16"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="app" source-language="en" target-language="sv" datatype="plaintext">
    <body>
      <trans-unit id="greeting"><source>Hello</source><target>Hallå</target></trans-unit>
    </body>
  </file>
</xliff>
`
  it.each([
    ['with a little-endian BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xliff, 'utf16le')])],
    ['with a big-endian BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), swap(Buffer.from(xliff, 'utf16le'))])],
    ['without a BOM, by its XML declaration', Buffer.from(xliff, 'utf16le')],
  ])('reads %s', (_, bytes) => {
    const file = read(bytes, 'app.sv.xlf')
    expect(file.units[0]).toMatchObject({ unitId: 'greeting', text: 'Hallå' })
  })

  it('reads an XML declaration’s single-byte encoding', () => {
    const latin = xliff.replace('encoding="UTF-16"', "encoding='ISO-8859-1'")
    expect(read(encode(latin, 'latin1'), 'app.sv.xlf').units[0]?.text).toBe('Hallå')
  })
})

/** Text in a legacy charset, by the table of its decoder (Node has no encoder for most). */
function encode(text: string, label: string): Buffer {
  if (label === 'latin1') return Buffer.from(text, 'latin1')
  const decoder = label === 'windows-1252' ? { decode: decodeWindows1252 } : new TextDecoder(label)
  const table = new Map<string, number[]>()
  // Every one- and two-byte sequence the charset decodes to one character.
  for (let b = 0; b < 0x100; b++) {
    const c = decoder.decode(new Uint8Array([b]))
    if (c.length === 1 && c !== '\uFFFD' && !table.has(c)) table.set(c, [b])
  }
  for (let b1 = 0x81; b1 < 0xff; b1++) {
    for (let b2 = 0x40; b2 < 0xff; b2++) {
      const c = decoder.decode(new Uint8Array([b1, b2]))
      if (c.length === 1 && c !== '\uFFFD' && !table.has(c)) table.set(c, [b1, b2])
    }
  }
  const bytes: number[] = []
  for (const ch of text) {
    const code = table.get(ch)
    if (!code) throw new Error(`${label} cannot hold ${ch}`)
    bytes.push(...code)
  }
  return Buffer.from(bytes)
}

describe('windows-1252 (what ISO-8859-1 means in a file)', () => {
  it('reads 0x80–0x9F as the letters and punctuation they are, not as control characters', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x93, 0x94, 0x96, 0x97, 0x8a, 0x9f, 0xe5]))).toBe('€“”–—ŠŸå')
    expect(decodeWindows1252(new Uint8Array([0x81, 0x41]))).toBe('\u0081A')
  })
})

function swap(b: Buffer): Buffer {
  const out = Buffer.from(b)
  out.swap16()
  return out
}
