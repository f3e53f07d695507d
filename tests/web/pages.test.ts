import type { Store } from '../../src/store/types.js'
import { describe, expect, it } from 'vitest'
import { ARTICLE, makeWebApp } from './_setup.js'

const EDIT = `/edit/${ARTICLE.id}/sv`
const save = (unit: string) => `${EDIT}/${unit}?filter=all&page=1`

describe('sign-in and sessions', () => {
  it('sends a visitor without a session to the sign-in page and back after signing in', async () => {
    const w = await makeWebApp()
    const c = w.client()
    const res = await c.get(EDIT)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(EDIT)}`)
    await c.get('/sign-in')
    const signIn = await c.post('/sign-in', {
      account: 'ana',
      password: 'correct horse battery',
      next: EDIT,
    })
    expect(signIn.status).toBe(303)
    expect(signIn.headers.get('location')).toBe(EDIT)
    const cookie = signIn.headers.getSetCookie().find((l) => l.startsWith('tolk_session='))
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/)
    expect((await c.get(EDIT)).status).toBe(200)
  })

  it('marks the session cookie Secure behind HTTPS', async () => {
    const w = await makeWebApp()
    const c = w.client()
    await c.get('/sign-in')
    const res = await c.post(
      '/sign-in',
      { account: 'ana', password: 'correct horse battery' },
      { 'X-Forwarded-Proto': 'https' },
    )
    expect(res.headers.getSetCookie().find((l) => l.startsWith('tolk_session='))).toMatch(/Secure/)
  })

  it('refuses a wrong password without saying whether the account exists', async () => {
    const w = await makeWebApp()
    const c = w.client()
    await c.get('/sign-in')
    const wrong = await c.post('/sign-in', { account: 'ana', password: 'not the password' })
    const unknown = await c.post('/sign-in', { account: 'nobody', password: 'not the password' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(await wrong.text()).toContain('The account or the password is wrong.')
  })

  it('rate-limits sign-in attempts per account', async () => {
    const w = await makeWebApp({ limits: { perAccount: 2, perAddress: 100, windowMs: 60_000 } })
    const c = w.client()
    await c.get('/sign-in')
    for (let i = 0; i < 2; i++)
      expect(
        (await c.post('/sign-in', { account: 'ana', password: 'wrong password!' })).status,
      ).toBe(401)
    const blocked = await c.post('/sign-in', { account: 'ana', password: 'correct horse battery' })
    expect(blocked.status).toBe(429)
    // Until the first failure (counted when it began) leaves the 60 s window.
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    expect(await blocked.text()).toContain('Try again in 1 minute.')
    // Another account from elsewhere is not locked out by it.
    expect(
      (await c.post('/sign-in', { account: 'rev', password: 'correct horse battery' })).status,
    ).toBe(303)
  })

  it('rate-limits sign-in attempts per address across accounts', async () => {
    const w = await makeWebApp({ limits: { perAccount: 100, perAddress: 3, windowMs: 60_000 } })
    const c = w.client()
    await c.get('/sign-in')
    for (const name of ['a1', 'a2', 'a3'])
      await c.post('/sign-in', { account: name, password: 'wrong password!' })
    expect(
      (await c.post('/sign-in', { account: 'ana', password: 'correct horse battery' })).status,
    ).toBe(429)
  })

  it('ends the session on sign-out', async () => {
    const w = await makeWebApp()
    const c = await w.signedIn('ana')
    const out = await c.post('/sign-out', {})
    expect(out.headers.get('location')).toBe('/sign-in?out=1')
    expect((await c.get('/')).status).toBe(303)
  })
})

describe('CSRF', () => {
  it("refuses a form without the token, or with another browser's token", async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const rev = await w.signedIn('rev')
    const res = await ana.post(save(w.units[1] as string), { _csrf: '', text: 'Hej', version: '0' })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('The form has expired')
    expect(
      (await ana.post(save(w.units[1] as string), { _csrf: rev.csrf(), text: 'Hej', version: '0' }))
        .status,
    ).toBe(403)
    expect((await w.store.getTranslation(ARTICLE.id, w.units[1] as string, 'sv')).version).toBe(0)
  })

  it('refuses a sign-in post without the pre-session token', async () => {
    const w = await makeWebApp()
    const c = w.client()
    expect(
      (await c.post('/sign-in', { account: 'ana', password: 'correct horse battery' })).status,
    ).toBe(403)
  })

  it('leaves the bearer-token API alone', async () => {
    const w = await makeWebApp()
    expect((await w.app.request('/api/articles')).status).toBe(401)
  })
})

describe('editor', () => {
  it('saves a segment from a plain form and redirects back to its row', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const unit = w.units[1] as string
    const res = await ana.post(save(unit), {
      text: 'Vädret är fint idag.\r\n',
      version: '0',
      state: 'translated',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`${EDIT}?filter=all&page=1#u-${unit}`)
    const t = await w.store.getTranslation(ARTICLE.id, unit, 'sv')
    expect(t).toMatchObject({
      text: 'Vädret är fint idag.\n',
      state: 'translated',
      author: 'ana',
      version: 1,
    })
    // The last change shows in the panel of the active row.
    const html = await (await ana.get(`${EDIT}?active=${unit}`)).text()
    expect(html).toContain('1 of 5 segments done')
    expect(html).toContain('Last changed by ana')
  })

  it('answers the script in JSON with the new version, hints and progress', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const res = await ana.post(
      save(w.units[2] as string),
      { text: 'Vi går till hamnen klockan 6', version: '0', state: 'translated' },
      {
        Accept: 'application/json',
      },
    )
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      translation: { version: number }
      hints: { key: string }[]
      progress: { done: number }
    }
    expect(body.translation.version).toBe(1)
    expect(body.hints.map((h) => h.key)).toEqual(['numbers', 'end-punctuation']) // QA check ids: dismissals are per check
    expect(body.progress.done).toBe(1)
  })

  it("shows both texts when a save races a colleague's, as a page and as JSON", async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const rev = await w.signedIn('rev')
    const unit = w.units[1] as string
    await rev.post(save(unit), { text: 'Vädret är vackert.', version: '0', state: 'translated' })
    const page = await ana.post(save(unit), {
      text: 'Vädret är fint.',
      version: '0',
      state: 'translated',
    })
    expect(page.status).toBe(412)
    const html = await page.text()
    expect(html).toContain('Vädret är vackert.')
    expect(html).toContain('Vädret är fint.')
    expect(html).toContain('Keep mine')
    expect(html).toContain('name="version" value="1"')
    const json = await ana.post(
      save(unit),
      { text: 'Vädret är fint.', version: '0' },
      { Accept: 'application/json' },
    )
    expect(json.status).toBe(412)
    expect(await json.json()).toMatchObject({
      current: { text: 'Vädret är vackert.', version: 1, author: 'rev' },
      yours: { text: 'Vädret är fint.' },
    })
    expect((await w.store.getTranslation(ARTICLE.id, unit, 'sv')).text).toBe('Vädret är vackert.')
  })

  it('renders stored markup as text, never as markup', async () => {
    const w = await makeWebApp()
    const unit = w.units[1] as string
    await w.store.writeTranslation({
      articleId: ARTICLE.id,
      unitId: unit,
      lang: 'sv',
      text: '<script>alert(1)</script><img src=x onerror=alert(2)>',
      state: 'translated',
      ifVersion: 0,
      author: 'boss',
    })
    const ana = await w.signedIn('ana')
    const html = await (await ana.get(EDIT)).text()
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;',
    )
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img src=x')
    expect(html.match(/<script/g)).toHaveLength(1)
  })

  it('sends a CSP without inline scripts, and no inline scripts or handlers in the page', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const res = await ana.get(EDIT)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    const html = await res.text()
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/)
    expect(html).not.toMatch(/\son[a-z]+=/)
    expect(html).not.toMatch(/\sstyle=/)
  })

  it('gives textareas and sources the right lang and dir', async () => {
    const w = await makeWebApp()
    const html = await (await (await w.signedIn('ana')).get(EDIT)).text()
    expect(html).toMatch(/<textarea id="t-1" name="text" form="edit" lang="sv" dir="ltr"/)
    expect(html).toMatch(/<p class="target" lang="sv" dir="ltr"><\/p>/)
    expect(html).toMatch(/<p class="source" lang="en" dir="ltr">The weather is fine today\.<\/p>/)
  })

  it('shows a translator a read-only view of a language they may not edit, and refuses writes', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const res = await ana.get(`/edit/${ARTICLE.id}/de`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('You may read German but not edit it.')
    // No translation field; the comment field is there, for the source only (ana translates sv).
    expect(html).not.toContain('<textarea')
    expect(html).toContain('<option value="source">')
    expect(html).not.toContain('<option value="lang">')
    const post = await ana.post(`/edit/${ARTICLE.id}/de/${w.units[1]}`, {
      text: 'Das Wetter',
      version: '0',
    })
    expect(post.status).toBe(403)
    expect((await w.store.getTranslation(ARTICLE.id, w.units[1] as string, 'de')).version).toBe(0)
  })

  it('lets only reviewers save as reviewed', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    expect(await (await ana.get(EDIT)).text()).not.toContain('class="review"')
    expect(
      (
        await ana.post(save(w.units[1] as string), {
          text: 'Hej.',
          version: '0',
          state: 'reviewed',
        })
      ).status,
    ).toBe(403)
    const rev = await w.signedIn('rev')
    expect(await (await rev.get(EDIT)).text()).toContain('class="review"')
    expect(
      (
        await rev.post(save(w.units[1] as string), {
          text: 'Hej.',
          version: '0',
          state: 'reviewed',
        })
      ).status,
    ).toBe(303)
  })

  it('shows a stale segment with a word diff of the source change', async () => {
    const w = await makeWebApp()
    const unit = w.units[1] as string
    await w.store.writeTranslation({
      articleId: ARTICLE.id,
      unitId: unit,
      lang: 'sv',
      text: 'Vädret är fint idag.',
      state: 'translated',
      ifVersion: 0,
      author: 'ana',
    })
    const { importText } = await import('../../src/import/import-text.js')
    await importText(w.store, {
      ...ARTICLE,
      text: ARTICLE.text.replace('fine today', 'lovely today'),
    })
    const html = await (await (await w.signedIn('ana')).get(`${EDIT}?filter=stale`)).text()
    expect(html).toContain('<del>fine</del><ins>lovely</ins>')
    expect(html).toContain('The source changed since this was translated')
    expect(html.match(/class="seg /g)).toHaveLength(1)
  })

  it('filters untranslated segments and paginates', async () => {
    const w = await makeWebApp({ pageSize: 2 })
    const ana = await w.signedIn('ana')
    await ana.post(save(w.units[0] as string), { text: 'Välkommen', version: '0' })
    const first = await (await ana.get(`${EDIT}?filter=untranslated`)).text()
    expect(first).toContain('Page 1 of 2')
    const next = /<a href="([^"]+)">Next page</.exec(first)?.[1]?.replaceAll('&amp;', '&')
    expect(next).toMatch(/filter=untranslated&page=2&after=\d+$/)
    const html = await (await ana.get(next!)).text()
    expect(html.match(/class="seg /g)).toHaveLength(2)
    expect(html).toContain('Page 2 of 2')
    expect(html).not.toContain(`id="u-${w.units[0]}"`)
    expect(html).not.toContain('Next page')
    // And back again, to the first page's rows.
    const prev = /<a href="([^"]+)">Previous page</.exec(html)?.[1]?.replaceAll('&amp;', '&')
    expect(prev).toMatch(/filter=untranslated&page=1&before=\d+$/)
    const back = await (await ana.get(prev!)).text()
    expect(back).toContain('Page 1 of 2')
    expect(back.match(/id="u-[^"]+"/g)).toEqual(first.match(/id="u-[^"]+"/g))
  })

  it('reads one page of units per view, never the whole article', async () => {
    const refused = ['listUnits', 'listTranslations', 'history']
    const watch = (store: Store) =>
      new Proxy(store, {
        get(target, prop, receiver) {
          if (refused.includes(String(prop))) throw new Error(`${String(prop)} reads the whole article`)
          return Reflect.get(target, prop, receiver)
        },
      })
    const w = await makeWebApp({ pageSize: 2, watch })
    const ana = await w.signedIn('ana')
    for (const filter of ['all', 'untranslated', 'stale', 'review']) {
      const res = await ana.get(`${EDIT}?filter=${filter}`)
      expect(res.status).toBe(200)
    }
    expect((await ana.get(`${EDIT}/${w.units[1]}/history`)).status).toBe(200)
    const saved = await ana.post(save(w.units[1] as string), { text: 'Vädret', version: '0' }, { Accept: 'application/json' })
    expect(saved.status).toBe(200)
  })

  it('answers an unknown article with a page, not JSON', async () => {
    const w = await makeWebApp()
    const res = await (await w.signedIn('ana')).get('/edit/nope-01/sv')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('text/html')
  })
})

describe('history', () => {
  it('lists every write and restores an earlier version through the write path', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const unit = w.units[1] as string
    await ana.post(save(unit), { text: 'Första.', version: '0' })
    await ana.post(save(unit), { text: 'Andra.', version: '1' })
    const html = await (await ana.get(`${EDIT}/${unit}/history`)).text()
    expect(html).toContain('<del>Första</del><ins>Andra</ins>')
    const form =
      /<form method="post" action="([^"]+)"><input type="hidden" name="_csrf" value="[^"]+"\/><input type="hidden" name="version" value="(\d+)"\/><input type="hidden" name="text" value="Första."\/>/.exec(
        html,
      )
    expect(form?.[2]).toBe('2')
    await ana.post(form?.[1] as string, { version: '2', text: 'Första.', state: 'translated' })
    const t = await w.store.getTranslation(ARTICLE.id, unit, 'sv')
    expect(t).toMatchObject({ text: 'Första.', version: 3 })
    expect(await w.store.history(ARTICLE.id, unit, 'sv')).toHaveLength(3)
  })

  it('shows 100 versions a page, newest first, with a link to the older ones', async () => {
    const w = await makeWebApp()
    const unit = w.units[1] as string
    for (let v = 0; v < 105; v++) {
      await w.store.writeTranslation({ articleId: ARTICLE.id, unitId: unit, lang: 'sv', text: `Text ${v + 1}.`, state: 'translated', ifVersion: v, author: 'ana' })
    }
    const ana = await w.signedIn('ana')
    const html = await (await ana.get(`${EDIT}/${unit}/history`)).text()
    expect(html.match(/<li>/g)).toHaveLength(100)
    expect(html).toContain('<del>104</del><ins>105</ins>')
    expect(html).not.toContain('<del>4</del><ins>5</ins>')
    const older = /<a href="(\?cursor=[^"]+)">Older versions</.exec(html)?.[1]
    expect(older).toBeDefined()
    const rest = await (await ana.get(`${EDIT}/${unit}/history${older!.replaceAll('&amp;', '&')}`)).text()
    expect(rest.match(/<li>/g)).toHaveLength(5)
    expect(rest).toContain('<del>4</del><ins>5</ins>')
    expect(rest).toContain('<ins>Text 1.</ins>')
    expect(rest).not.toContain('Older versions')
  })
})

describe('interface language', () => {
  it('follows Accept-Language, then the cookie the switcher sets', async () => {
    const w = await makeWebApp()
    const c = w.client()
    expect(
      await (await c.get('/sign-in', { 'Accept-Language': 'sv-SE,sv;q=0.9,en;q=0.5' })).text(),
    ).toContain('Logga in')
    const res = await c.post('/lang', { lang: 'sv', next: '/sign-in' })
    expect(res.headers.get('location')).toBe('/sign-in')
    const html = await (await c.get('/sign-in', { 'Accept-Language': 'en' })).text()
    expect(html).toContain('<html lang="sv"')
    expect(html).toContain('Lösenord')
  })
})

describe('dashboard', () => {
  it('shows a coverage bar per target language with words left', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    await ana.post(save(w.units[1] as string), { text: 'Vädret är fint idag.', version: '0' })
    const html = await (await ana.get('/')).text()
    expect(html).toMatch(
      /aria-label="Swedish: 5 translated, 0 reviewed, 0 stale, 0 rejected, \d+ untranslated"/,
    )
    expect(html).toContain('Translate into Swedish')
    expect(html).toContain('Read German')
    expect(html).toMatch(/\d+ words left/)
  })
})

describe('accounts without grants', () => {
  it('get a 403 page instead of the dashboard', async () => {
    const w = await makeWebApp()
    await w.accounts.add('nobody', [])
    const { hashPassword } = await import('../../src/auth/passwords.js')
    await w.web.passwords.set('nobody', await hashPassword('correct horse battery'))
    const c = w.client()
    await c.get('/sign-in')
    await c.post('/sign-in', { account: 'nobody', password: 'correct horse battery' })
    const res = await c.get('/')
    expect(res.status).toBe(403)
    expect(res.headers.get('content-type')).toContain('text/html')
  })
})
