// Issue 16, items 8 and 10 through the API: a language guessed from too little text is named,
// with the `lang=` parameter that sets it; a given language is not held against the tag.
import { describe, expect, it } from 'vitest'
import { jsonBody, makeTestApp } from './_setup.js'

const SHORT_ENGLISH = 'My dog likes long walks in the park. She sleeps all day.'
// Too few letters to act on the detector's guess: the tag's language is taken.
const TINY_ENGLISH = 'The dog sleeps all day.'

describe('the text language on import', () => {
  it('refuses the sv target of a short English text under an sv- tag, naming lang=en', async () => {
    const t = await makeTestApp()
    const res = await t.call('/api/articles?id=sv-pets-01&tag=sv-pets&targets=sv', {
      method: 'POST',
      body: TINY_ENGLISH,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
    expect(res.status).toBe(400)
    expect((await res.json()).detail).toMatch(/target language sv is the text language as guessed .*say lang=en/)
    const ok = await t.call('/api/articles?id=sv-pets-01&tag=sv-pets&targets=sv&lang=en', {
      method: 'POST',
      body: TINY_ENGLISH,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
    expect(ok.status).toBe(201)
    expect((await ok.json()).warnings).toEqual([])
  })

  it('says which language it assumed, in the warnings, when the text is too short to tell', async () => {
    const t = await makeTestApp()
    const res = await t.call('/api/articles', jsonBody('POST', { id: 'de-pets-05', tag: 'de-pets', targets: ['sv'], text: TINY_ENGLISH }))
    expect(res.status).toBe(201)
    const { warnings } = await res.json()
    expect(warnings).toEqual([
      { code: 'language-guessed', message: expect.stringMatching(/5 words, too few to be sure of its language: taken as de, its tag's language; if it is en, say lang=en/) },
    ])
    const read = await t.call('/api/articles', jsonBody('POST', { id: 'de-pets-06', tag: 'de-pets', targets: ['sv'], text: SHORT_ENGLISH }))
    expect((await read.json()).warnings).toEqual([
      { code: 'language-guessed', message: expect.stringMatching(/12 words, too few to be sure of its language: taken as en, as it reads, though its tag declares de; if it is de, say lang=de/) },
    ])
    // An unchanged re-import says nothing new; giving the language confirms it, for good.
    const again = await t.call('/api/articles/de-pets-05', jsonBody('PUT', { text: TINY_ENGLISH }))
    expect(again.status).toBe(200)
    const confirm = await t.call('/api/articles/de-pets-05', jsonBody('PUT', { text: TINY_ENGLISH, lang: 'en' }))
    expect((await confirm.json()).warnings).toEqual([])
    expect((await t.store.getArticle('de-pets-05'))?.langConfirmed).toBe(true)
    const later = await t.call('/api/articles/de-pets-05', jsonBody('PUT', { text: `${TINY_ENGLISH} It rains.` }))
    expect((await later.json()).warnings).toEqual([])
  })
})

describe('a re-import by PUT', () => {
  it('keeps the stored tag of an article whose id implies none', async () => {
    const t = await makeTestApp()
    const created = await t.call('/api/articles', jsonBody('POST', { id: 'guide', tag: 'sv-guide', lang: 'en', targets: ['sv'], text: SHORT_ENGLISH }))
    expect(created.status).toBe(201)
    const res = await t.call('/api/articles/guide', jsonBody('PUT', { text: `${SHORT_ENGLISH} It rains.` }))
    expect(res.status).toBe(200)
    expect((await t.store.getArticle('guide'))?.tag).toBe('sv-guide')
  })
})
