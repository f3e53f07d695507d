import { describe, expect, it } from 'vitest'
import { ARTICLE, jsonBody, makeTestApp, tPath } from './_setup.js'

describe('translations with ETag and If-Match', () => {
  it('answers a never-translated unit as initial, version 0, ETag "0"', async () => {
    const t = await makeTestApp()
    const res = await t.call(tPath(t.units[0] as string))
    expect(res.status).toBe(200)
    expect(res.headers.get('etag')).toBe('"0"')
    expect(await res.json()).toMatchObject({ state: 'initial', version: 0, text: '', stale: false, author: null })
  })

  it('writes with the current ETag and answers the new one', async () => {
    const t = await makeTestApp()
    const path = tPath(t.units[0] as string)
    const put = await t.call(path, jsonBody('PUT', { text: 'Välkommen', state: 'translated' }, { 'If-Match': '"0"' }))
    expect(put.status).toBe(200)
    expect(put.headers.get('etag')).toBe('"1"')
    const get = await t.call(path)
    expect(get.headers.get('etag')).toBe('"1"')
    expect(await get.json()).toMatchObject({ text: 'Välkommen', state: 'translated', version: 1, author: 'boss' })
  })

  it('answers 428 without If-Match and writes nothing', async () => {
    const t = await makeTestApp()
    const path = tPath(t.units[0] as string)
    const res = await t.call(path, jsonBody('PUT', { text: 'Hej' }))
    expect(res.status).toBe(428)
    expect((await res.json()).detail).toContain('If-Match')
    expect(await t.store.history(ARTICLE.id, t.units[0] as string)).toEqual([])
  })

  it('answers 412 with current and yours when the version moved on, and writes nothing', async () => {
    const t = await makeTestApp()
    const path = tPath(t.units[0] as string)
    await t.call(path, jsonBody('PUT', { text: 'Välkommen' }, { 'If-Match': '"0"' }))
    const res = await t.call(path, jsonBody('PUT', { text: 'Hej', state: 'translated' }, { 'If-Match': '"0"' }))
    expect(res.status).toBe(412)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.headers.get('etag')).toBe('"1"')
    const body = await res.json()
    expect(body).toMatchObject({
      type: expect.stringContaining('version-conflict'),
      title: 'Version conflict',
      status: 412,
      current: { text: 'Välkommen', state: 'translated', version: 1 },
      yours: { text: 'Hej', state: 'translated', basedOn: 0 },
    })
    expect(await t.store.history(ARTICLE.id, t.units[0] as string)).toHaveLength(1)
  })

  it('refuses If-Match * and malformed ETags rather than overwrite blindly', async () => {
    const t = await makeTestApp()
    const path = tPath(t.units[0] as string)
    for (const tag of ['*', '0', 'W/"0"', '"0", "1"', '"abc"']) {
      const res = await t.call(path, jsonBody('PUT', { text: 'Hej' }, { 'If-Match': tag }))
      expect(res.status, tag).toBe(400)
    }
  })

  it('clears stale when a PUT changes the text of a stale translation', async () => {
    const t = await makeTestApp()
    const unit = t.units[1] as string
    const path = tPath(unit)
    await t.call(path, jsonBody('PUT', { text: 'Vädret är fint i dag.' }, { 'If-Match': '"0"' }))
    const edited = ARTICLE.text.replace('The weather is fine today.', 'The weather is very fine today.')
    expect((await t.call(`/api/articles/${ARTICLE.id}`, jsonBody('PUT', { text: edited }))).status).toBe(200)
    const stale = await (await t.call(path)).json()
    expect(stale).toMatchObject({ stale: true, version: 1 })
    const listed = await (await t.call(`/api/articles/${ARTICLE.id}/units?lang=sv&state=stale`)).json()
    expect(listed.units.map((u: { id: string }) => u.id)).toEqual([unit])
    const put = await t.call(path, jsonBody('PUT', { text: 'Vädret är mycket fint i dag.' }, { 'If-Match': '"1"' }))
    expect(await put.json()).toMatchObject({ stale: false, version: 2, madeFrom: 'The weather is very fine today.' })
  })

  it('answers 404 for an unknown unit and 400 for a language that is not a target', async () => {
    const t = await makeTestApp()
    expect((await t.call(tPath('nope'))).status).toBe(404)
    expect((await t.call(tPath(t.units[0] as string, 'fi'))).status).toBe(400)
    const put = await t.call(tPath(t.units[0] as string, 'fi'), jsonBody('PUT', { text: 'Hei' }, { 'If-Match': '"0"' }))
    expect(put.status).toBe(400)
  })
})
