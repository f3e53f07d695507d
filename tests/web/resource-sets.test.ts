import { describe, expect, it } from 'vitest'
import { makeWebApp } from './_setup.js'

describe('editor: i18next resource sets', () => {
  it('lists a namespace on the dashboard, its keys in the editor, and saves one through the write path', async () => {
    const w = await makeWebApp()
    await w.store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['nav.home', 'Home'], ['items_other', '{{count}} items']], targets: ['sv'] })
    const ana = await w.signedIn('ana')
    expect(await (await ana.get('/')).text()).toContain('/edit/app/sv')
    const page = await (await ana.get('/edit/app/sv')).text()
    expect(page).toContain('{{count}} items')
    expect(page).toContain('u-nav.home')
    const res = await ana.post('/edit/app/sv/nav.home?filter=all&page=1', { text: 'Hem', version: '0', state: 'translated' })
    expect(res.status).toBe(303)
    expect(await w.store.getTranslation('app', 'nav.home', 'sv')).toMatchObject({ text: 'Hem', version: 1, author: 'ana' })
    expect(await w.store.history('app', 'nav.home', 'sv')).toHaveLength(1)
  })
})
