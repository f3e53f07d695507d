import { describe, expect, it } from 'vitest'
import { ARTICLE, jsonBody, makeTestApp, type TestApp, tPath } from './_setup.js'

/** Unit 2 translated by ana, then its source edited: stale at version 1. */
async function staleUnit(t: TestApp): Promise<string> {
  const unit = t.units[1] as string
  await t.call(tPath(unit), jsonBody('PUT', { text: 'Vädret är fint i dag.' }, { 'If-Match': '"0"' }), )
  const edited = ARTICLE.text.replace('The weather is fine today.', 'The weather is very fine today.')
  expect((await t.call(`/api/articles/${ARTICLE.id}`, jsonBody('PUT', { text: edited }))).status).toBe(200)
  return unit
}

const put = (t: TestApp, unit: string, body: unknown, version: string, as = 'boss') =>
  t.call(tPath(unit), { ...jsonBody('PUT', body, { 'If-Match': version }), as })

describe('PUT …/translations/:lang {"confirm": true}', () => {
  it('confirms a stale translation: same text, stale cleared, a new ETag, a confirmation in the history', async () => {
    const t = await makeTestApp()
    const unit = await staleUnit(t)
    const res = await put(t, unit, { confirm: true }, '"1"', 'ana')
    expect(res.status).toBe(200)
    expect(res.headers.get('etag')).toBe('"2"')
    expect(await res.json()).toMatchObject({ text: 'Vädret är fint i dag.', state: 'translated', stale: false, version: 2, author: 'ana' })
    const history = await (await t.call(`/api/articles/${ARTICLE.id}/units/${unit}/history?lang=sv`)).json()
    expect(history.history.map((h: { confirmation?: boolean }) => h.confirmation ?? false)).toEqual([false, true])
  })

  it('answers 412 on a stale version, 409 when not stale, 400 for other text and at version 0', async () => {
    const t = await makeTestApp()
    const unit = await staleUnit(t)
    const moved = await put(t, unit, { confirm: true }, '"0"')
    expect(moved.status).toBe(412)
    expect(moved.headers.get('content-type')).toBe('application/problem+json')
    const differs = await put(t, unit, { confirm: true, text: 'Något annat.' }, '"1"')
    expect(differs.status).toBe(400)
    expect((await differs.json()).type).toContain('text-differs')
    const never = await put(t, t.units[2] as string, { confirm: true }, '"0"')
    expect(never.status).toBe(400)
    expect((await never.json()).type).toContain('nothing-to-confirm')
    expect((await put(t, unit, { confirm: true }, '"1"')).status).toBe(200)
    const again = await put(t, unit, { confirm: true }, '"2"')
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ type: '/problems/not-stale', status: 409 })
    const wrongType = await put(t, unit, { confirm: 'yes' }, '"2"')
    expect(wrongType.status).toBe(400)
  })

  it('refuses a translator confirming a reviewed stale text (that is a reviewer\'s), naming the role', async () => {
    const t = await makeTestApp()
    const unit = t.units[1] as string
    await put(t, unit, { text: 'Vädret är fint i dag.', state: 'reviewed' }, '"0"', 'rev')
    await t.call(`/api/articles/${ARTICLE.id}`, jsonBody('PUT', { text: ARTICLE.text.replace('fine today', 'very fine today') }))
    const res = await put(t, unit, { confirm: true }, '"1"', 'ana')
    expect(res.status).toBe(403)
    expect((await res.json()).detail).toContain('reviewer role for sv')
    expect((await put(t, unit, { confirm: true }, '"1"', 'rev')).status).toBe(200)
  })
})

describe('PUT …/translations/:lang {"state": "rejected", "reason"}', () => {
  it('a reviewer rejects with a reason; the translator reads it; editing the text moves it back to translated', async () => {
    const t = await makeTestApp()
    const unit = t.units[0] as string
    await put(t, unit, { text: 'Välkommen' }, '"0"', 'ana')
    const rejected = await put(t, unit, { state: 'rejected', reason: 'Use "Välkomna": the reader is many.' }, '"1"', 'rev')
    expect(rejected.status).toBe(200)
    expect(await rejected.json()).toMatchObject({
      text: 'Välkommen',
      state: 'rejected',
      version: 2,
      author: 'rev',
      rejection: { reason: 'Use "Välkomna": the reader is many.', translator: 'ana' },
    })
    const seen = await (await t.call(tPath(unit), { as: 'ana' })).json()
    expect(seen.rejection).toEqual({ reason: 'Use "Välkomna": the reader is many.', translator: 'ana' })
    const history = await (await t.call(`/api/articles/${ARTICLE.id}/units/${unit}/history?lang=sv`)).json()
    expect(history.history[1]).toMatchObject({ newState: 'rejected', reason: 'Use "Välkomna": the reader is many.', translator: 'ana', author: 'rev' })
    const report = await (await t.call(`/api/report?article=${ARTICLE.id}&lang=sv`)).json()
    const sv = report.articles[0].languages.sv
    expect(sv.units.rejected).toBe(1)
    expect(sv.words.rejected).toBe(1)
    expect(sv.rejected.map((u: { id: string }) => u.id)).toEqual([unit])
    const listed = await (await t.call(`/api/articles/${ARTICLE.id}/units?lang=sv&state=rejected`)).json()
    expect(listed.units.map((u: { id: string; translation: { rejection: unknown } }) => [u.id, u.translation.rejection])).toEqual([
      [unit, { reason: 'Use "Välkomna": the reader is many.', translator: 'ana' }],
    ])
    // /locales serves it as it serves a stale translation: its text, until someone fixes it.
    const served = await (await t.call(`/locales/sv/${ARTICLE.id}.json`)).json()
    expect(served[unit]).toBe('Välkommen')
    const fixed = await put(t, unit, { text: 'Välkomna' }, '"2"', 'ana')
    expect(await fixed.json()).toMatchObject({ state: 'translated', version: 3 })
    expect((await (await t.call(tPath(unit))).json()).rejection).toBeUndefined()
  })

  it('refuses a translator (403 naming the grant), a missing or long reason, other text, and an untranslated unit', async () => {
    const t = await makeTestApp()
    const unit = t.units[0] as string
    await put(t, unit, { text: 'Välkommen' }, '"0"', 'ana')
    const translator = await put(t, unit, { state: 'rejected', reason: 'nej' }, '"1"', 'ana')
    expect(translator.status).toBe(403)
    expect((await translator.json()).detail).toBe('ana may translate sv but not reject it: that needs the reviewer role for sv')
    const noReason = await put(t, unit, { state: 'rejected' }, '"1"', 'rev')
    expect(noReason.status).toBe(400)
    expect((await noReason.json()).errors.map((e: { path: string }) => e.path)).toContain('reason')
    expect((await put(t, unit, { state: 'rejected', reason: 'x'.repeat(2001) }, '"1"', 'rev')).status).toBe(400)
    expect((await put(t, unit, { state: 'rejected', reason: 'bad\u0000' }, '"1"', 'rev')).status).toBe(400)
    expect((await put(t, unit, { state: 'rejected', reason: 42 }, '"1"', 'rev')).status).toBe(400)
    const other = await put(t, unit, { state: 'rejected', reason: 'nej', text: 'Hej' }, '"1"', 'rev')
    expect(other.status).toBe(400)
    expect((await other.json()).type).toContain('text-differs')
    const untranslated = await put(t, t.units[1] as string, { state: 'rejected', reason: 'tomt' }, '"0"', 'rev')
    expect(untranslated.status).toBe(409)
    expect((await put(t, unit, { text: 'Hej', reason: 'why' }, '"1"', 'rev')).status).toBe(400)
    expect((await put(t, unit, { state: 'rejected', reason: 'ok' }, '"0"', 'rev')).status).toBe(412)
    expect((await put(t, unit, { state: 'rejected', reason: 'x'.repeat(2000) }, '"1"', 'rev')).status).toBe(200)
    expect(await t.store.history(ARTICLE.id, unit, 'sv')).toHaveLength(2)
  })
})
