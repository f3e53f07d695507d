/**
 * Apertium's APy HTTP service (apertium-apy): `GET /listPairs` and `GET /translate?langpair=
 * eng|spa&q=…`, one text per request (APy reads one `q`). APy's default formatter is HTML
 * (deformat `html`, reformat `html-noent`), which keeps inline tags as they are and entities
 * escaped, so codes travel as XML tags. `markUnknown=no` keeps APy's `*` off unknown words.
 */
import { fromApertium, toApertium } from './apertium-codes.js'
import { MtError } from './errors.js'
import { expect, fetchJson, join, keepOnSuccess } from './http.js'
import type { EngineAdapter, EngineConfig, LanguagePair } from './types.js'

interface ApyPairs {
  responseData?: { sourceLanguage?: unknown; targetLanguage?: unknown }[]
}
interface ApyTranslation {
  responseData?: { translatedText?: unknown }
}

/** The APy adapter for one configured engine. */
export function apertiumAdapter(config: EngineConfig): EngineAdapter {
  const listPairs = keepOnSuccess((signal) =>
    fetchJson(join(config.url, '/listPairs'), {}, signal).then((j) => {
      const data = (j as ApyPairs).responseData
      expect(Array.isArray(data), 'no list of pairs')
      return data.map((p) => {
        expect(typeof p.sourceLanguage === 'string' && typeof p.targetLanguage === 'string', 'a pair without languages')
        return [p.sourceLanguage, p.targetLanguage] as [string, string]
      })
    }),
  )
  return {
    kind: 'apertium',
    codes: 'xml',
    groupSize: 1,
    async pairs(signal): Promise<LanguagePair[]> {
      return (await listPairs(signal)).map(([a, b]) => ({ from: fromApertium(a), to: fromApertium(b) }))
    },
    async translate({ from, to, texts, signal }) {
      const pairs = await listPairs(signal)
      const sources = new Set(pairs.map((p) => p[0]))
      const a = toApertium(from, sources)
      const b = a && toApertium(to, new Set(pairs.filter((p) => p[0] === a).map((p) => p[1])))
      if (!a || !b) throw new MtError(`no ${from} → ${to} pair installed`)
      return Promise.all(
        texts.map(async (q) => {
          const params = new URLSearchParams({ langpair: `${a}|${b}`, q, markUnknown: 'no' })
          const j = (await fetchJson(join(config.url, `/translate?${params}`), {}, signal)) as ApyTranslation
          const t = j.responseData?.translatedText
          expect(typeof t === 'string', 'no translatedText')
          return t
        }),
      )
    },
  }
}
