import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { segmentText } from '../../src/segment/segment-text.js'

const SEED = readFileSync(new URL('../../seeds/sv-general-01.txt', import.meta.url), 'utf8')

describe('the seed article', () => {
  // The seed is tagged sv-general but written in English; both rule sets must treat it well.
  for (const lang of ['en', 'sv']) {
    const spans = segmentText(SEED, lang)
    const texts = spans.map((s) => SEED.slice(s.start, s.end))

    it(`makes each headline a unit of its own (${lang})`, () => {
      for (const headline of [
        'The HTS summit: A year of planning behind the lightning offensive in Syria',
        'Made own weapons and drones',
        'Succeeded in reaching rebels in the south',
        'The expert: HTS saw an opportunity',
      ]) {
        const i = texts.indexOf(headline)
        expect(i, headline).toBeGreaterThanOrEqual(0)
        expect(spans[i]?.kind).toBe('heading')
      }
    })

    it(`keeps each en-dash quote inside its unit (${lang})`, () => {
      const quotes = texts.filter((t) => t.startsWith('– '))
      expect(quotes).toHaveLength(5)
      expect(quotes).toContain('– We had a conviction that Damascus cannot fall until Aleppo falls.')
      for (const t of texts) expect(t.startsWith('–') || !t.includes('\n')).toBe(true)
    })

    it(`splits the two-sentence paragraphs (${lang})`, () => {
      expect(texts).toContain('Syria’s allies Iran and Hezbollah are weakened by the conflict with Israel, and Russia is preoccupied with the war in Ukraine.')
      expect(texts).toHaveLength(19)
    })

    it(`reassembles the article byte for byte (${lang})`, () => {
      let out = SEED.slice(0, spans[0]?.start ?? SEED.length)
      spans.forEach((s, i) => {
        out += SEED.slice(s.start, s.end) + SEED.slice(s.end, spans[i + 1]?.start ?? SEED.length)
      })
      expect(out).toBe(SEED)
    })
  }
})
