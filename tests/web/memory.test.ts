import { describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import-text.js'
import { ARTICLE, makeWebApp } from './_setup.js'
import { writeTemp } from '../tm/_setup.js'

const OTHER = 'sv-general-02'
const matchesOf = (article: string, unit: string) => `/edit/${article}/sv/${unit}/matches`
const JSON_ACCEPT = { Accept: 'application/json' }

/** The web app with "The weather is fine today." translated, and a second article holding a similar sentence. */
async function withMemory(translation = 'Vädret är fint i dag.') {
  const w = await makeWebApp()
  const first = (await w.store.listUnits(ARTICLE.id)).find(
    (u) => u.source === 'The weather is fine today.',
  )!
  await w.store.writeTranslation({
    articleId: ARTICLE.id,
    unitId: first.id,
    lang: 'sv',
    text: translation,
    state: 'translated',
    ifVersion: 0,
    author: 'boss',
  })
  await importText(w.store, {
    id: OTHER,
    tag: 'sv-general',
    lang: 'en',
    targets: ['sv', 'de'],
    text: 'Good morning.\n\nThe weather is fine tomorrow.\n',
  })
  const unit = (await w.store.listUnits(OTHER)).find((u) => u.source.includes('tomorrow'))!.id
  return { ...w, unit }
}

describe('translation memory in the editor', () => {
  it("answers the editor's script with the top matches for a unit: score, target and word diff", async () => {
    const w = await withMemory()
    const ana = await w.signedIn('ana')
    const res = await ana.get(matchesOf(OTHER, w.unit), JSON_ACCEPT)
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      matches: { score: number; target: string; diff: { op: string; text: string }[] }[]
    }
    expect(body.matches).toHaveLength(1)
    const [m] = body.matches
    expect(m!.score).toBeGreaterThanOrEqual(70)
    expect(m!.score).toBeLessThan(100)
    expect(m!.target).toBe('Vädret är fint i dag.')
    expect(m!.diff).toContainEqual({ op: 'removed', text: 'today' })
    expect(m!.diff).toContainEqual({ op: 'added', text: 'tomorrow' })
  })

  it('needs a session for matches, and answers a language the memory has never seen with none', async () => {
    const w = await withMemory()
    expect((await w.client().get(matchesOf(OTHER, w.unit), JSON_ACCEPT)).status).toBe(401)
    const boss = await w.signedIn('boss')
    const de = await boss.get(`/edit/${OTHER}/de/${w.unit}/matches`, JSON_ACCEPT)
    expect(de.status).toBe(200)
    expect(((await de.json()) as { matches: unknown[] }).matches).toEqual([])
    const unknown = await boss.get(matchesOf(OTHER, 'no-such-unit'), JSON_ACCEPT)
    expect(unknown.status).toBe(404)
  })

  it('offers concordance search in the editor, as a page without the script and as JSON with it', async () => {
    const w = await withMemory('<script>alert(1)</script> Vädret')
    const ana = await w.signedIn('ana')
    const editor = await (await ana.get(`/edit/${OTHER}/sv`)).text()
    expect(editor).toMatch(/<form class="concordance" role="search" method="get" action="\/edit\/sv-general-02\/sv\/concordance"/)
    const json = await ana.get(`/edit/${OTHER}/sv/concordance?q=weather`, JSON_ACCEPT)
    expect(json.status).toBe(200)
    const hits = ((await json.json()) as { hits: { source: string; target: string }[] }).hits
    expect(hits.map((h) => [h.source, h.target])).toEqual([
      ['The weather is fine today.', '<script>alert(1)</script> Vädret'],
    ])
    const page = await ana.get(`/edit/${OTHER}/sv/concordance?q=weather`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Vädret')
    expect(html.match(/<script/g)).toHaveLength(1)
    expect(html).toContain('The weather is fine today.')
    // Nothing found, and an empty search: said plainly, never a 500.
    const none = await (await ana.get(`/edit/${OTHER}/sv/concordance?q=zebra`)).text()
    expect(none).toContain('Nothing found in the memory.')
    const empty = await ana.get(`/edit/${OTHER}/sv/concordance?q=`, JSON_ACCEPT)
    expect(empty.status).toBe(400)
  })

  it('names the memory keys in the keyboard help, in English and Swedish', async () => {
    const w = await withMemory()
    const ana = await w.signedIn('ana')
    expect(await (await ana.get(`/edit/${OTHER}/sv`)).text()).toContain('Ctrl+1 to Ctrl+3')
    const sv = await (await ana.get(`/edit/${OTHER}/sv`, { 'Accept-Language': 'sv' })).text()
    expect(sv).toContain('Ctrl+1 till Ctrl+3')
  })
})

describe('translation memory in the editor across regions (#23)', () => {
  it("gives the editor's script the regions of a match from another region", async () => {
    const w = await withMemory()
    const file = writeTemp('regional.tmx', `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="SDL Language Platform" creationtoolversion="8.1" o-tmf="SDL TM8 Format" datatype="xml" segtype="sentence" adminlang="EN-US" srclang="EN-US"/>
<body><tu><tuv xml:lang="EN-US"><seg>The weather is fine tomorrow.</seg></tuv><tuv xml:lang="DE-DE"><seg>Das Wetter ist morgen schön.</seg></tuv></tu></body></tmx>
`)
    await w.store.memory.importTmx(file)
    const boss = await w.signedIn('boss')
    const res = await boss.get(`/edit/${OTHER}/de/${w.unit}/matches`, JSON_ACCEPT)
    const body = (await res.json()) as { matches: { score: number; regions?: unknown }[] }
    expect(body.matches[0]).toMatchObject({ score: 99, regions: { source: 'en-US', target: 'de-DE' } })
  })
})
