/**
 * One contract for every engine adapter: Apertium against a real APy, the hosted ones against
 * their local stand-ins (./_standins.ts). Then each hosted one's failures: 429 with Retry-After,
 * quota, errors, slow answers past the deadline, malformed replies, the concurrency limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkCodes } from '../../src/codes/index.js'
import { createEngines } from '../../src/mt/engines.js'
import type { EngineKind, MtEngine, MtOutcome } from '../../src/mt/types.js'
import { describeWith } from '../tools/need.js'
import { useApy } from './_apy.js'
import { startStandIn, type StandIn } from './_standins.js'

const KEY = 'sekret-key'
const ok = (o: MtOutcome | undefined): string => {
  if (!o?.ok) throw new Error(`not translated: ${o && !o.ok ? o.reason : 'nothing'}`)
  return o.text
}

/** The contract every engine passes; `engine()` is ready once the suite's beforeAll ran. */
function contract(kind: EngineKind, engine: () => MtEngine, opts: { listsPairs: boolean }) {
  it(`${kind}: translates a batch, one outcome per text, in order`, async () => {
    const texts = ['The cat is black.', 'Hello world.', 'The dog sleeps.']
    const out = await engine().translate('en', 'es', texts)
    expect(out).toHaveLength(3)
    out.forEach((o, i) => expect(ok(o)).not.toBe(texts[i]))
  })

  it(`${kind}: a blank text comes back as it is`, async () => {
    const out = await engine().translate('en', 'es', ['  ', 'The cat is black.'])
    expect(out[0]).toEqual({ ok: true, text: '  ' })
    expect(ok(out[1])).toBeTruthy()
  })

  it(`${kind}: codes (a link, emphasis) survive, each once and in order`, async () => {
    const src = 'Read ⟦1⟧the manual⟦/1⟧ and ⟦2⟧call⟦/2⟧ me⟦3/⟧.'
    const text = ok((await engine().translate('en', 'es', [src]))[0])
    expect(checkCodes(text, src)).toEqual({ errors: [], warnings: [] })
    // Carried as they came, not put back by the repair.
    expect((await engine().translate('en', 'es', [src]))[0]).not.toHaveProperty('repaired')
    for (const id of ['1', '2']) expect(text.indexOf(`⟦${id}⟧`)).toBeLessThan(text.indexOf(`⟦/${id}⟧`))
  })

  it(`${kind}: characters XML would escape come back as they are`, async () => {
    const text = ok((await engine().translate('en', 'es', ['Cats & dogs < 3 > 2.']))[0])
    expect(text).toMatch(/&/)
    expect(text).toMatch(/</)
    expect(text).not.toMatch(/&amp;|&lt;/)
  })

  it(`${kind}: lists the pairs it serves`, async () => {
    const pairs = await engine().pairs()
    expect(pairs).toContainEqual(opts.listsPairs ? { from: 'en', to: 'es' } : { from: '*', to: '*' })
  })

  if (opts.listsPairs)
    it(`${kind}: a pair it lacks fails each text with the reason`, async () => {
      const out = await engine().translate('en', 'ja', ['One.', 'Two.'])
      expect(out).toEqual([
        { ok: false, reason: expect.stringMatching(/no en → ja pair/) },
        { ok: false, reason: expect.stringMatching(/no en → ja pair/) },
      ])
    })

  it(`${kind}: an aborted signal fails the texts, it does not throw`, async () => {
    const out = await engine().translate('en', 'es', ['The cat.'], { signal: AbortSignal.abort() })
    expect(out[0]).toMatchObject({ ok: false })
  })
}

describeWith(['apertium'], 'apertium (real APy)', { timeout: 30_000 }, () => {
  const apy = useApy()
  let engine: MtEngine
  beforeAll(() => {
    engine = createEngines([{ name: 'apertium', kind: 'apertium', url: apy.url() }]).get('apertium')!
  })
  contract('apertium', () => engine, { listsPairs: true })

  it('apertium: really translates English into Spanish', async () => {
    const [o] = await engine.translate('en', 'es', ['The cat is black.'])
    expect(ok(o)).toBe('El gato es negro.')
  })
})

for (const kind of ['deepl', 'libretranslate', 'openai'] as const) {
  describe(`${kind} (stand-in)`, () => {
    let stand: StandIn
    let engine: MtEngine
    let quick: MtEngine
    beforeAll(async () => {
      stand = await startStandIn(kind, KEY)
      const config = { name: kind, kind, url: stand.url, key: KEY }
      engine = createEngines([config]).get(kind)!
      quick = createEngines([config], { batchDeadlineMs: 300 }).get(kind)!
    })
    afterAll(() => stand.close())
    contract(kind, () => engine, { listsPairs: kind !== 'openai' })

    it(`${kind}: the key goes in the documented place, and never into a reason`, async () => {
      const wrong = createEngines([{ name: kind, kind, url: stand.url, key: 'other-key' }]).get(kind)!
      const [o] = await wrong.translate('en', 'es', ['The cat.'])
      expect(o).toMatchObject({ ok: false, reason: expect.stringMatching(/^refused the key \(HTTP 40[13]\)/) })
      expect(JSON.stringify(o)).not.toMatch(/other-key|sekret/)
    })

    it(`${kind}: a 429 whose Retry-After fits is waited out once`, async () => {
      const before = stand.requests.length
      const [o] = await engine.translate('en', 'es', ['!429 the cat.'])
      expect(ok(o)).toBe('!429 THE CAT.')
      expect(stand.requests.length - before).toBeGreaterThanOrEqual(2)
    })

    it(`${kind}: a 429 asking for longer than the deadline fails with the wait`, async () => {
      const [o] = await engine.translate('en', 'es', ['!429long the cat.'])
      expect(o).toEqual({ ok: false, reason: 'rate limited, retry after 120 s' })
    })

    it(`${kind}: quota exhaustion, server errors and malformed replies are reasons per text`, async () => {
      // One call each: DeepL and LibreTranslate send a group in one request.
      const out = (
        await Promise.all(['!quota a', '!500 b', '!garbled c', '!shape d'].map((t) => engine.translate('en', 'es', [t])))
      ).flat()
      const reasons = out.map((o) => (o.ok ? 'ok' : o.reason))
      expect(reasons[0]).toMatch(kind === 'deepl' ? /^quota exceeded$/ : /Quota exceeded/)
      expect(reasons[1]).toMatch(/HTTP 500/)
      expect(reasons[2]).toBe('malformed reply: not JSON')
      expect(reasons[3]).toMatch(/^malformed reply/)
    })

    it(`${kind}: an answer slower than the batch deadline times out, the others are kept`, async () => {
      const [slow, fast] = await Promise.all([quick.translate('en', 'es', ['!slow a']), quick.translate('en', 'es', ['b'])])
      expect(slow[0]).toEqual({ ok: false, reason: 'timed out' })
      expect(ok(fast[0])).toBe('B')
    })

    it(`${kind}: a reply that lost its codes is repaired around the whole text`, async () => {
      const [o] = await engine.translate('en', 'es', ['!drop ⟦1⟧the⟦/1⟧ cat'])
      expect(o).toEqual({ ok: true, text: '⟦1⟧!DROP THE CAT⟦/1⟧', repaired: true })
    })

    it(`${kind}: never more than 4 requests at once`, async () => {
      const fresh = await startStandIn(kind, KEY)
      try {
        const e = createEngines([{ name: kind, kind, url: fresh.url, key: KEY }]).get(kind)!
        // Enough texts for many requests whatever the group size (DeepL 50, LibreTranslate 25).
        const n = { deepl: 600, libretranslate: 300, openai: 12 }[kind]
        const texts = Array.from({ length: n }, (_, i) => `text ${i}`)
        const out = await e.translate('en', 'es', texts)
        expect(out.every((o) => o.ok)).toBe(true)
        expect(fresh.maxOpen).toBeLessThanOrEqual(4)
        expect(fresh.maxOpen).toBeGreaterThan(1)
      } finally {
        await fresh.close()
      }
    })
  })
}
