import { describe, expect, it } from 'vitest'
import { importText } from '../../../src/import/import-text.js'
import type { Store } from '../../../src/store/types.js'
import { ARTICLE, makeWebApp, writeAs } from '../_setup.js'

/** Two more articles beside ARTICLE: one of another tag, one into German only. */
async function more(store: Store) {
  await importText(store, { id: 'sv-news-02', tag: 'sv-news', lang: 'en', targets: ['sv', 'fi'], text: 'Zebras run fast. They are striped.\n', title: 'Zebra news' })
  await importText(store, { id: 'de-general-03', tag: 'de-general', lang: 'en', targets: ['de'], text: 'Apples are red.\n', title: 'Apples' })
}

const titles = (html: string) => [...html.matchAll(/<h2 id="a-[^"]*"><a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1])

describe('the dashboard', () => {
  it('shows a percentage per language, with the bar markup the live bars update', async () => {
    const w = await makeWebApp()
    await writeAs(w.store, w.units[0] as string, 'Välkommen')
    const ana = await w.signedIn('ana')
    const html = await (await ana.get('/')).text()
    expect(html).toMatch(/<svg class="bar"[^>]*role="img"/)
    expect(html).toMatch(/class="pct">\d+ ?%</)
    expect(html).toContain('<rect class="part-translated"')
  })

  it('searches by title or id, filters by tag and language, and sorts', async () => {
    const w = await makeWebApp()
    await more(w.store)
    const ana = await w.signedIn('ana')
    const page = async (q: string) => titles(await (await ana.get(`/?${q}`)).text())
    expect(await page('')).toEqual(['# Welcome', 'Apples', 'Zebra news'])
    expect(await page('q=zebra')).toEqual(['Zebra news'])
    expect(await page('q=general-03')).toEqual(['Apples'])
    expect(await page('tag=sv-news')).toEqual(['Zebra news'])
    expect(await page('lang=de')).toEqual(['# Welcome', 'Apples'])
    await writeAs(w.store, w.units[0] as string, 'Välkommen')
    expect(await page('sort=progress&lang=sv')).toEqual(['Zebra news', '# Welcome'])
    expect(await page('sort=left')).toEqual(['# Welcome', 'Zebra news', 'Apples'])
    // Welcome's translation above is the newest change, then the imports, newest first.
    expect(await page('sort=changed')).toEqual(['# Welcome', 'Apples', 'Zebra news'])
    const de = await (await ana.get('/?lang=de')).text()
    expect(de).not.toContain(`/edit/${ARTICLE.id}/sv"`)
  })

  it('puts my languages first when asked', async () => {
    const w = await makeWebApp()
    await more(w.store)
    const ana = await w.signedIn('ana') // translator of sv
    const html = await (await ana.get('/?mine=1&sort=name')).text()
    expect(titles(html)).toEqual(['# Welcome', 'Zebra news', 'Apples'])
    expect(html).toContain('name="mine" type="checkbox" value="1" checked')
    // Inside an article, sv before de although the article lists de after sv anyway; fi after sv.
    const zebra = html.slice(html.indexOf('Zebra news'))
    expect(zebra.indexOf('/sv"')).toBeLessThan(zebra.indexOf('/fi"'))
  })

  it('pages by keyset, with a next link that keeps the filters', async () => {
    const w = await makeWebApp({ dashboardPageSize: 2 })
    await more(w.store)
    const ana = await w.signedIn('ana')
    const first = await (await ana.get('/?sort=name')).text()
    expect(titles(first)).toEqual(['# Welcome', 'Apples'])
    const next = /<a href="([^"]+)" rel="next">/.exec(first)?.[1]?.replace(/&amp;/g, '&') as string
    expect(next).toMatch(/^\/\?.*after=/)
    const second = await (await ana.get(next)).text()
    expect(titles(second)).toEqual(['Zebra news'])
    expect(second).not.toContain('rel="next"')
  })

  it('never lists every article nor reads a source to draw a page', async () => {
    const calls: string[] = []
    const watch = (store: Store) =>
      new Proxy(store, {
        get(target, prop, receiver) {
          const v = Reflect.get(target, prop, receiver) as unknown
          if (typeof v !== 'function') return v
          return (...args: unknown[]) => {
            calls.push(String(prop))
            return (v as (...a: unknown[]) => unknown).apply(target, args)
          }
        },
      })
    const w = await makeWebApp({ watch })
    const ana = await w.signedIn('ana')
    calls.length = 0
    expect((await ana.get('/?sort=progress')).status).toBe(200)
    expect(calls).toContain('listArticlesPage')
    expect(calls).not.toContain('listArticles')
    expect(calls).not.toContain('getArticle')
  })

  it('says what is wrong with a bad filter, on the page, in the interface language', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    for (const [q, text] of [
      ['tag=nonsense', 'The tag is not valid'],
      ['lang=not_a_language', 'The language is not valid'],
      ['sort=size', 'Sort by name, progress'],
      ['after=garbage', 'start again from the first page'],
    ] as const) {
      const res = await ana.get(`/?${q}`)
      expect(res.status).toBe(400)
      expect(await res.text()).toContain(text)
    }
    await ana.post('/lang', { lang: 'sv', next: '/' })
    const sv = await ana.get('/?tag=nonsense')
    expect(await sv.text()).toContain('Taggen är inte giltig')
  })
})
