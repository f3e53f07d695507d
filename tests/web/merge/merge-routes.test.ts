import { describe, expect, it } from 'vitest'
import { ARTICLE, makeWebApp } from '../_setup.js'

const EDIT = `/edit/${ARTICLE.id}/sv`
const JSON_ACCEPT = { Accept: 'application/json' }

describe('the three versions of a conflict', () => {
  it('answers base, theirs and mine with word diffs and the merge to start from', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const rev = await w.signedIn('rev')
    const unit = w.units[1] as string
    const save = (c: typeof ana, text: string, version: number) =>
      c.post(`${EDIT}/${unit}`, { text, version: String(version), state: 'translated' }, JSON_ACCEPT)
    expect((await save(ana, 'Vädret är fint idag.', 0)).status).toBe(200)
    expect((await save(rev, 'Vädret är vackert idag.', 1)).status).toBe(200)
    // Ana, still on version 1, changes another word: a conflict on the versions…
    expect((await save(ana, 'Vädret är fint i dag.', 1)).status).toBe(412)
    // …that the merge settles with both changes.
    const res = await ana.post(
      `${EDIT}/${unit}/merge`,
      { mine: 'Vädret är fint i dag.', basedOn: '1' },
      JSON_ACCEPT,
    )
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({
      base: { version: 1, text: 'Vädret är fint idag.' },
      theirs: {
        version: 2,
        text: 'Vädret är vackert idag.',
        author: 'rev',
        diff: [
          { op: 'same', text: 'Vädret är ' },
          { op: 'del', text: 'fint' },
          { op: 'ins', text: 'vackert' },
          { op: 'same', text: ' idag.' },
        ],
      },
      mine: { text: 'Vädret är fint i dag.' },
      parts: [{ kind: 'same', text: 'Vädret är vackert i dag.' }],
    })
    // Nothing was written by asking.
    expect((await w.store.getTranslation(ARTICLE.id, unit, 'sv')).version).toBe(2)
  })

  it('starts from an empty base for a segment first translated by both, and refuses a bad ask', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const unit = w.units[2] as string
    await w.store.writeTranslation({
      articleId: ARTICLE.id,
      unitId: unit,
      lang: 'sv',
      text: 'Båtarna är redo.',
      state: 'translated',
      ifVersion: 0,
      author: 'rev',
    })
    const res = await ana.post(`${EDIT}/${unit}/merge`, { mine: 'Båtarna står redo.', basedOn: '0' }, JSON_ACCEPT)
    expect(((await res.json()) as { parts: unknown[] }).parts).toEqual([
      { kind: 'choose', base: '', mine: 'Båtarna står redo.', theirs: 'Båtarna är redo.' },
    ])
    const bad = await ana.post(`${EDIT}/${unit}/merge`, { mine: 'x', basedOn: '-1' }, JSON_ACCEPT)
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toContain('application/problem+json')
    const unknown = await ana.post(`${EDIT}/${unit}x/merge`, { mine: 'x', basedOn: '0' }, JSON_ACCEPT)
    expect(unknown.status).toBe(404)
  })
})
