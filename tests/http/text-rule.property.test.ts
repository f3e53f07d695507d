import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { issueToken } from '../../src/auth/tokens.js'
import { main } from '../../src/cli/main.js'
import { loadExportData } from '../../src/formats/export-article.js'
import { writePo } from '../../src/formats/po.js'
import { writeXliff2 } from '../../src/formats/xliff2.js'
import { ARTICLE, makeWebApp, type Client } from '../web/_setup.js'
import { fingerprint } from './_fingerprint.js'

// Every write path, fed random text that breaks the one text rule (a C0 control other than tab
// and line breaks, DEL, an unpaired surrogate half), must refuse it (400, exit 2) and write
// nothing: the same database before and after, whatever the path.

const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u000e', '\u001b', '\u001f', '\u007f']
const HALVES = ['\ud800', '\udbff', '\udc00', '\udfff']
const around = fc.string({ maxLength: 12 })
const withChar = (chars: string[]) =>
  fc.tuple(around, fc.constantFrom(...chars), around).map(([a, b, c]) => `Hej ${a}${b}${c} då.`)
const control = withChar(CONTROLS)
const anyBad = withChar([...CONTROLS, ...HALVES])
const RUNS = { numRuns: 12 }

/** The bytes of `s` as UTF-8, except that a lone surrogate half gets the 3 bytes UTF-8 forbids. */
function looseUtf8(s: string): Buffer {
  const parts: Buffer[] = []
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (c >= 0xd800 && c <= 0xdfff) parts.push(Buffer.from([0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]))
    else parts.push(Buffer.from(ch, 'utf8'))
  }
  return Buffer.concat(parts)
}

/** A form field as a client that does not check would send it: every byte percent-escaped. */
const formValue = (s: string) => [...looseUtf8(s)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')

let w: Awaited<ReturnType<typeof makeWebApp>>
let token = ''
let editor: Client
let dir = ''
let unit = ''

/** Run the CLI in this process (its real verbs, on the test's database file), quietly. */
async function cli(...args: string[]): Promise<number> {
  // Swallowed, but acknowledged: the verbs wait for their output to be written.
  const quiet = ((_chunk: unknown, a?: unknown, b?: unknown) => {
    const done = typeof a === 'function' ? a : b
    if (typeof done === 'function') (done as () => void)()
    return true
  }) as typeof process.stdout.write
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(quiet)
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(quiet)
  try {
    return await main([...args, '--db', w.file])
  } finally {
    out.mockRestore()
    err.mockRestore()
  }
}

const api = (url: string, init: RequestInit) =>
  w.app.request(url, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } })

/** The current version of the unit the paths write. */
const version = async () => (await w.store.getTranslation(ARTICLE.id, unit, 'sv')).version

/** A translated-file body for the article in sv whose first unit's target is `text`. */
async function translatedFile(format: 'po' | 'xliff2', text: string): Promise<string> {
  const data = await loadExportData(w.store, ARTICLE.id, 'sv')
  const t = data.units[0]!.translation
  t.text = 'PLACEHOLDER'
  t.state = 'translated'
  if (format === 'po') return writePo(data).body.replace('"PLACEHOLDER"', poQuote(text))
  // XLIFF 2.0 carries any code point as <cp hex="…"/>, a surrogate half too.
  const cp = [...text].map((ch) => {
    const c = ch.codePointAt(0)!
    return c < 0x20 || c === 0x7f || (c >= 0xd800 && c <= 0xdfff) ? `<cp hex="${c.toString(16).toUpperCase().padStart(4, '0')}"/>` : ch.replace('&', '&amp;').replace('<', '&lt;')
  })
  return writeXliff2(data).body.replace('PLACEHOLDER', cp.join(''))
}

/** A PO string: octal escapes for controls, as gettext writes them. */
function poQuote(s: string): string {
  return `"${s.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => (c === '\\' || c === '"' ? `\\${c}` : `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`))}"`
}

beforeEach(async () => {
  w = await makeWebApp()
  token = (await issueToken(w.accounts, 'boss')).token
  editor = await w.signedIn('boss')
  await editor.get(`/edit/${ARTICLE.id}/sv`)
  unit = w.units[0]!
  dir = fs.mkdtempSync(path.join(path.dirname(w.file), 'files-'))
  // A resource set for saveMissing to add to, and memory to import beside.
  const res = await api('/locales/add/en/app', { method: 'POST', body: '{"nav.home":"Home"}', headers: { 'content-type': 'application/json' } })
  expect(res.status).toBe(201)
})
afterAll(() => {
  vi.restoreAllMocks()
})

interface WritePath {
  name: string
  /** The bad texts this path can carry to the store at all. */
  bad: fc.Arbitrary<string>
  /** Send `text`; resolves to the HTTP status or the exit status. */
  send: (text: string) => Promise<number>
  /** The refusal expected: 400, or exit 2. */
  refusal: number
}

const PATHS: WritePath[] = [
  {
    name: 'API PUT translation',
    bad: anyBad,
    refusal: 400,
    send: async (text) =>
      (await api(`/api/articles/${ARTICLE.id}/units/${unit}/translations/sv`, { method: 'PUT', body: JSON.stringify({ text }), headers: { 'content-type': 'application/json', 'if-match': `"${await version()}"` } })).status,
  },
  {
    name: 'API article import (JSON)',
    bad: anyBad,
    refusal: 400,
    send: async (text) =>
      (await api('/api/articles', { method: 'POST', body: JSON.stringify({ id: 'sv-general-90', tag: 'sv-general', lang: 'en', targets: ['sv'], text: `The start. ${text}` }), headers: { 'content-type': 'application/json' } })).status,
  },
  {
    name: 'API article import (text/plain, title in the query)',
    bad: anyBad,
    refusal: 400,
    send: async (text) =>
      (await api(`/api/articles?id=sv-general-91&tag=sv-general&lang=en&targets=sv&title=${formValue(text)}`, { method: 'POST', body: 'The start.', headers: { 'content-type': 'text/plain' } })).status,
  },
  {
    name: 'editor form POST',
    bad: anyBad,
    refusal: 400,
    send: async (text) =>
      (await w.app.request(`/edit/${ARTICLE.id}/sv/${unit}`, {
        method: 'POST',
        body: `_csrf=${editor.csrf()}&version=${await version()}&state=translated&text=${formValue(text)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      })).status,
  },
  {
    name: 'saveMissing (JSON)',
    bad: anyBad,
    refusal: 400,
    send: async (text) => (await api('/locales/add/en/app', { method: 'POST', body: JSON.stringify({ 'nav.about': text }), headers: { 'content-type': 'application/json' } })).status,
  },
  {
    name: 'saveMissing (form)',
    bad: anyBad,
    refusal: 400,
    send: async (text) =>
      (await api('/locales/add/en/app', { method: 'POST', body: `nav.about=${formValue(text)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status,
  },
  {
    // A PO file is UTF-8: only its escapes (\a, \033, …) can carry a bad character.
    name: 'API import-translations (PO)',
    bad: control,
    refusal: 400,
    send: async (text) =>
      (await api(`/api/articles/${ARTICLE.id}/import-translations`, { method: 'POST', body: await translatedFile('po', text), headers: { 'content-type': 'text/x-gettext-translation' } })).status,
  },
  {
    name: 'API import-translations (XLIFF 2.0, <cp>)',
    bad: anyBad,
    refusal: 400,
    send: async (text) =>
      (await api(`/api/articles/${ARTICLE.id}/import-translations`, { method: 'POST', body: await translatedFile('xliff2', text), headers: { 'content-type': 'application/xliff+xml' } })).status,
  },
  {
    name: 'CLI import-translations (PO file)',
    bad: control,
    refusal: 2,
    send: async (text) => {
      const file = path.join(dir, 'back.po')
      fs.writeFileSync(file, await translatedFile('po', text))
      return cli('import-translations', file, '--as', 'boss')
    },
  },
  {
    name: 'CLI translate',
    bad: anyBad,
    refusal: 2,
    send: (text) => cli('translate', ARTICLE.id, unit, '--lang', 'sv', '--as', 'boss', text),
  },
  {
    name: 'CLI import (file)',
    bad: anyBad,
    refusal: 2,
    send: (text) => {
      const file = path.join(dir, 'sv-general-92.txt')
      fs.writeFileSync(file, looseUtf8(`The start. ${text}\n`))
      return cli('import', file, '--targets', 'sv', '--lang', 'en')
    },
  },
  {
    name: 'CLI tm import (TMX)',
    bad: anyBad,
    refusal: 2,
    send: (text) => {
      const file = path.join(dir, 'memory.tmx')
      const tmx = `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="t" creationtoolversion="1"/><body>\n<tu><tuv xml:lang="en"><seg>Good day.</seg></tuv><tuv xml:lang="sv"><seg>${text}</seg></tuv></tu>\n</body></tmx>\n`
      fs.writeFileSync(file, looseUtf8(tmx))
      return cli('tm', 'import', file)
    },
  },
  {
    name: 'CLI import-locales (resource sets)',
    bad: anyBad,
    refusal: 2,
    send: (text) => {
      const tree = path.join(dir, 'locales')
      fs.mkdirSync(path.join(tree, 'en'), { recursive: true })
      fs.mkdirSync(path.join(tree, 'sv'), { recursive: true })
      fs.writeFileSync(path.join(tree, 'en', 'tree.json'), '{\n  "greeting": "Hello",\n  "bye": "Bye"\n}\n')
      fs.writeFileSync(path.join(tree, 'sv', 'tree.json'), `{\n  "greeting": "Hej",\n  "bye": ${JSON.stringify(text)}\n}\n`)
      return cli('import-locales', tree, '--source', 'en', '--as', 'boss')
    },
  },
]

// One app for every path (the web setup removes its folder after each test): one test walks them.
describe('the text rule on every write path', () => {
  it('each path refuses random text against the rule and writes nothing; each takes good text', async () => {
    for (const p of PATHS) {
      await fc.assert(
        fc.asyncProperty(p.bad, async (text) => {
          const before = fingerprint(w.file)
          const status = await p.send(text)
          expect(status, p.name).toBe(p.refusal)
          expect(fingerprint(w.file), `${p.name} wrote something`).toBe(before)
        }),
        RUNS,
      )
    }
    // So that the refusals are the rule, not a broken request: each path takes good text.
    for (const p of PATHS) expect([200, 201, 303, 0], p.name).toContain(await p.send(`Hej ${p.name.length} då.`))
  })
})
