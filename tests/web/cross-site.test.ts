import { describe, expect, it } from 'vitest'
import { makeTestApp, jsonBody, tPath } from '../http/_setup.js'
import { ARTICLE, makeWebApp } from './_setup.js'

// CSRF rests on two checks: the token, and the browser's word on where the request came from
// (Origin, else Sec-Fetch-Site). A request from another site carrying the session cookie is
// refused even with a valid token; requests with a Bearer token never carry cookies' authority.
const EDIT = `/edit/${ARTICLE.id}/sv`
const save = (unit: string) => `${EDIT}/${unit}?filter=all&page=1`

const CROSS: Record<string, string>[] = [
  { Origin: 'http://evil.example' },
  { Origin: 'http://localhost.evil.example' },
  { Origin: 'http://localhost:8080' },
  { Origin: 'null' },
  { Origin: 'not a url' },
  { 'Sec-Fetch-Site': 'cross-site' },
  { 'Sec-Fetch-Site': 'same-site' },
  { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'same-origin' },
]

describe('cross-site state-changing requests', () => {
  it('refuses a save from another site with a valid token: a page for the form, problem+json for the script', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const unit = w.units[1] as string
    for (const headers of CROSS) {
      const page = await ana.post(save(unit), { text: 'Hej', version: '0' }, headers)
      expect(page.status, JSON.stringify(headers)).toBe(403)
      expect(page.headers.get('content-type'), JSON.stringify(headers)).toContain('text/html')
      const json = await ana.post(save(unit), { text: 'Hej', version: '0' }, { ...headers, Accept: 'application/json' })
      expect(json.status, JSON.stringify(headers)).toBe(403)
      expect(json.headers.get('content-type')).toBe('application/problem+json')
      expect(await json.json()).toMatchObject({ status: 403, type: '/problems/cross-site' })
    }
    expect((await w.store.getTranslation(ARTICLE.id, unit, 'sv')).version).toBe(0)
  })

  it('refuses sign-out, the language switch and sign-in from another site', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const evil = { Origin: 'http://evil.example' }
    expect((await ana.post('/sign-out', {}, evil)).status).toBe(403)
    expect((await ana.get('/')).status).toBe(200)
    expect((await ana.post('/lang', { lang: 'sv', next: '/' }, evil)).status).toBe(403)
    const c = w.client()
    await c.get('/sign-in')
    expect((await c.post('/sign-in', { account: 'ana', password: 'correct horse battery' }, evil)).status).toBe(403)
  })

  it('lets the same origin in, by Origin or Sec-Fetch-Site, and clients that send neither', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const unit = w.units[1] as string
    let version = 0
    for (const headers of <Record<string, string>[]>[
      { Origin: 'http://localhost' },
      { 'Sec-Fetch-Site': 'same-origin' },
      { 'Sec-Fetch-Site': 'none' },
      { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' },
      {},
    ]) {
      const res = await ana.post(save(unit), { text: `Hej ${version}`, version: String(version) }, headers)
      expect(res.status, JSON.stringify(headers)).toBe(303)
      version++
    }
  })

  it("asks browsers for the pages' own Origin on their posts (no-referrer would make it null)", async () => {
    const w = await makeWebApp()
    const c = w.client()
    for (const res of [await c.get('/sign-in'), await c.post('/sign-in', { account: 'ana', password: 'wrong password' })]) {
      expect(res.headers.get('referrer-policy'), String(res.status)).toBe('same-origin')
    }
    const ana = await w.signedIn('ana')
    for (const res of [await ana.get(EDIT), await ana.get('/edit/nope/sv')]) {
      expect(res.headers.get('referrer-policy'), String(res.status)).toBe('same-origin')
    }
    expect((await ana.post('/lang', { lang: 'sv', next: '/' }, { Origin: 'null' })).status).toBe(403)
  })

  it('behind HTTPS, wants the https origin of the same host', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const unit = w.units[1] as string
    const https = { 'X-Forwarded-Proto': 'https' }
    expect((await ana.post(save(unit), { text: 'Hej', version: '0' }, { ...https, Origin: 'http://localhost' })).status).toBe(403)
    expect((await ana.post(save(unit), { text: 'Hej', version: '0' }, { ...https, Origin: 'https://localhost' })).status).toBe(303)
  })

  it('leaves requests with a Bearer token alone, whatever their origin', async () => {
    const t = await makeTestApp()
    const res = await t.call(
      tPath(t.units[1] as string),
      jsonBody('PUT', { text: 'Hej.', state: 'translated' }, { 'If-Match': '"0"', Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' }),
    )
    expect(res.status).toBe(200)
  })
})
