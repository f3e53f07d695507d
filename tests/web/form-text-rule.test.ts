import { describe, expect, it } from 'vitest'
import { fingerprint } from '../http/_fingerprint.js'
import { ARTICLE, makeWebApp } from './_setup.js'

// The editor form is a write path like the API: the store's text rule refuses control characters
// and over-long texts, and the form's own decoding refuses broken percent-escapes (which
// URLSearchParams and FormData would turn into U+FFFD and store).

/** An app with ana (sv) signed in, and a way to post a raw form body, as a broken client would. */
async function editorOf() {
  const w = await makeWebApp()
  const ana = await w.signedIn('ana')
  await ana.get(`/edit/${ARTICLE.id}/sv`)
  const postRaw = async (rawText: string, accept = 'text/html') => {
    const before = fingerprint(w.file)
    const res = await w.app.request(`/edit/${ARTICLE.id}/sv/${w.units[1]}`, {
      method: 'POST',
      body: `_csrf=${ana.csrf()}&version=0&state=translated&text=${rawText}`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept,
        cookie: [...ana.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    })
    return { res, written: fingerprint(w.file) !== before }
  }
  return { w, postRaw }
}

const CASES: [string, string][] = [
  ['NUL', 'Hej%00d%C3%A5'],
  ['BEL', 'Hej%07'],
  ['ESC', '%1B%5B31mHej'],
  ['DEL', 'Hej%7F'],
  ['3,000,000 characters', 'x'.repeat(3_000_000)],
  ['an invalid UTF-8 byte', 'Hej%FF'],
  ['a truncated UTF-8 sequence', 'Hej%E2%82'],
  ['an overlong encoding', '%C0%AF'],
  ['a surrogate half encoded as UTF-8', '%ED%A0%80'],
  ['a % without two hex digits', 'Hej%2'],
  ['a bare %', '100%'],
]

describe('the editor form refuses text against the rule (400), writes nothing', () => {
  it('answers the form with a 400 page and the script with problem+json, for each', async () => {
    const { postRaw } = await editorOf()
    for (const [name, raw] of CASES) {
      const page = await postRaw(raw)
      expect(page.res.status, name).toBe(400)
      expect(page.res.headers.get('content-type'), name).toMatch(/text\/html/)
      expect(page.written, name).toBe(false)
      const script = await postRaw(raw, 'application/json')
      expect(script.res.status, name).toBe(400)
      expect(script.res.headers.get('content-type'), name).toBe('application/problem+json')
      expect(((await script.res.json()) as { detail: string }).detail, name).toMatch(/control character|percent-escape|characters long/)
      expect(script.written, name).toBe(false)
    }
  })

  it('takes escaped UTF-8, + as a space, tab and line breaks', async () => {
    const { w, postRaw } = await editorOf()
    const { res } = await postRaw('V%C3%A4dret+%C3%A4r%09fint%0D%0Ai+dag.')
    expect(res.status).toBe(303)
    expect((await w.store.getTranslation(ARTICLE.id, w.units[1]!, 'sv')).text).toBe('Vädret är\tfint\ni dag.')
  })
})
