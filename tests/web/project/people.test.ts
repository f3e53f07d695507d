import { describe, expect, it } from 'vitest'
import { ARTICLE, makeWebApp, PASSWORD } from '../_setup.js'

const EDIT = `/edit/${ARTICLE.id}/sv`
const api = (w: Awaited<ReturnType<typeof makeWebApp>>, token: string) =>
  w.app.request('/api/articles', { headers: { Authorization: `Bearer ${token}` } })

describe('people (admins)', () => {
  it('adds an account with a role, languages and a password it can sign in with', async () => {
    const w = await makeWebApp()
    const boss = await w.signedIn('boss')
    await boss.get('/people')
    const res = await boss.post('/people', { name: 'eva', role: 'translator', langs: 'sv, de', password: PASSWORD })
    expect(res.status).toBe(303)
    expect((await w.accounts.get('eva'))?.grants.map((g) => [g.role, [...g.langs].sort()])).toEqual([['translator', ['de', 'sv']]])
    const list = await (await boss.get('/people')).text()
    expect(list).toMatch(/translator:(sv,de|de,sv)/)
    const eva = await w.signedIn('eva')
    expect((await eva.get(EDIT)).status).toBe(200)
  })

  it('refuses bad input with a message and changes nothing', async () => {
    const w = await makeWebApp()
    const boss = await w.signedIn('boss')
    await boss.get('/people')
    const cases: [Record<string, string>, number, string][] = [
      [{ name: 'eva', role: 'translator', langs: '' }, 400, 'need languages'],
      [{ name: 'eva', role: 'admin', langs: 'sv' }, 400, 'need languages'],
      [{ name: 'eva', role: 'chief', langs: '' }, 400, 'Choose admin, translator'],
      [{ name: 'eva', role: 'translator', langs: 'not a language!' }, 400, 'A language is not valid'],
      [{ name: 'e v a', role: 'viewer', langs: '' }, 400, 'The name is not valid'],
      [{ name: 'eva', role: 'viewer', langs: '', password: 'short' }, 400, 'too short'],
      [{ name: 'ana', role: 'viewer', langs: '' }, 409, 'That name is taken'],
    ]
    for (const [form, status, message] of cases) {
      const res = await boss.post('/people', form)
      expect(res.status, message).toBe(status)
      expect(await res.text(), message).toContain(message)
    }
    expect((await w.accounts.list()).map((a) => a.name).sort()).toEqual(['ana', 'boss', 'rev', 'vic'])
    await boss.get('/people/ana')
    const grant = await boss.post('/people/ana/grant', { role: 'reviewer', langs: '' })
    expect(grant.status).toBe(400)
    expect(await grant.text()).toContain('need languages')
    const expiry = await boss.post('/people/ana/tokens', { expires: 'tomorrow' })
    expect(expiry.status).toBe(400)
    expect(await w.accounts.listTokens('ana')).toEqual([])
    expect((await w.accounts.get('ana'))?.grants).toEqual([{ role: 'translator', langs: ['sv'] }])
  })

  it('takes back a grant and ends the sessions of that person at once', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    expect((await ana.get(EDIT)).status).toBe(200)
    const boss = await w.signedIn('boss')
    await boss.get('/people/ana')
    await boss.post('/people/ana/grant', { role: 'reviewer', langs: 'sv' })
    const page = await (await boss.get('/people/ana')).text()
    expect(page).toContain('name="role" value="reviewer"')
    const res = await boss.post('/people/ana/revoke', { role: 'translator', langs: 'sv' })
    expect(res.status).toBe(303)
    expect((await w.accounts.get('ana'))?.grants).toEqual([{ role: 'reviewer', langs: ['sv'] }])
    const after = await ana.get(EDIT)
    expect(after.status).toBe(303)
    expect(after.headers.get('location')).toMatch(/^\/sign-in/)
  })

  it('creates a token shown once, lists it and revokes it', async () => {
    const w = await makeWebApp()
    const boss = await w.signedIn('boss')
    await boss.get('/people/vic')
    const created = await boss.post('/people/vic/tokens', { expires: '30d' })
    expect(created.status).toBe(200)
    expect(created.headers.get('cache-control')).toContain('no-store')
    const html = await created.text()
    const token = /<code>(tolk_[^<]+)<\/code>/.exec(html)?.[1] as string
    expect(token).toBeDefined()
    expect((await api(w, token)).status).toBe(200)
    const page = await (await boss.get('/people/vic')).text()
    expect(page).not.toContain(token)
    expect(page).toContain('valid until')
    const [info] = await w.accounts.listTokens('vic')
    expect((await boss.post(`/people/ana/tokens/${info?.id}/revoke`, {})).status).toBe(400)
    expect((await api(w, token)).status).toBe(200)
    expect((await boss.post(`/people/vic/tokens/${info?.id}/revoke`, {})).status).toBe(303)
    expect((await api(w, token)).status).toBe(401)
  })

  it('removes an account: its sessions end and its tokens stop at once', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const boss = await w.signedIn('boss')
    await boss.get('/people/ana')
    const html = await (await boss.post('/people/ana/tokens', {})).text()
    const token = /<code>(tolk_[^<]+)<\/code>/.exec(html)?.[1] as string
    const res = await boss.post('/people/ana/remove', {})
    expect(res.status).toBe(303)
    expect((await w.accounts.get('ana'))?.disabledAt).not.toBeNull()
    expect((await ana.get(EDIT)).status).toBe(303)
    expect((await api(w, token)).status).toBe(401)
    expect(await (await boss.get('/people/ana')).text()).toContain('This account was removed')
    const self = await boss.post('/people/boss/remove', {})
    expect(self.status).toBe(400)
    expect(await self.text()).toContain('your own account')
  })

  it('sets a password, ending the sessions', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const boss = await w.signedIn('boss')
    await boss.get('/people/ana')
    expect((await boss.post('/people/ana/password', { password: 'short' })).status).toBe(400)
    expect((await ana.get(EDIT)).status).toBe(200)
    expect((await boss.post('/people/ana/password', { password: 'another long passphrase' })).status).toBe(303)
    expect((await ana.get(EDIT)).status).toBe(303)
  })

  it('is for admins only, and in Swedish for a Swedish reader', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    expect((await ana.get('/people')).status).toBe(403)
    expect((await ana.post('/people/vic/remove', {})).status).toBe(403)
    expect((await w.accounts.get('vic'))?.disabledAt).toBeNull()
    const boss = await w.signedIn('boss')
    await boss.post('/lang', { lang: 'sv', next: '/' })
    expect(await (await boss.get('/people')).text()).toContain('Lägg till ett konto')
  })
})
