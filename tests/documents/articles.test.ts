import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CodeMismatch } from '../../src/codes/index.js'
import { exportArticle } from '../../src/formats/export-article.js'
import { importTranslations, readTranslationFile } from '../../src/formats/import-translations.js'
import { importText } from '../../src/import/import-text.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import type { Store } from '../../src/store/types.js'
import { jsonBody, makeTestApp } from '../http/_setup.js'

const fixture = (name: string) => fs.readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')
const GUIDE = fixture('guide.md')
const NEWS = fixture('news.html')

async function withStore(body: (store: Store) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-docs-'))
  const store = createSqliteStore({ file: path.join(dir, 'tolk.sqlite') })
  try {
    await body(store)
  } finally {
    await store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const write = (store: Store, articleId: string, unitId: string, text: string) =>
  store.writeTranslation({ articleId, unitId, lang: 'sv', text, state: 'translated', author: 'ana' })

describe('Markdown and HTML articles in the store', () => {
  it('stores kind, skeleton and codes; the original export with no translation is the document', async () => {
    await withStore(async (store) => {
      await importText(store, { id: 'en-guide-01', tag: 'en-guide', lang: 'en', targets: ['sv'], text: GUIDE, format: 'md' })
      const article = await store.getArticle('en-guide-01')
      expect(article?.format).toBe('md')
      expect(article?.title).toBe('Getting started with Tolk')
      expect(article?.skeleton?.format).toBe('md')
      const units = await store.listUnits('en-guide-01')
      const link = units.find((u) => u.source.startsWith('Read the'))
      expect(link?.codes?.[0]?.what).toBe('link')
      expect((await exportArticle(store, 'en-guide-01', 'sv', 'original')).body).toBe(GUIDE)
      // Re-importing the same document, its kind now stored, changes nothing.
      const again = await importText(store, { id: 'en-guide-01', tag: 'en-guide', text: GUIDE })
      expect(again.written).toBe(false)
    })
  })

  it('a URL edited in the source keeps every unit, none stale', async () => {
    await withStore(async (store) => {
      await importText(store, { id: 'en-guide-01', tag: 'en-guide', lang: 'en', targets: ['sv'], text: GUIDE, format: 'md' })
      const link = (await store.listUnits('en-guide-01')).find((u) => u.source.startsWith('Read the'))!
      await write(store, 'en-guide-01', link.id, 'Läs ⟦1⟧hela handboken⟦/1⟧ när du behöver mer.')
      const moved = GUIDE.replace('https://example.org/tolk/manual', 'https://example.org/docs/manual')
      const summary = await importText(store, { id: 'en-guide-01', tag: 'en-guide', text: moved })
      expect(summary.units).toMatchObject({ stale: 0, new: 0, obsolete: 0 })
      const t = await store.getTranslation('en-guide-01', link.id, 'sv')
      expect(t.stale).toBe(false)
      const out = (await exportArticle(store, 'en-guide-01', 'sv', 'original')).body
      expect(out).toContain('Läs [hela handboken](https://example.org/docs/manual "The Tolk manual") när du behöver mer.')
    })
  })

  it('every writer is refused a translation that drops or adds a paired code, naming it', async () => {
    await withStore(async (store) => {
      await importText(store, { id: 'en-news-01', tag: 'en-news', lang: 'en', targets: ['sv'], text: NEWS, format: 'html' })
      const units = await store.listUnits('en-news-01')
      const quay = units.find((u) => u.source.startsWith('Ferries leave'))!
      expect(quay.source).toBe('Ferries leave from ⟦1⟧quay 3⟦/1⟧ until the end of April.')
      await expect(write(store, 'en-news-01', quay.id, 'Färjor går från kaj 3.')).rejects.toThrow(CodeMismatch)
      await expect(write(store, 'en-news-01', quay.id, 'Färjor går från kaj 3.')).rejects.toThrow(/⟦1⟧…⟦\/1⟧ of the source is missing/)
      await expect(write(store, 'en-news-01', quay.id, '⟦1⟧Kaj 3⟦/1⟧ ⟦2⟧nu⟦/2⟧.')).rejects.toThrow(/⟦2⟧ is not a code of the source/)
      await expect(write(store, 'en-news-01', quay.id, '⟦1⟧Kaj 3 gäller.')).rejects.toThrow(/never closes/)
      expect((await store.getTranslation('en-news-01', quay.id, 'sv')).version).toBe(0)
      // Codes moved: a well-formed document; a missing standalone code is allowed (a warning).
      await write(store, 'en-news-01', quay.id, 'Till slutet av april går färjorna från ⟦1⟧kaj 3⟦/1⟧ & <inte> annars.')
      const photo = units.find((u) => u.source === 'Photo: ⟦1/⟧')!
      await write(store, 'en-news-01', photo.id, 'Foto okänt')
      const out = (await exportArticle(store, 'en-news-01', 'sv', 'original')).body
      expect(out).toContain('<li>Till slutet av april går färjorna från <strong>kaj 3</strong> &amp; &lt;inte&gt; annars.</li>')
      expect(out).toContain('The repaired quay on Monday morning. Foto okänt</figcaption>')
    })
  })

  it('--untranslated fail lists the units left; the text export has no markup', async () => {
    await withStore(async (store) => {
      await importText(store, { id: 'en-news-01', tag: 'en-news', lang: 'en', targets: ['sv'], text: NEWS, format: 'html' })
      await expect(exportArticle(store, 'en-news-01', 'sv', 'original', { untranslated: 'fail' })).rejects.toThrow(/25 units are not translated into sv/)
      const text = (await exportArticle(store, 'en-news-01', 'sv', 'text')).body
      expect(text).not.toMatch(/[<>⟦]/)
      expect(text).toContain('Ferries leave from quay 3 until the end of April.')
    })
  })

  it('import-translations refuses a whole file whose units lost a code, writing nothing', async () => {
    await withStore(async (store) => {
      await importText(store, { id: 'en-news-01', tag: 'en-news', lang: 'en', targets: ['sv'], text: NEWS, format: 'html' })
      const units = await store.listUnits('en-news-01')
      const po = (await exportArticle(store, 'en-news-01', 'sv', 'po')).body
      const byline = units.find((u) => u.source.startsWith('By ⟦1⟧'))!
      const edited = po
        .replace(/(msgid "Parking is free on weekdays."\nmsgstr )""/, '$1"Parkeringen är gratis på vardagar."')
        .replace(/(msgid "By ⟦1⟧Anna Berg⟦\/1⟧, 14 March 2026"\nmsgstr )""/, '$1"Av Anna Berg, 14 mars 2026"')
      expect(edited).not.toBe(po)
      const file = readTranslationFile(edited, 'news.sv.po')
      await expect(importTranslations(store, file, { author: 'ana' })).rejects.toThrow(new RegExp(`unit ${byline.id}: ⟦1⟧…⟦/1⟧ of the source is missing`))
      for (const u of units) expect((await store.getTranslation('en-news-01', u.id, 'sv')).version).toBe(0)
    })
  })

  it('a text article keeps working, a literal ⟦ included', async () => {
    await withStore(async (store) => {
      const text = 'The notation ⟦1⟧ is literal here. Nothing else changes.\n'
      await importText(store, { id: 'en-text-01', tag: 'en-text', lang: 'en', targets: ['sv'], text })
      const [first] = await store.listUnits('en-text-01')
      expect(first?.source).toBe('The notation ⟦⟦1⟧ is literal here.')
      expect((await store.getArticle('en-text-01'))?.format).toBe('text')
      await write(store, 'en-text-01', first!.id, first!.source)
      expect((await exportArticle(store, 'en-text-01', 'sv', 'original')).body).toBe(text)
      expect((await exportArticle(store, 'en-text-01', 'sv', 'text')).body).toBe(text)
    })
  })
})

describe('the API', () => {
  it('imports Markdown by Content-Type, lists codes, refuses a dropped code with 400, exports the document', async () => {
    const t = await makeTestApp()
    const post = await t.call('/api/articles?id=en-guide-01&tag=en-guide&lang=en&targets=sv', {
      method: 'POST',
      body: GUIDE,
      headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
    })
    expect(post.status).toBe(201)
    const article = await (await t.call('/api/articles/en-guide-01')).json()
    expect(article.format).toBe('md')
    expect(article.title).toBe('Getting started with Tolk')
    const { units } = await (await t.call('/api/articles/en-guide-01/units?limit=500')).json()
    const strong = units.find((u: { source: string }) => u.source.startsWith('It splits'))
    expect(strong.codes).toEqual([{ id: 1, kind: 'paired', what: 'strong', open: ['**'], close: ['**'] }])
    const path = `/api/articles/en-guide-01/units/${strong.id}/translations/sv`
    const bad = await t.call(path, jsonBody('PUT', { text: 'Den delar en artikel i översättningsenheter.', state: 'translated' }, { 'If-Match': '"0"' }))
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toContain('application/problem+json')
    const problem = await bad.json()
    expect(problem.detail).toContain('⟦1⟧…⟦/1⟧ of the source is missing')
    expect(problem.type).toMatch(/code-mismatch$/)
    expect(problem.codes).toEqual([{ kind: 'missing', code: '⟦1⟧…⟦/1⟧', message: '⟦1⟧…⟦/1⟧ of the source is missing' }])
    const good = await t.call(path, jsonBody('PUT', { text: 'Den delar en artikel i ⟦1⟧översättningsenheter⟦/1⟧.', state: 'translated' }, { 'If-Match': '"0"' }))
    expect(good.status).toBe(200)
    const out = await t.call('/api/articles/en-guide-01/export?lang=sv&format=original')
    expect(out.status).toBe(200)
    expect(out.headers.get('content-type')).toContain('text/markdown')
    const body = await out.text()
    expect(body).toContain('Den delar en artikel i **översättningsenheter**.')
    expect(body.replace('Den delar en artikel i **översättningsenheter**.', '')).toBe(
      GUIDE.replace(/It splits an article into \*\*translation units\*\*, keeps every\ntarget language aligned with its source, and gives the translated document back\./, ''),
    )
    const fail = await t.call('/api/articles/en-guide-01/export?lang=sv&format=original&untranslated=fail')
    expect(fail.status).toBe(409)
    const failed = await fail.json()
    expect(failed.detail).toMatch(/units are not translated into sv/)
    expect(failed.units.length).toBeGreaterThan(30)
    expect(failed.units[0]).toEqual({ id: expect.any(String), position: 1 })
  })

  it('imports HTML from a JSON body with format, and re-imports with the stored kind', async () => {
    const t = await makeTestApp()
    const post = await t.call('/api/articles', jsonBody('POST', { id: 'en-news-01', tag: 'en-news', lang: 'en', targets: ['sv'], text: NEWS, format: 'html' }))
    expect(post.status).toBe(201)
    expect((await (await t.call('/api/articles/en-news-01')).json()).format).toBe('html')
    const put = await t.call('/api/articles/en-news-01', jsonBody('PUT', { text: NEWS.replace('Parking is free', 'Parking is cheap') }))
    expect(put.status).toBe(200)
    expect((await put.json()).units).toMatchObject({ stale: 1, new: 0 })
    expect((await (await t.call('/api/articles/en-news-01')).json()).format).toBe('html')
  })
})

describe('a text article re-imported as Markdown', () => {
  it('keeps the ids and translations of units that only lost their block marks, not stale; a translation loses the same mark', async () => {
    await withStore(async (store) => {
      const text = '# Getting started\n\n- Splits text into units.\n- Keeps the ids.\n\n> Quoted words here.\n'
      await importText(store, { id: 'en-guide-02', tag: 'en-guide', lang: 'en', targets: ['sv'], text })
      const before = await store.listUnits('en-guide-02')
      expect(before.map((u) => u.source)).toEqual(['# Getting started', '- Splits text into units.', '- Keeps the ids.', '> Quoted words here.'])
      const [h, a, b, q] = before.map((u) => u.id) as [string, string, string, string]
      await write(store, 'en-guide-02', h, '# Kom igång')
      await write(store, 'en-guide-02', a, '- Delar text i enheter.')
      await write(store, 'en-guide-02', b, 'Behåller id:n.')
      await write(store, 'en-guide-02', q, '> Citerade ord här.')
      const summary = await importText(store, { id: 'en-guide-02', tag: 'en-guide', text, format: 'md' })
      expect(summary.units).toMatchObject({ kept: 4, stale: 0, new: 0, obsolete: 0 })
      const after = await store.listUnits('en-guide-02')
      expect(after.map((u) => [u.id, u.source])).toEqual([
        [h, 'Getting started'],
        [a, 'Splits text into units.'],
        [b, 'Keeps the ids.'],
        [q, 'Quoted words here.'],
      ])
      const ts = await store.listTranslations('en-guide-02', 'sv')
      expect(ts.map((t) => [t.text, t.stale])).toEqual([
        ['Kom igång', false],
        ['Delar text i enheter.', false],
        ['Behåller id:n.', false],
        ['Citerade ord här.', false],
      ])
      const history = await store.history('en-guide-02', h, 'sv')
      expect(history.at(-1)).toMatchObject({ oldText: '# Kom igång', newText: 'Kom igång', author: 'tolk', version: 2 })
      const out = (await exportArticle(store, 'en-guide-02', 'sv', 'original')).body
      expect(out).toBe('# Kom igång\n\n- Delar text i enheter.\n- Behåller id:n.\n\n> Citerade ord här.\n')
    })
  })
})

describe('old translations with inline Markdown, through the API', () => {
  it('keeps a translation whose codes do not fit with a hint, exports it well formed, and refuses it until its codes balance', async () => {
    const t = await makeTestApp()
    const text = '# Hello *world*\n\nSee **this** and [that](https://example.org/that). Run `npm test` now.\n'
    const post = await t.call('/api/articles', jsonBody('POST', { id: 'en-old-01', tag: 'en-guide', lang: 'en', targets: ['sv'], text }))
    expect(post.status).toBe(201)
    const listed = async () => (await (await t.call('/api/articles/en-old-01/units?lang=sv')).json()).units
    const units = await listed()
    const put = (id: string, text: string, version: number) =>
      t.call(`/api/articles/en-old-01/units/${id}/translations/sv`, jsonBody('PUT', { text, state: 'translated' }, { 'If-Match': `"${version}"` }))
    expect((await put(units[0].id, '# Hej *världen*', 0)).status).toBe(200)
    expect((await put(units[1].id, 'Se **detta och [det där](https://example.org/sv/that).', 0)).status).toBe(200)
    expect((await put(units[2].id, 'Kör `npm test` nu.', 0)).status).toBe(200)

    const again = await t.call('/api/articles/en-old-01', jsonBody('PUT', { text, format: 'md' }))
    expect(again.status).toBe(200)
    expect((await again.json()).units).toMatchObject({ stale: 0, new: 0 })
    const after = await listed()
    expect(after.map((u: { id: string }) => u.id)).toEqual(units.map((u: { id: string }) => u.id))
    expect(after[0].translation).toMatchObject({ text: 'Hej ⟦1⟧världen⟦/1⟧', stale: false })
    expect(after[0].translation.codeProblems).toBeUndefined()
    expect(after[1].translation).toMatchObject({ text: 'Se ⟦1⟧detta och ⟦2⟧det där](https://example.org/sv/that).', stale: false })
    expect(after[1].translation.codeProblems).toEqual([
      { kind: 'unbalanced', code: '⟦1⟧…⟦/1⟧', message: '⟦1⟧…⟦/1⟧ opens and never closes: add ⟦/1⟧' },
      { kind: 'unbalanced', code: '⟦2⟧…⟦/2⟧', message: '⟦2⟧…⟦/2⟧ opens and never closes: add ⟦/2⟧' },
    ])

    const out = await (await t.call('/api/articles/en-old-01/export?lang=sv&format=original')).text()
    expect(out).toBe('# Hej *världen*\n\nSe **detta och [det där\\](https://example.org/sv/that).](https://example.org/that)** Kör `npm test` nu.\n')

    const same = await put(after[1].id, after[1].translation.text, after[1].translation.version)
    expect(same.status).toBe(400)
    expect((await same.json()).type).toMatch(/code-mismatch$/)
    expect((await put(after[1].id, 'Se ⟦1⟧detta⟦/1⟧ och ⟦2⟧det där⟦/2⟧.', after[1].translation.version)).status).toBe(200)
    expect((await listed())[1].translation.codeProblems).toBeUndefined()
  })
})
