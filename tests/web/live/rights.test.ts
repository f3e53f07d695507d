import { describe, expect, it } from 'vitest'
import { openSqliteAccounts } from '../../../src/store/sqlite/accounts.js'
import { openSqliteWebAuth } from '../../../src/store/sqlite/sessions.js'
import { ARTICLE, makeWebApp, writeAs } from '../_setup.js'
import { openStream } from './_stream.js'

const EVENTS = `/edit/${ARTICLE.id}/sv/events`
type WebApp = Awaited<ReturnType<typeof makeWebApp>>

/** Save the first unit again, as the admin, so that every open stream gets an event. */
async function save(w: WebApp, text: string): Promise<void> {
  const unit = w.units[0] as string
  const { version } = await w.store.getTranslation(ARTICLE.id, unit, 'sv')
  await writeAs(w.store, unit, text, { author: 'boss', ifVersion: version })
}

/**
 * An open stream of `who`, known to be followed: a save made after it opened has arrived, so
 * the process polls the database for it (and its first poll, which looks at everything, is over).
 */
async function followed(w: WebApp, who: string) {
  const c = await w.signedIn(who)
  const res = await c.get(EVENTS)
  expect(res.status).toBe(200)
  const stream = openStream(res)
  await save(w, `Välkommen, ${who}.`)
  expect(await stream.until(new RegExp(`Välkommen, ${who}`), 5000)).toBe(true)
  return { c, stream }
}

/** Another process's way in: its own connections to the file, as a CLI verb has. */
async function asCli<T>(w: WebApp, act: (cli: { accounts: ReturnType<typeof openSqliteAccounts>; web: ReturnType<typeof openSqliteWebAuth> }) => Promise<T>) {
  const accounts = openSqliteAccounts({ file: w.file })
  const web = openSqliteWebAuth({ file: w.file }, accounts)
  try {
    return await act({ accounts, web })
  } finally {
    await web.close()
    await accounts.close()
  }
}

// The heartbeat is a minute away: only the change signal can end these streams within 1 s.
const LIVE = { pollMs: 20, heartbeatMs: 60_000 }

describe('rights end on open streams within 1 s, by a change made anywhere on the database', () => {
  it('ends the stream when the session is ended by another process (tolk user sign-out)', async () => {
    const w = await makeWebApp(LIVE)
    const { stream } = await followed(w, 'ana')
    await asCli(w, ({ web }) => web.sessions.endAll('ana'))
    expect(await stream.endsWithin(1000)).toBe(true)
    expect(stream.text()).toMatch(/event: end\ndata: signed-out\n\n$/)
  })

  it('ends the stream on a new password, set by another process', async () => {
    const w = await makeWebApp(LIVE)
    const { stream } = await followed(w, 'ana')
    await asCli(w, ({ web }) => web.passwords.set('ana', 'scrypt$1$1$1$x$y'))
    expect(await stream.endsWithin(1000)).toBe(true)
    expect(stream.text()).toMatch(/event: end\ndata: signed-out\n\n$/)
  })

  it('ends the stream when the grant for its language is taken back, and leaves the others open', async () => {
    const w = await makeWebApp(LIVE)
    const ana = await followed(w, 'ana')
    const rev = await followed(w, 'rev')
    await asCli(w, ({ accounts }) => accounts.revoke('ana', { role: 'translator', langs: ['sv'] }))
    expect(await ana.stream.endsWithin(1000)).toBe(true)
    expect(ana.stream.text()).toMatch(/event: end\ndata: rights-changed\n\n$/)
    // Rev's rights did not change: the stream goes on and brings the next save.
    await save(w, 'Vädret är fint.')
    expect(await rev.stream.until(/Vädret är fint/, 5000)).toBe(true)
    expect(rev.stream.text()).not.toContain('event: end')
    await rev.stream.cancel()
  })

  it('keeps a stream open while the right to read stays, when only a right to write elsewhere goes', async () => {
    const w = await makeWebApp(LIVE)
    await w.accounts.grant('vic', { role: 'translator', langs: ['de'] })
    const { stream } = await followed(w, 'vic')
    await asCli(w, ({ accounts }) => accounts.revoke('vic', { role: 'translator', langs: ['de'] }))
    // Vic could not write sv before either: the sv stream goes on.
    await save(w, 'Efter ändringen.')
    expect(await stream.until(/Efter ändringen/, 5000)).toBe(true)
    expect(stream.text()).not.toContain('event: end')
    await stream.cancel()
  })

  it('ends the stream when the session expires, and its own looks do not keep the session alive', async () => {
    // Sessions idle out after 3 s here; only requests slide them, and the stream makes none.
    const w = await makeWebApp({ ...LIVE, lifetime: { idleMs: 3000 } })
    const { c, stream } = await followed(w, 'ana')
    // Rights change elsewhere meanwhile, so the stream looks at its session again: a look that slid
    // it would keep it open.
    await w.accounts.grant('vic', { role: 'translator', langs: ['de'] })
    expect(await stream.endsWithin(6000)).toBe(true)
    expect(stream.text()).toMatch(/event: end\ndata: signed-out\n\n$/)
    expect((await c.get(EVENTS)).status).toBe(303)
  })

  it('ends the stream on sign-out in the same process, and the stream asks to sign in again', async () => {
    const w = await makeWebApp(LIVE)
    const { c, stream } = await followed(w, 'ana')
    await c.post('/sign-out', {})
    expect(await stream.endsWithin(1000)).toBe(true)
    expect(stream.text()).toMatch(/event: end\ndata: signed-out\n\n$/)
    expect((await c.get(EVENTS)).status).toBe(303)
  })
})
