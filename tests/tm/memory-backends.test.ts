/**
 * The same memory on SQLite and on PostgreSQL answers the same: same best score for every query,
 * same top 3 (score, source, target), for matches and for matchMany. Entries are imported from
 * one TMX in one order, so both backends number them alike.
 */
import { expect, it } from 'vitest'
import type { MatchQuery, MemoryMatch } from '../../src/tm/types.js'
import { freshPgUrl } from '../store/_pg.js'
import { describeWith } from '../tools/need.js'
import { tmxOf, writeFile } from './_contract-memory.js'
import { pgMemory, sqliteMemory } from './_memory-fixture.js'
import { rng } from './_rng.js'

const r = rng(19)
const SYL = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vé', 'de', 'fa', 'gu', 'hä', 'je', 'po']
const VOCAB: string[] = []
while (VOCAB.length < 600) {
  let w = ''
  for (let i = r.int(1, 3); i > 0; i--) w += SYL[r.int(0, SYL.length - 1)]
  if (r.next() < 0.03) w += "'s"
  if (!VOCAB.includes(w)) VOCAB.push(w)
}
/** A word by a rough Zipf law: a few common words, many rare ones. */
const word = () => VOCAB[Math.min(VOCAB.length - 1, Math.floor(Math.exp(r.next() * Math.log(VOCAB.length))) - 1)]!
const sentence = () => {
  const ws = Array.from({ length: r.int(5, 14) }, word)
  if (r.next() < 0.25) ws.splice(r.int(1, ws.length - 1), 0, String(r.int(2, 2030)))
  return ws
}
const text = (ws: string[]) => ws[0]![0]!.toUpperCase() + ws.join(' ').slice(1) + '.'

const ENTRIES = Array.from({ length: 3000 }, sentence)
const QUERIES: MatchQuery[] = Array.from({ length: 300 }, () => {
  const ws = [...ENTRIES[r.int(0, ENTRIES.length - 1)]!]
  const edit = r.next()
  if (edit < 0.4) ws[r.int(0, ws.length - 1)] = word()
  else if (edit < 0.6) (ws[r.int(0, ws.length - 1)] = word()), (ws[r.int(0, ws.length - 1)] = word())
  else if (edit < 0.8) ws.splice(r.int(0, ws.length - 1), 1)
  else if (edit < 0.9) ws.splice(r.int(0, ws.length), 0, String(r.int(2, 2030)))
  return { text: text(r.next() < 0.1 ? sentence() : ws), srcLang: 'en', tgtLang: 'sv', threshold: 50 }
})

describeWith(['postgres'], 'the memory on SQLite and on PostgreSQL', () => {
  it('gives every query the same best score and the same top 3', async () => {
    const file = writeFile('same.tmx', tmxOf(ENTRIES.map((ws, i) => [text(ws), `Mening ${i}.`])))
    const backends = [await sqliteMemory(), await pgMemory(freshPgUrl)()]
    try {
      const [sqlite, pg] = await Promise.all(backends.map(async (b) => {
        await b.memory.importTmx(file)
        const top3 = []
        for (const q of QUERIES) top3.push((await b.memory.matches(q)).map((m) => `${m.score} ${m.source} → ${m.target}`))
        const best = (await b.memory.matchMany(QUERIES.map((q) => ({ ...q, limit: 1 })))).map((ms) => ms[0]?.score ?? 0)
        return { top3, best }
      }))
      expect(sqlite!.best.filter((s) => s > 0).length).toBeGreaterThan(200)
      expect(pg!.best).toEqual(sqlite!.best)
      expect(pg!.top3).toEqual(sqlite!.top3)
    } finally {
      await Promise.all(backends.map((b) => b.close()))
    }
  })

  it('agrees on sentences made of common words, in thousands of entries each', async () => {
    // 3,000 entries share "the harbour report … is", 1,500 "ready" and 1,500 "today": lists past
    // the frequency cap (2,000), which a PostgreSQL query reads in two parts when it needs more.
    const name = (i: number) => `q${String.fromCharCode(97 + (i % 26), 97 + (Math.floor(i / 26) % 26), 97 + Math.floor(i / 676))}`
    const pairs: [string, string][] = []
    for (let i = 0; i < 1500; i++) {
      pairs.push([`The harbour report ${name(i)} is ready.`, `Rapport ${name(i)} klar.`])
      pairs.push([`The harbour report ${name(i)} is today.`, `Rapport ${name(i)} i dag.`])
    }
    pairs.push(['The harbour report is ready today.', 'Rapporten är klar i dag.'])
    const file = writeFile('common.tmx', tmxOf(pairs))
    const queries = ['The harbour report is ready today soon.', 'The harbour report qabc is ready.', 'Report the harbour is today.', 'The harbour report is.']
      .map((text) => ({ text, srcLang: 'en', tgtLang: 'sv', threshold: 60 }))
    const backends = [await sqliteMemory(), await pgMemory(freshPgUrl)()]
    try {
      const [sqlite, pg] = await Promise.all(backends.map(async (b) => {
        await b.memory.importTmx(file)
        // Entries compared by what they say: each store stamps its import with its own clock.
        const shown = (ms: MemoryMatch[]) => ms.map((m) => `${m.score} ${m.source} → ${m.target}`)
        const one = []
        for (const q of queries) one.push(shown(await b.memory.matches(q)))
        return { one, many: (await b.memory.matchMany(queries.map((q) => ({ ...q, limit: 1 })))).map(shown) }
      }))
      expect(sqlite!.one[0]![0]).toBe('85 The harbour report is ready today. → Rapporten är klar i dag.')
      expect(pg).toEqual(sqlite)
    } finally {
      await Promise.all(backends.map((b) => b.close()))
    }
  })
})
