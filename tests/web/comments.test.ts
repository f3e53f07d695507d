import { describe, expect, it } from 'vitest'
import { ARTICLE, makeWebApp, writeAs } from './_setup.js'

const EDIT = `/edit/${ARTICLE.id}/sv`

describe('comments on the session routes', () => {
  it('posts a query with a form (CSRF checked), comes back to the panel, and counts it on the dashboard', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const unit = w.units[1]!
    await ana.get(`${EDIT}?active=${unit}`)
    const forged = await ana.post(`${EDIT}/${unit}/comments?filter=all&page=1&active=${unit}`, { text: 'x', _csrf: 'wrong' })
    expect(forged.status).toBe(403)
    const res = await ana.post(`${EDIT}/${unit}/comments?filter=all&page=1&active=${unit}`, { text: 'Which <harbour>?\r\nThe old one?', kind: 'query', scope: 'lang' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`${EDIT}?filter=all&page=1&active=${unit}#comments`)
    const [thread] = await w.store.comments.threads(ARTICLE.id)
    expect(thread).toMatchObject({ kind: 'query', lang: 'sv', author: 'ana', text: 'Which <harbour>?\nThe old one?' })
    const html = await (await ana.get(`${EDIT}?active=${unit}`)).text()
    expect(html).toContain('Which &lt;harbour&gt;?<br/>The old one?')
    expect(html).toContain('<span class="ccount" title="1 comment">')
    const dash = await (await ana.get('/')).text()
    expect(dash).toContain(`href="${EDIT}?filter=queries">1 open query</a>`)
    // The filter shows only that segment.
    const filtered = await (await ana.get(`${EDIT}?filter=queries`)).text()
    expect(filtered.match(/class="seg /g)).toHaveLength(1)
    expect(filtered).toContain(`data-unit="${unit}"`)
  })

  it('refuses a viewer, a comment of another article, and a text that breaks the rule', async () => {
    const w = await makeWebApp()
    const vic = await w.signedIn('vic')
    const unit = w.units[1]!
    await vic.get(`${EDIT}?active=${unit}`)
    const no = await vic.post(`${EDIT}/${unit}/comments`, { text: 'hm', scope: 'source' }, { Accept: 'application/json' })
    expect(no.status).toBe(403)
    const rev = await w.signedIn('rev')
    await rev.get(EDIT)
    const bad = await rev.post(`${EDIT}/${unit}/comments`, { text: 'a\u0001b' }, { Accept: 'application/json' })
    expect(bad.status).toBe(400)
    const long = await rev.post(`${EDIT}/${unit}/comments`, { text: 'x'.repeat(10_001) }, { Accept: 'application/json' })
    expect(long.status).toBe(400)
    expect((await rev.post(`${EDIT}/comments/999/reply`, { text: 'x' }, { Accept: 'application/json' })).status).toBe(404)
    const ok = await rev.post(`${EDIT}/${unit}/comments`, { text: 'fine' }, { Accept: 'application/json' })
    expect(ok.status).toBe(201)
    const posted = (await ok.json()) as { html: string }
    expect(posted).toMatchObject({ unit, count: 1, countLabel: '1 comment' })
    const [c] = await w.store.comments.threads(ARTICLE.id)
    expect(posted.html).toContain(`/comments/${c!.id}/delete`)
    // Only its author (or an admin) deletes it; deleted, it shows who did.
    const ana = await w.signedIn('ana')
    await ana.get(EDIT)
    expect((await ana.post(`${EDIT}/comments/${c!.id}/delete`, {}, { Accept: 'application/json' })).status).toBe(403)
    const gone = await rev.post(`${EDIT}/comments/${c!.id}/delete`, {}, { Accept: 'application/json' })
    expect(gone.status).toBe(200)
    expect(((await gone.json()) as { html: string; count: number })).toMatchObject({ count: 0 })
    expect((await w.store.comments.get(c!.id))?.deleted?.by).toBe('rev')
  })

  it('lists notifications, opens one (read, at its segment), marks all read, and shows the unread count in the header', async () => {
    const w = await makeWebApp()
    const unit = w.units[2]!
    await writeAs(w.store, unit, 'Vädret är fint.', { author: 'ana' })
    const q = await w.store.comments.add({ article: ARTICLE.id, unit, lang: 'sv', kind: 'query', text: 'Right?', by: 'rev' })
    await w.store.comments.reply(q.id, { text: 'Yes, @ana', by: 'boss' })
    const ana = await w.signedIn('ana')
    const page = await (await ana.get('/notifications')).text()
    expect(page).toContain('<span id="unread-count">2</span>')
    expect(page).toContain(`boss answered a query on a segment of ${ARTICLE.id}`)
    expect(page).toContain(`boss mentioned you on a segment of ${ARTICLE.id}`)
    const json = (await (await ana.get('/notifications', { Accept: 'application/json' })).json()) as { unread: number; notifications: { id: number }[] }
    expect(json.unread).toBe(2)
    const first = json.notifications[0]!.id
    const open = await ana.post(`/notifications/${first}/open`, {})
    expect(open.status).toBe(303)
    expect(open.headers.get('location')).toBe(`${EDIT}?active=${unit}#u-${unit}`)
    expect(await w.store.notifications.unread('ana')).toBe(1)
    // Someone else's notification is not found.
    const rev = await w.signedIn('rev')
    await rev.get('/notifications')
    expect((await rev.post(`/notifications/${first}/open`, {})).status).toBe(404)
    await ana.get('/notifications')
    expect((await ana.post('/notifications/read', {})).status).toBe(303)
    expect(await w.store.notifications.unread('ana')).toBe(0)
    const sv = await ana.get('/notifications', { 'Accept-Language': 'sv' })
    expect(await sv.text()).toContain('Aviseringar')
  })
})
