import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../src/auth/passwords.js'
import { safeNext } from '../../src/web/page-context.js'
import { makeWebApp, PASSWORD } from './_setup.js'

// Where a browser goes after sign-in or the language switch. The class of fault: a `next` that
// a browser's URL parser turns into another site (it drops tab, LF and CR anywhere, reads `\`
// as `/`, `//host` as a host), or that cannot go in a Location header at all (a 500).
const NASTY = [
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '\t//evil.example',
  '/\t\\evil.example',
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '\\/evil.example',
  ' //evil.example',
  '\u0000//evil.example',
  '/\u0000/evil.example',
  '/x\ny',
  '/x\u007fy',
  '/x\u001by',
  'https://evil.example',
  'HTTPS://evil.example/',
  'http:/evil.example',
  '//evil.example@tolk.test',
  'javascript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '/.//evil.example',
  '/..//evil.example',
  '/./\\evil.example',
  '/%2e%2e//evil.example',
  '/%2E//evil.example',
  '/x/..//evil.example',
  'evil.example',
  '',
  '/\ud800',
  `/${'a'.repeat(3000)}`,
]

/** What a browser would do with a Location header: the same origin, a path, nothing odd. */
function expectLocal(location: string | null, sent: string): void {
  const what = JSON.stringify(sent)
  expect(location, what).not.toBeNull()
  const url = new URL(location as string, 'http://tolk.test/sign-in')
  expect(url.origin, what).toBe('http://tolk.test')
  expect(location, what).toMatch(/^\/(?![/\\])/)
  expect(location, what).not.toMatch(/[\u0000-\u001f\u007f\\]/)
}

describe('next after sign-in and the language switch', () => {
  it('turns every nasty value into a local path, on the pure function', () => {
    for (const next of NASTY) {
      const out = safeNext(next)
      expectLocal(out, next)
      expect(out, JSON.stringify(next)).not.toContain('evil.example')
    }
  })

  it('keeps a local path with its query and fragment, encoded for a header', () => {
    expect(safeNext('/edit/a/sv?filter=all&page=2#u-1')).toBe('/edit/a/sv?filter=all&page=2#u-1')
    expect(safeNext('/edit/ä/sv')).toBe('/edit/%C3%A4/sv')
    expect(safeNext('/%2F/evil.example')).toBe('/%2F/evil.example')
  })

  it('never leaves the site from POST /sign-in, GET /sign-in when signed in, or POST /lang', async () => {
    const w = await makeWebApp()
    const c = w.client()
    await c.get('/sign-in')
    for (const next of NASTY) {
      const lang = await c.post('/lang', { lang: 'en', next })
      expect(lang.status, JSON.stringify(next)).toBe(303)
      expectLocal(lang.headers.get('location'), next)
      const page = await c.get(`/sign-in?${new URLSearchParams({ next })}`)
      expect(page.status, JSON.stringify(next)).toBe(200)
      const form = /<form method="post" action="\/sign-in">.*?<\/form>/s.exec(await page.text())?.[0]
      const hidden = /name="next" value="([^"]*)"/.exec(form ?? '')?.[1] ?? null
      expectLocal(hidden, next)
      expect(hidden, JSON.stringify(next)).not.toContain('evil')
    }
    const signIn = await c.post('/sign-in', { account: 'ana', password: PASSWORD, next: NASTY[0] as string })
    expect(signIn.status).toBe(303)
    expect(signIn.headers.get('location')).toBe('/')
    for (const next of NASTY) {
      const res = await c.get(`/sign-in?${new URLSearchParams({ next })}`)
      expect(res.status, JSON.stringify(next)).toBe(303)
      expectLocal(res.headers.get('location'), next)
    }
  })

  it('never leaves the site from POST /sign-in, for each value', async () => {
    const w = await makeWebApp()
    // A cheap hash (still scrypt, its cost read from the hash) for these 30 sign-ins.
    await w.web.passwords.set('ana', await hashPassword(PASSWORD, { N: 2 ** 10, r: 8, p: 1, keyLength: 32 }))
    for (const next of NASTY) {
      const c = w.client()
      await c.get('/sign-in')
      const res = await c.post('/sign-in', { account: 'ana', password: PASSWORD, next })
      expect(res.status, JSON.stringify(next)).toBe(303)
      expectLocal(res.headers.get('location'), next)
    }
  })
})
