import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../http/_setup.js'
import { writeTemp } from './_setup.js'

const SV = ['# Välkommen', 'Vädret är fint i dag.', 'Vi går till hamnen.', 'Båtarna är klara.', 'Alla är glada.']

async function translated() {
  const t = await makeTestApp()
  for (let i = 0; i < t.units.length; i++) {
    await t.store.writeTranslation({ articleId: 'sv-general-01', unitId: t.units[i]!, lang: 'sv', text: SV[i] ?? 'x', state: 'translated', author: 'ana' })
  }
  return t
}

describe('memory API', () => {
  it('gives a unit its matches with scores and diffs', async () => {
    const t = await translated()
    const res = await t.call(`/api/articles/sv-general-01/units/${t.units[1]}/matches?lang=sv`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.matches[0]).toMatchObject({ score: 101, target: 'Vädret är fint i dag.', entry: { origin: 'article', author: 'ana' } })
  })

  it('searches the memory (concordance)', async () => {
    const t = await translated()
    const res = await t.call('/api/tm/search?q=hamnen&lang=sv')
    expect(res.status).toBe(200)
    expect((await res.json()).hits.map((h: { source: string }) => h.source)).toEqual(['We walk to the harbour.'])
  })

  it.each([
    ['an empty query', '/api/tm/search?q=&lang=sv', 400],
    ['a 100,000-character query', `/api/tm/search?q=${'a'.repeat(100_000)}&lang=sv`, 400],
    ['a pair never seen', '/api/tm/search?q=boat&lang=de', 404],
    ['no language', '/api/tm/search?q=boat', 400],
    ['a bad language', '/api/tm/search?q=boat&lang=zz-12', 400],
  ])('answers %s with a problem', async (_what, url, status) => {
    const t = await translated()
    const res = await t.call(url)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
  })

  it('answers unknown units, non-targets and unseen pairs with a problem', async () => {
    const t = await translated()
    expect((await t.call('/api/articles/sv-general-01/units/nope/matches?lang=sv')).status).toBe(404)
    expect((await t.call(`/api/articles/sv-general-01/units/${t.units[1]}/matches?lang=fi`)).status).toBe(400)
    expect((await t.call(`/api/articles/sv-general-01/units/${t.units[1]}/matches?lang=de`)).status).toBe(404)
  })
})

describe('memory API across regions (#23)', () => {
  it('offers an en-US → de-DE entry to an en → de unit, one point lower, naming the regions', async () => {
    const t = await translated()
    const unit = (await t.store.listUnits('sv-general-01')).find((u) => u.id === t.units[1])!
    const file = writeTemp('regional.tmx', `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="SDL Language Platform" creationtoolversion="8.1" o-tmf="SDL TM8 Format" datatype="xml" segtype="sentence" adminlang="EN-US" srclang="EN-US"/>
<body><tu><tuv xml:lang="EN-US"><seg>${unit.source}</seg></tuv><tuv xml:lang="DE-DE"><seg>Das Wetter ist heute schön.</seg></tuv></tu></body></tmx>
`)
    await t.store.memory.importTmx(file)
    const res = await t.call(`/api/articles/sv-general-01/units/${t.units[1]}/matches?lang=de`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.matches[0]).toMatchObject({ score: 99, target: 'Das Wetter ist heute schön.', regions: { source: 'en-US', target: 'de-DE' } })
  })
})
